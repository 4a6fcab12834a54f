package io.omnisync.adapters.jdbc;

import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.store.ConfigurationFingerprint;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.sqlite.SQLiteConfig;

/**
 * Opens (or creates) a store file. It refuses, with a message naming the file and changing
 * nothing, a file that is not a SQLite database, one written by a newer Omnisync, and a place
 * where the file cannot be created.
 */
public final class SqliteStores {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SqliteStores() {}

    /**
     * Opens the store for this process alone ({@link StoreLock}), migrating its schema if it is an
     * older one; the store is released by {@link SqliteStore#close()} or by the end of the process.
     *
     * @throws StoreInUseException when another process owns the store (nothing is changed)
     * @throws StoreException naming the file, in words, for anything else that keeps it from opening
     */
    public static SqliteStore open(Path file, ConfigurationCodec codec) {
        Path path = file.toAbsolutePath();
        refuseWhatIsNotOurs(path);
        StoreLock lock = StoreLock.take(path);
        try {
            return open(path, codec, lock);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    /**
     * The file the configuration in the store at {@code file} was started from, looked at without taking
     * the store: read-only, no lock, no migration, nothing written. A hint for {@code serve}, which checks
     * it again once it owns the store ({@code StartEngine.resume}). None when there is no such file, it is
     * no store, or its snapshot is of another Omnisync version or records no file.
     */
    public static Option<ConfigurationFingerprint> startedFrom(Path file) {
        Path path = file.toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            return Option.none();
        }
        try (InputStream in = Files.newInputStream(path)) {
            if (!Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER)) {
                return Option.none();
            }
        } catch (IOException e) {
            return Option.none();
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection connection = readOnly.createConnection("jdbc:sqlite:" + path);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT omnisync_version, started_from FROM configuration_snapshot WHERE id = 1")) {
            return row.next() && ConfigurationSnapshot.VERSION.equals(row.getString(1))
                    ? StoredConfiguration.fingerprint(row.getString(2))
                    : Option.none();
        } catch (SQLException noSnapshot) {
            // an older schema, or a store being created: the file is read and compared
            return Option.none();
        }
    }

    private static SqliteStore open(Path path, ConfigurationCodec codec, StoreLock lock) {
        String url = "jdbc:sqlite:" + path;
        Flyway flyway = Flyway.configure()
                .dataSource(url, "", "")
                .locations("classpath:db/migration")
                .javaMigrations(new SettingsIntoTheDraft(codec))
                .cleanDisabled(true)
                .load();
        try {
            for (MigrationInfo migration : flyway.info().all()) {
                if (migration.getState() == MigrationState.FUTURE_SUCCESS
                        || migration.getState() == MigrationState.FUTURE_FAILED) {
                    throw new StoreException(path + " was written by a newer Omnisync (schema version "
                            + migration.getVersion() + "); this one knows up to version " + latest(flyway)
                            + ". Use that newer version or another file; nothing was changed.");
                }
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw StoreFailure.of(path, "opening the store", e);
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw StoreFailure.of(path, "opening the store", e);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            // a commit must be on disk before its commands go out (the outbox promise)
            statement.execute("PRAGMA synchronous = FULL");
            statement.execute("PRAGMA busy_timeout = 5000");
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw StoreFailure.of(path, "opening the store", e);
        }
        return new SqliteStore(path, connection, codec, lock);
    }

    private static String latest(Flyway flyway) {
        MigrationInfo[] known = flyway.info().all();
        return Arrays.stream(known)
                .filter(m ->
                        m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                .map(m -> m.getVersion().toString())
                .reduce((a, b) -> b)
                .orElse("none");
    }

    private static void refuseWhatIsNotOurs(Path path) {
        if (Files.exists(path)) {
            if (!Files.isRegularFile(path)) {
                throw new StoreException(path + " is not a file; nothing was changed");
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] header = in.readNBytes(SQLITE_HEADER.length);
                if (header.length > 0 && !Arrays.equals(header, SQLITE_HEADER)) {
                    throw new StoreException(path + " is not an Omnisync store (not a SQLite database, or corrupt); "
                            + "it was left untouched");
                }
            } catch (IOException e) {
                throw new StoreException(path + " cannot be read (" + IoWords.of(e) + ")", e);
            }
            if (!Files.isWritable(path)) {
                throw new StoreException(path + " is read-only; Omnisync must write its store");
            }
            return;
        }
        Path folder = path.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new StoreException("cannot create the store " + path + ": the folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new StoreException("cannot create the store " + path + ": the folder " + folder + " is not writable");
        }
    }
}
