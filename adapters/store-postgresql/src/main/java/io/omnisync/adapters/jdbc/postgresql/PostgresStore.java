package io.omnisync.adapters.jdbc.postgresql;

import com.zaxxer.hikari.HikariDataSource;
import io.omnisync.adapters.jdbc.ConfigurationSnapshot;
import io.omnisync.adapters.jdbc.SessionDocuments;
import io.omnisync.adapters.jdbc.StoreException;
import io.omnisync.adapters.jdbc.StoredConfiguration;
import io.omnisync.application.store.ActiveLease;
import io.omnisync.application.store.AgentSessions;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.store.ConfigurationFingerprint;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.store.Outbox;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.application.store.Transactions;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Command;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything Omnisync must not forget, on a PostgreSQL server: the running configuration with its
 * run-time settings, the agent sessions and the outbox, in the tables of one schema. Every unit of
 * work is one transaction on the owner's connection (the one that holds the store's lease, {@link
 * StoreOwner}), committed with {@code synchronous_commit = on}; calls made inside one join it, so a
 * session change and the commands it produced are committed together or not at all. Reads made
 * outside a transaction go through the pool, in parallel.
 */
public final class PostgresStore
        implements AgentSessions, ConfigurationStore, Outbox, Transactions, ActiveLease, AutoCloseable {

    private final PostgresLocation location;
    private final StoreOwner owner;
    private final Connection writer;
    private final HikariDataSource pool;
    private final ConfigurationCodec codec;
    private final ReentrantLock lock = new ReentrantLock();
    private int depth;
    private volatile boolean lost;
    private volatile Configuration cached;
    private Configuration uncommitted;
    private volatile Option<ConfigurationFingerprint> startedFrom = Option.none();
    private Option<ConfigurationFingerprint> uncommittedStartedFrom = Option.none();

    PostgresStore(PostgresLocation location, StoreOwner owner, HikariDataSource pool, ConfigurationCodec codec) {
        this.location = location;
        this.owner = owner;
        this.writer = owner.connection();
        this.pool = pool;
        this.codec = codec;
    }

    public PostgresLocation location() {
        return location;
    }

    /**
     * Whether this process still owns the store (its lease connection is alive and holds the lock).
     * A store that lost it writes nothing more: every write fails, so nothing is acknowledged.
     */
    public boolean owned() {
        if (lost) {
            return false;
        }
        lock.lock();
        try {
            if (!owner.holds()) {
                lost = true;
            }
            return !lost;
        } finally {
            lock.unlock();
        }
    }

    /** The lease of a standby pair: this process is the active one while it owns the store. */
    @Override
    public boolean held() {
        return owned();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (depth > 0) {
                depth++;
                try {
                    return work.get();
                } finally {
                    depth--;
                }
            }
            if (lost) {
                throw StoreOwner.lost(location);
            }
            depth = 1;
            uncommitted = null;
            try {
                T result = work.get();
                commit();
                if (uncommitted != null) {
                    startedFrom = uncommittedStartedFrom;
                    cached = uncommitted;
                }
                return result;
            } catch (RuntimeException | Error e) {
                rollback();
                throw e;
            } finally {
                uncommitted = null;
                depth = 0;
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- agent sessions -------------------------------------------------------------------

    @Override
    public Option<AgentSession> find(AgentId agent) {
        return read("SELECT data::text FROM agent_session WHERE agent = ?", statement -> {
            statement.setString(1, agent.value());
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Option.some(SessionDocuments.decode(agent.value(), row.getString(1)))
                        : Option.none();
            }
        });
    }

    /** One query for many agents (a group commit's batch), not one each. */
    @Override
    public Seq<AgentSession> findAll(Set<AgentId> agents) {
        if (agents.isEmpty()) {
            return List.empty();
        }
        return read("SELECT agent, data::text FROM agent_session WHERE agent = ANY (?)", statement -> {
            statement.setArray(
                    1,
                    statement
                            .getConnection()
                            .createArrayOf("text", agents.map(AgentId::value).toJavaArray(String[]::new)));
            java.util.List<AgentSession> sessions = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    sessions.add(SessionDocuments.decode(row.getString(1), row.getString(2)));
                }
            }
            return List.ofAll(sessions);
        });
    }

    @Override
    public Seq<AgentSession> all() {
        return read("SELECT agent, data::text FROM agent_session ORDER BY agent", statement -> {
            java.util.List<AgentSession> sessions = new ArrayList<>();
            statement.setFetchSize(10_000);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    sessions.add(SessionDocuments.decode(row.getString(1), row.getString(2)));
                }
            }
            return List.ofAll(sessions);
        });
    }

    @Override
    public void save(AgentSession session) {
        saveAll(List.of(session));
    }

    /** Many sessions in one statement (the driver rewrites the batch as one multi-row insert). */
    @Override
    public void saveAll(Seq<AgentSession> sessions) {
        if (sessions.isEmpty()) {
            return;
        }
        write(
                "INSERT INTO agent_session (agent, data) VALUES (?, CAST(? AS jsonb)) "
                        + "ON CONFLICT (agent) DO UPDATE SET data = excluded.data",
                statement -> {
                    for (AgentSession session : sessions) {
                        statement.setString(1, session.agent().value());
                        statement.setString(2, SessionDocuments.encode(session));
                        statement.addBatch();
                    }
                    statement.executeBatch();
                });
    }

    @Override
    public void retainOnly(Set<AgentId> agents) {
        write("DELETE FROM agent_session WHERE NOT (agent = ANY (?))", statement -> {
            statement.setArray(
                    1, writer.createArrayOf("text", agents.map(AgentId::value).toJavaArray(String[]::new)));
            statement.executeUpdate();
        });
    }

    // ---- configuration --------------------------------------------------------------------

    @Override
    public Option<Configuration> current() {
        if (lock.isHeldByCurrentThread() && depth > 0 && uncommitted != null) {
            return Option.some(uncommitted);
        }
        Configuration known = cached;
        if (known == null) {
            lock.lock();
            try {
                if (cached == null) {
                    loadConfiguration().forEach(loaded -> {
                        if (loaded.snapshotToWrite() && !lost) {
                            inTransaction(() -> {
                                writeSnapshot(loaded.configuration(), loaded.startedFrom());
                                return null;
                            });
                        }
                        startedFrom = loaded.startedFrom();
                        cached = loaded.configuration();
                    });
                }
                known = cached;
            } finally {
                lock.unlock();
            }
        }
        return Option.of(known);
    }

    /** The configuration as it runs: its draft carries the settings and rule toggles changed at run time. */
    @Override
    public void save(Configuration configuration) {
        inTransaction(() -> {
            current();
            save(configuration, uncommitted != null ? uncommittedStartedFrom : startedFrom);
            return null;
        });
    }

    /** Saved with its snapshot, in one transaction: a restart reads the snapshot, not the JSON. */
    @Override
    public void save(Configuration configuration, Option<ConfigurationFingerprint> file) {
        inTransaction(() -> {
            write(
                    "INSERT INTO configuration (id, draft) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET draft = excluded.draft",
                    statement -> {
                        statement.setString(1, codec.encode(configuration.draft()));
                        statement.executeUpdate();
                    });
            writeSnapshot(configuration, file);
            uncommitted = configuration;
            uncommittedStartedFrom = file;
            return null;
        });
    }

    @Override
    public Option<ConfigurationFingerprint> startedFrom() {
        if (lock.isHeldByCurrentThread() && depth > 0 && uncommitted != null) {
            return uncommittedStartedFrom;
        }
        lock.lock();
        try {
            current();
            return startedFrom;
        } finally {
            lock.unlock();
        }
    }

    private void writeSnapshot(Configuration configuration, Option<ConfigurationFingerprint> file) {
        Option<byte[]> snapshot = StoredConfiguration.snapshotOf(location.toString(), configuration);
        if (snapshot.isEmpty()) {
            write("DELETE FROM configuration_snapshot", PreparedStatement::executeUpdate);
            return;
        }
        write(
                "INSERT INTO configuration_snapshot (id, omnisync_version, data, started_from) VALUES (1, ?, ?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET omnisync_version = excluded.omnisync_version, "
                        + "data = excluded.data, started_from = excluded.started_from",
                statement -> {
                    statement.setString(1, ConfigurationSnapshot.VERSION);
                    statement.setBytes(2, snapshot.get());
                    statement.setString(
                            3, file.map(ConfigurationFingerprint::sha256).getOrNull());
                    statement.executeUpdate();
                });
    }

    private Option<StoredConfiguration.Loaded> loadConfiguration() {
        if (!read(StoredConfiguration.SELECT_EXISTS, StoredConfiguration::exists)) {
            return Option.none();
        }
        return Option.some(StoredConfiguration.load(
                location.toString(),
                read(StoredConfiguration.SELECT_SNAPSHOT, StoredConfiguration::snapshot),
                () -> read(StoredConfiguration.SELECT_JSON, StoredConfiguration::json),
                codec));
    }

    // ---- outbox ---------------------------------------------------------------------------

    @Override
    public void add(Seq<Command> commands) {
        if (commands.isEmpty()) {
            return;
        }
        write("INSERT INTO outbox (agent, system, status, origin, rule) VALUES (?, ?, ?, ?, ?)", statement -> {
            for (Command command : commands) {
                statement.setString(1, command.agent().value());
                statement.setString(2, command.system().name());
                statement.setString(3, command.statusName());
                statement.setString(4, command.because().origin().name());
                statement.setString(5, command.because().rule().getOrNull());
                statement.addBatch();
            }
            statement.executeBatch();
        });
    }

    @Override
    public Seq<PendingCommand> pending() {
        return read(
                "SELECT id, agent, system, status, origin, rule, attempts, last_error FROM outbox ORDER BY id",
                statement -> {
                    java.util.List<PendingCommand> pending = new ArrayList<>();
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            AgentId agent = AgentId.of(row.getString(2));
                            Because because =
                                    new Because(Because.Origin.valueOf(row.getString(5)), Option.of(row.getString(6)));
                            Command command = VendorSystem.valueOf(row.getString(3)) == VendorSystem.TALKDESK
                                    ? new Command.SetTalkdeskStatus(
                                            agent, TalkdeskStatusId.of(row.getString(4)), because)
                                    : new Command.SetOmniStatus(agent, PresenceStatusId.of(row.getString(4)), because);
                            pending.add(new PendingCommand(
                                    CommandId.of(row.getLong(1)), command, row.getInt(7), Option.of(row.getString(8))));
                        }
                    }
                    return List.ofAll(pending);
                });
    }

    @Override
    public void done(CommandId id) {
        write("DELETE FROM outbox WHERE id = ?", statement -> {
            statement.setLong(1, id.value());
            statement.executeUpdate();
        });
    }

    @Override
    public void failed(CommandId id, String error) {
        write("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?", statement -> {
            statement.setString(1, error);
            statement.setLong(2, id.value());
            statement.executeUpdate();
        });
    }

    // ---- plumbing -------------------------------------------------------------------------

    /** A server setting as the owner's connection, which makes every commit, has it. */
    String setting(String name) {
        return inTransaction(() -> read("SELECT current_setting(?)", statement -> {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }));
    }

    /** Closes the connections and lets another process own the store. */
    @Override
    public void close() {
        lock.lock();
        try {
            pool.close();
        } finally {
            owner.release();
            lost = true;
            lock.unlock();
        }
    }

    private interface Statements {
        void run(PreparedStatement statement) throws SQLException;
    }

    private interface Reading<T> {
        T read(PreparedStatement statement) throws SQLException;
    }

    /** A write joins the transaction in progress, or is one on its own. */
    private void write(String sql, Statements work) {
        inTransaction(() -> {
            try (PreparedStatement statement = writer.prepareStatement(sql)) {
                work.run(statement);
                return null;
            } catch (SQLException e) {
                throw failure("writing the store", e);
            }
        });
    }

    /** Inside a transaction, a read sees what it wrote (the owner's connection); outside, any pooled connection. */
    private <T> T read(String sql, Reading<T> reading) {
        if (lock.isHeldByCurrentThread() && depth > 0) {
            try (PreparedStatement statement = writer.prepareStatement(sql)) {
                return reading.read(statement);
            } catch (SQLException e) {
                throw failure("reading the store", e);
            }
        }
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return reading.read(statement);
        } catch (SQLException e) {
            throw PostgresFailure.of(location, "reading the store", e);
        }
    }

    /** A failure on the owner's connection. */
    private StoreException failure(String doing, SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            // the owner's connection broke: its lease is gone with it, whatever the server says next
            lost = true;
        }
        return PostgresFailure.of(location, doing, e);
    }

    private void commit() {
        try {
            writer.commit();
        } catch (SQLException e) {
            throw failure("committing to the store", e);
        }
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            // the transaction is gone with the failure that caused the rollback; nothing was committed
        }
    }
}
