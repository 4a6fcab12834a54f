package io.omnisync.adapters.jdbc;

import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.store.ConfigurationFingerprint;
import io.omnisync.domain.configuration.Configuration;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a durable store reads its running configuration at start-up: its {@link ConfigurationSnapshot}
 * when there is one of this version that reads whole (no JSON decoded, nothing validated again);
 * else, once, the JSON, decoded and validated as it always was, and the store writes the snapshot
 * it lacked. Shared by the SQLite and the PostgreSQL stores.
 */
public final class StoredConfiguration {

    /**
     * Set to {@code ignore}, the snapshot is not read (nor rewritten): every start takes the JSON path. For
     * measuring that path against the snapshot's (benchmarks/DurableStartup); never needed otherwise.
     */
    public static final String IGNORE_SNAPSHOT_PROPERTY = "omnisync.configurationSnapshot";

    private static final Logger LOG = LoggerFactory.getLogger(StoredConfiguration.class);

    /** Whether the store holds a configuration at all ({@link #exists}). */
    public static final String SELECT_EXISTS = "SELECT 1 FROM configuration WHERE id = 1";

    /** The snapshot row ({@link #snapshot}). */
    public static final String SELECT_SNAPSHOT =
            "SELECT omnisync_version, data, started_from FROM configuration_snapshot WHERE id = 1";

    /** The configuration's JSON ({@link #json}). */
    public static final String SELECT_JSON = "SELECT draft FROM configuration WHERE id = 1";

    private StoredConfiguration() {}

    /** Runs {@link #SELECT_EXISTS}: both stores read the same tables with the same statements. */
    public static boolean exists(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            return row.next();
        }
    }

    /** Runs {@link #SELECT_SNAPSHOT}. */
    public static Option<Snapshot> snapshot(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            return row.next()
                    ? Option.some(new Snapshot(row.getString(1), row.getBytes(2), fingerprint(row.getString(3))))
                    : Option.none();
        }
    }

    /** Runs {@link #SELECT_JSON} on a store that {@link #exists has one}. */
    public static String json(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    /** A snapshot row as a store keeps it: who wrote it, its bytes, the file the configuration was started from. */
    public record Snapshot(String version, byte[] data, Option<ConfigurationFingerprint> startedFrom) {
        public Snapshot {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(startedFrom, "startedFrom");
        }
    }

    /**
     * What a store read: the configuration, whether its snapshot is to be written (none, of another
     * version, or unreadable), and the file it was started from (known only from a snapshot of this version).
     */
    public record Loaded(
            Configuration configuration,
            boolean snapshotToWrite,
            Option<ConfigurationFingerprint> startedFrom,
            Option<String> whyNotTheSnapshot) {}

    /**
     * The stored configuration: from {@code snapshot} when it reads, else from {@code json} (read only then).
     *
     * @param where the store, for messages
     * @throws StoreException when the JSON path is taken and the JSON does not read or is no longer valid
     */
    public static Loaded load(
            String where, Option<Snapshot> snapshot, Supplier<String> json, ConfigurationCodec codec) {
        if (ignoringSnapshots()) {
            return new Loaded(fromJson(where, json.get(), codec), false, Option.none(), Option.some("ignored"));
        }
        if (snapshot.isEmpty()) {
            LOG.info(
                    "{}: no configuration snapshot yet (a store of an older Omnisync): reading the stored JSON once,"
                            + " then writing one",
                    where);
            return new Loaded(fromJson(where, json.get(), codec), true, Option.none(), Option.some("none yet"));
        }
        Snapshot stored = snapshot.get();
        if (!ConfigurationSnapshot.VERSION.equals(stored.version())) {
            LOG.warn(
                    "{}: the configuration snapshot was written as {}, this is {}: reading the stored JSON and "
                            + "validating it instead, then rewriting the snapshot",
                    where,
                    stored.version(),
                    ConfigurationSnapshot.VERSION);
            return new Loaded(
                    fromJson(where, json.get(), codec),
                    true,
                    Option.none(),
                    Option.some("written as " + stored.version()));
        }
        Either<String, Configuration> read = ConfigurationSnapshot.read(stored.data());
        if (read.isLeft()) {
            LOG.warn(
                    "{}: the configuration snapshot is not used ({}): reading the stored JSON and validating it "
                            + "instead, then rewriting the snapshot",
                    where,
                    read.getLeft());
            return new Loaded(
                    fromJson(where, json.get(), codec), true, stored.startedFrom(), Option.some(read.getLeft()));
        }
        return new Loaded(read.get(), false, stored.startedFrom(), Option.none());
    }

    /**
     * The snapshot to write for a configuration, or none (with a warning) when it has no snapshot form:
     * then the store deletes the one it had, so that an outdated one is never read.
     */
    public static Option<byte[]> snapshotOf(String where, Configuration configuration) {
        if (ignoringSnapshots()) {
            return Option.none();
        }
        try {
            return Option.some(ConfigurationSnapshot.write(configuration));
        } catch (IllegalArgumentException noForm) {
            LOG.warn(
                    "{}: no configuration snapshot is kept ({}): the next start reads the JSON",
                    where,
                    noForm.getMessage());
            return Option.none();
        }
    }

    /** The fingerprint a store keeps as text, read back (none for none, or for what is not one). */
    public static Option<ConfigurationFingerprint> fingerprint(String stored) {
        if (stored == null) {
            return Option.none();
        }
        try {
            return Option.some(new ConfigurationFingerprint(stored));
        } catch (IllegalArgumentException notOne) {
            return Option.none();
        }
    }

    private static boolean ignoringSnapshots() {
        return "ignore".equals(System.getProperty(IGNORE_SNAPSHOT_PROPERTY));
    }

    private static Configuration fromJson(String where, String json, ConfigurationCodec codec) {
        var draft = codec.decode(json)
                .getOrElseThrow(
                        problem -> new StoreException(where + ": the stored configuration does not read: " + problem));
        return Configuration.validate(draft)
                .toEither()
                .getOrElseThrow(problems -> new StoreException(
                        where + ": the stored configuration is no longer valid: " + problems.mkString("; ")));
    }
}
