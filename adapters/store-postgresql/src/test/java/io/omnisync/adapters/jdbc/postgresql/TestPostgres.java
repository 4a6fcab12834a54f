package io.omnisync.adapters.jdbc.postgresql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * The PostgreSQL server of the tests: the one scripts/ensure-postgresql.sh makes sure answers on
 * localhost:5432 with the role omnisync_test (or the one {@code OMNISYNC_TEST_POSTGRES} names).
 * Each test class gets a database of its own, made afresh, so classes never see each other's stores.
 */
final class TestPostgres {

    static final PostgresLocation SERVER = PostgresLocation.parse(
            Optional.ofNullable(System.getenv("OMNISYNC_TEST_POSTGRES"))
                    .orElse("postgresql://omnisync_test:omnisync_test@localhost:5432/omnisync_test"),
            Optional.empty());

    private TestPostgres() {}

    /** A new, empty database for {@code owner} (dropped first if an earlier run left it). */
    static PostgresLocation freshDatabase(Class<?> owner) {
        String name = "omnisync_" + owner.getSimpleName().toLowerCase(Locale.ROOT);
        try (Connection connection = PostgresStores.connect(SERVER, "test setup");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the test database " + name + " on " + SERVER, e);
        }
        return SERVER.inDatabase(name);
    }

    /** A connection of the test's own to {@code location}, outside any store. */
    static Connection connect(PostgresLocation location) {
        return PostgresStores.connect(location, "test");
    }
}
