package io.omnisync.adapters.jdbc;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A store failure in words an operator can act on: the file, what Omnisync was doing, and what
 * SQLite found (corrupt, not a database, disk full, read-only, ...), never a driver's class name
 * or Flyway's "SQL State / Error Code" block.
 */
final class StoreFailure {

    private StoreFailure() {}

    /** {@code <file>: <doing> failed: <what SQLite found>}, with the failure kept as the cause. */
    static StoreException of(Path file, String doing, Throwable failure) {
        return new StoreException(file + ": " + doing + " failed: " + describe(failure), failure);
    }

    /** What went wrong, from the deepest SQLite error in the chain when there is one. */
    static String describe(Throwable failure) {
        SQLiteException sqlite = null;
        SQLException sql = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException found) {
                sqlite = found;
            } else if (cause instanceof SQLException found && sql == null) {
                sql = found;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        if (sqlite != null) {
            return words(sqlite.getResultCode(), sqlite.getMessage());
        }
        if (sql != null && sql.getMessage() != null) {
            return firstLine(sql.getMessage());
        }
        return firstLine(String.valueOf(failure.getMessage()));
    }

    private static String words(SQLiteErrorCode code, String message) {
        String name = code == null ? "" : code.name();
        if (name.startsWith("SQLITE_CORRUPT")) {
            return "the file is corrupt (SQLite: database disk image is malformed); restore it from a backup";
        }
        if (name.startsWith("SQLITE_NOTADB")) {
            return "the file is not a SQLite database, or it is corrupt";
        }
        if (name.startsWith("SQLITE_FULL")) {
            return "the disk is full";
        }
        if (name.startsWith("SQLITE_READONLY")) {
            return "the file or its folder is read-only";
        }
        if (name.startsWith("SQLITE_CANTOPEN")) {
            return "the file cannot be opened (missing folder or no permission)";
        }
        if (name.startsWith("SQLITE_IOERR")) {
            return "the disk reported an I/O error (SQLite: " + name.toLowerCase(java.util.Locale.ROOT) + ")";
        }
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return "another program holds the file locked";
        }
        return sqliteSentence(message);
    }

    /** sqlite-jdbc writes {@code [SQLITE_X] Generic words (the precise words)}: keep the precise words. */
    private static String sqliteSentence(String message) {
        String text = firstLine(String.valueOf(message));
        int open = text.lastIndexOf('(');
        int close = text.lastIndexOf(')');
        if (open >= 0 && close > open) {
            return "SQLite: " + text.substring(open + 1, close);
        }
        return "SQLite: " + text.replaceFirst("^\\[[A-Z_]+\\]\\s*", "");
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
