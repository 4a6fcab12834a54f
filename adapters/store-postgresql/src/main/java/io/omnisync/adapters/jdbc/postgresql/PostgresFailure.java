package io.omnisync.adapters.jdbc.postgresql;

import io.omnisync.adapters.jdbc.StoreException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A store failure in words an operator can act on: the location (never its password), what
 * Omnisync was doing, and what PostgreSQL or the network said (no server, wrong password, no such
 * database, disk full, ...), never a driver's class name or Flyway's "SQL State" block.
 */
final class PostgresFailure {

    private PostgresFailure() {}

    /** {@code <location>: <doing> failed: <what was found>}, with the failure kept as the cause. */
    static StoreException of(PostgresLocation location, String doing, Throwable failure) {
        return new StoreException(
                location + ": " + doing + " failed: " + describe(location, failure), scrubbed(location, failure));
    }

    static String describe(PostgresLocation location, Throwable failure) {
        SQLException sql = null;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException found) {
                sql = found;
                break;
            }
        }
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = hidden(location, firstLine(String.valueOf((sql == null ? failure : sql).getMessage())));
        String where = location.host() + ":" + location.port();
        if (state.startsWith("08")) {
            return "PostgreSQL does not answer at " + where + " (" + message + ")";
        }
        return switch (state) {
            case "28P01", "28000" -> "PostgreSQL refused the login (" + message + ")";
            case "3D000" -> "the database '" + location.database() + "' does not exist on " + where;
            case "3F000" -> "the schema '" + location.schema() + "' does not exist";
            case "42501" -> "the user may not do this (" + message + ")";
            case "53100" -> "the server's disk is full";
            case "57P01", "57P02", "57P03" -> "the server is shutting down or starting up (" + message + ")";
            default -> message;
        };
    }

    /** The failure itself may print the password (a driver's message quoting the URL): keep only what is safe. */
    private static Throwable scrubbed(PostgresLocation location, Throwable failure) {
        Optional<String> password = location.password();
        String message = String.valueOf(failure.getMessage());
        if (password.isPresent() && message.contains(password.get())) {
            return new StoreException(hidden(location, message));
        }
        return failure;
    }

    static String hidden(PostgresLocation location, String text) {
        return location.password()
                .filter(p -> !p.isEmpty())
                .map(p -> text.replace(p, "***"))
                .orElse(text);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
