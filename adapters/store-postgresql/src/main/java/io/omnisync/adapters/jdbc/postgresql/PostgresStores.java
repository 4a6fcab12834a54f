package io.omnisync.adapters.jdbc.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.omnisync.adapters.jdbc.ConfigurationSnapshot;
import io.omnisync.adapters.jdbc.StoreException;
import io.omnisync.adapters.jdbc.StoredConfiguration;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.store.ConfigurationFingerprint;
import io.vavr.control.Option;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * Opens (or creates) a store on a PostgreSQL server: takes the store for this process (the lease,
 * {@link StoreOwner}), then migrates its schema with its own Flyway history, then opens the pool.
 * It refuses, naming the location and changing nothing, a store owned by another process and one
 * written by a newer Omnisync.
 */
public final class PostgresStores {

    /** How an Omnisync connection names itself to the server ({@code pg_stat_activity}): "omnisync PID on HOST". */
    static final String APPLICATION = "omnisync ";

    private static final int POOL_SIZE = 8;

    private PostgresStores() {}

    /**
     * Opens the store for this process alone, migrating its schema if it is an older one; the store
     * is released by {@link PostgresStore#close()} or by the end of the process.
     *
     * @throws io.omnisync.adapters.jdbc.StoreInUseException when another process owns the store (nothing is changed)
     * @throws StoreException naming the location, in words, for anything else that keeps it from opening
     */
    public static PostgresStore open(PostgresLocation location, ConfigurationCodec codec) {
        return open(location, codec, false);
    }

    /**
     * Opens the store as a standby: waits, as long as it takes, until the process that owns it lets
     * it go (it stops, dies, or loses its connection), then takes it and opens it as {@link #open} does.
     * Interrupting the waiting thread cancels the wait.
     */
    public static PostgresStore openWhenFree(PostgresLocation location, ConfigurationCodec codec) {
        return open(location, codec, true);
    }

    private static PostgresStore open(PostgresLocation location, ConfigurationCodec codec, boolean wait) {
        Connection connection = connect(location, "owner");
        StoreOwner owner;
        try {
            owner = wait ? StoreOwner.await(location, connection) : StoreOwner.take(location, connection);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        HikariDataSource pool = null;
        try {
            pool = pool(location);
            migrate(location, pool);
            try (Statement statement = connection.createStatement()) {
                // a commit must be on the server's disk before its commands go out (the outbox promise),
                // whatever the server's default: this session writes everything the store writes
                statement.execute("SET synchronous_commit = on");
            }
            connection.setAutoCommit(false);
            return new PostgresStore(location, owner, pool, codec);
        } catch (SQLException e) {
            closeQuietly(pool);
            owner.release();
            throw PostgresFailure.of(location, "opening the store", e);
        } catch (RuntimeException | Error e) {
            closeQuietly(pool);
            owner.release();
            throw e;
        }
    }

    /**
     * The configuration file the store was last started from (its SHA-256), read without taking the store and without
     * changing anything, so that {@code serve} can skip reading a file the store already runs; none when the server
     * cannot be reached, the store is new or of an older schema, or its snapshot is another version's.
     */
    public static Option<ConfigurationFingerprint> startedFrom(PostgresLocation location) {
        String table = "\"" + location.schema().replace("\"", "\"\"") + "\".configuration_snapshot";
        try (Connection connection = connect(location, "look");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT omnisync_version, started_from FROM " + table + " WHERE id = 1")) {
            return row.next() && ConfigurationSnapshot.VERSION.equals(row.getString(1))
                    ? StoredConfiguration.fingerprint(row.getString(2))
                    : Option.none();
        } catch (SQLException | StoreException noSnapshot) {
            // a new store, an older schema, a server not there yet: the file is read and compared as always
            return Option.none();
        }
    }

    /** A connection of this process, named for {@code pg_stat_activity}, the password passed apart from the URL. */
    static Connection connect(PostgresLocation location, String role) {
        try {
            Connection connection = new Driver().connect(location.jdbcUrl(), properties(location, role));
            if (connection == null) {
                throw new StoreException(location + ": the PostgreSQL driver does not take this location");
            }
            return connection;
        } catch (SQLException e) {
            throw PostgresFailure.of(location, "connecting to the store", e);
        }
    }

    private static Properties properties(PostgresLocation location, String role) {
        Properties properties = new Properties();
        location.user().ifPresent(user -> PGProperty.USER.set(properties, user));
        location.password().ifPresent(password -> PGProperty.PASSWORD.set(properties, password));
        PGProperty.APPLICATION_NAME.set(properties, applicationName(role));
        PGProperty.TCP_KEEP_ALIVE.set(properties, true);
        PGProperty.CONNECT_TIMEOUT.set(properties, 10);
        // a batch of outbox rows or sessions goes as one multi-row statement
        PGProperty.REWRITE_BATCHED_INSERTS.set(properties, true);
        return properties;
    }

    private static String applicationName(String role) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "an unknown host";
        }
        return APPLICATION + ProcessHandle.current().pid() + " on " + host + " (" + role + ")";
    }

    private static HikariDataSource pool(PostgresLocation location) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("omnisync-store");
        config.setDriverClassName(Driver.class.getName());
        config.setJdbcUrl(location.jdbcUrl());
        config.setDataSourceProperties(properties(location, "reader"));
        location.user().ifPresent(config::setUsername);
        location.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionInitSql("SET synchronous_commit = on");
        config.setInitializationFailTimeout(10_000);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw PostgresFailure.of(location, "opening the store's connections", e);
        }
    }

    private static void migrate(PostgresLocation location, HikariDataSource pool) {
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .schemas(location.schema())
                .defaultSchema(location.schema())
                .locations("classpath:db/omnisync-postgresql")
                .cleanDisabled(true)
                .load();
        try {
            for (MigrationInfo migration : flyway.info().all()) {
                if (migration.getState() == MigrationState.FUTURE_SUCCESS
                        || migration.getState() == MigrationState.FUTURE_FAILED) {
                    throw new StoreException(location + " was written by a newer Omnisync (schema version "
                            + migration.getVersion() + "); this one knows up to version " + latest(flyway)
                            + ". Use that newer version or another database; nothing was changed.");
                }
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw PostgresFailure.of(location, "migrating the store", e);
        }
    }

    private static String latest(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getVersion() != null
                        && m.getState() != MigrationState.FUTURE_SUCCESS
                        && m.getState() != MigrationState.FUTURE_FAILED)
                .map(m -> m.getVersion().toString())
                .reduce((a, b) -> b)
                .orElse("none");
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was done on it that needs keeping
        }
    }

    private static void closeQuietly(HikariDataSource pool) {
        if (pool != null) {
            pool.close();
        }
    }
}
