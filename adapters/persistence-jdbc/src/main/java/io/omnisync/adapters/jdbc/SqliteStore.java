package io.omnisync.adapters.jdbc;

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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything Omnisync must not forget, in one SQLite file (WAL): the running configuration with
 * its run-time settings, the agent sessions and the outbox. One connection; every unit of work is
 * one {@code BEGIN IMMEDIATE … COMMIT} transaction, and calls made inside one join it, so a
 * session change and the commands it produced are committed together or not at all.
 */
public final class SqliteStore implements AgentSessions, ConfigurationStore, Outbox, Transactions, AutoCloseable {

    private final Path file;
    private final Connection connection;
    private final ConfigurationCodec codec;
    private final StoreLock owner;
    private final ReentrantLock lock = new ReentrantLock();
    private int depth;
    private Configuration cached;
    private Option<ConfigurationFingerprint> startedFrom = Option.none();

    SqliteStore(Path file, Connection connection, ConfigurationCodec codec, StoreLock owner) {
        this.file = file;
        this.connection = connection;
        this.codec = codec;
        this.owner = owner;
    }

    public Path file() {
        return file;
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
            execute("BEGIN IMMEDIATE");
            depth = 1;
            Configuration before = cached;
            Option<ConfigurationFingerprint> fileBefore = startedFrom;
            try {
                T result = work.get();
                execute("COMMIT");
                return result;
            } catch (RuntimeException | Error e) {
                cached = before;
                startedFrom = fileBefore;
                rollback();
                throw e;
            } finally {
                depth = 0;
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- agent sessions -------------------------------------------------------------------

    @Override
    public Option<AgentSession> find(AgentId agent) {
        return inTransaction(() -> query("SELECT data FROM agent_session WHERE agent = ?", statement -> {
            statement.setString(1, agent.value());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Option.some(SessionCodec.decode(agent.value(), row.getString(1))) : Option.none();
            }
        }));
    }

    @Override
    public Seq<AgentSession> all() {
        return inTransaction(() -> query("SELECT agent, data FROM agent_session ORDER BY agent", statement -> {
            java.util.List<AgentSession> sessions = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    sessions.add(SessionCodec.decode(row.getString(1), row.getString(2)));
                }
            }
            return List.ofAll(sessions);
        }));
    }

    @Override
    public void save(AgentSession session) {
        inTransaction(() -> update(
                "INSERT INTO agent_session (agent, data) VALUES (?, ?) "
                        + "ON CONFLICT (agent) DO UPDATE SET data = excluded.data",
                statement -> {
                    statement.setString(1, session.agent().value());
                    statement.setString(2, SessionCodec.encode(session));
                }));
    }

    @Override
    public void retainOnly(Set<AgentId> agents) {
        inTransaction(() -> {
            for (AgentSession session : all()) {
                if (!agents.contains(session.agent())) {
                    update(
                            "DELETE FROM agent_session WHERE agent = ?",
                            statement -> statement.setString(1, session.agent().value()));
                }
            }
            return null;
        });
    }

    // ---- configuration --------------------------------------------------------------------

    @Override
    public Option<Configuration> current() {
        return inTransaction(() -> {
            if (cached == null) {
                loadConfiguration().forEach(loaded -> {
                    cached = loaded.configuration();
                    startedFrom = loaded.startedFrom();
                    if (loaded.snapshotToWrite()) {
                        writeSnapshot(cached, startedFrom);
                    }
                });
            }
            return Option.of(cached);
        });
    }

    /** The configuration as it runs: its draft carries the settings and rule toggles changed at run time. */
    @Override
    public void save(Configuration configuration) {
        inTransaction(() -> {
            current();
            save(configuration, startedFrom);
            return null;
        });
    }

    /** Saved with its snapshot, in one transaction: a restart reads the snapshot, not the JSON. */
    @Override
    public void save(Configuration configuration, Option<ConfigurationFingerprint> file) {
        inTransaction(() -> {
            update(
                    "INSERT INTO configuration (id, draft) VALUES (1, ?) "
                            + "ON CONFLICT (id) DO UPDATE SET draft = excluded.draft",
                    statement -> statement.setString(1, codec.encode(configuration.draft())));
            writeSnapshot(configuration, file);
            cached = configuration;
            startedFrom = file;
            return null;
        });
    }

    @Override
    public Option<ConfigurationFingerprint> startedFrom() {
        return inTransaction(() -> {
            current();
            return startedFrom;
        });
    }

    private void writeSnapshot(Configuration configuration, Option<ConfigurationFingerprint> file) {
        Option<byte[]> snapshot = StoredConfiguration.snapshotOf(file().toString(), configuration);
        if (snapshot.isEmpty()) {
            update("DELETE FROM configuration_snapshot", statement -> {});
            return;
        }
        update(
                "INSERT INTO configuration_snapshot (id, omnisync_version, data, started_from) VALUES (1, ?, ?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET omnisync_version = excluded.omnisync_version, "
                        + "data = excluded.data, started_from = excluded.started_from",
                statement -> {
                    statement.setString(1, ConfigurationSnapshot.VERSION);
                    statement.setBytes(2, snapshot.get());
                    statement.setString(
                            3, file.map(ConfigurationFingerprint::sha256).getOrNull());
                });
    }

    private Option<StoredConfiguration.Loaded> loadConfiguration() {
        if (!query(StoredConfiguration.SELECT_EXISTS, StoredConfiguration::exists)) {
            return Option.none();
        }
        return Option.some(StoredConfiguration.load(
                file.toString(),
                query(StoredConfiguration.SELECT_SNAPSHOT, StoredConfiguration::snapshot),
                () -> query(StoredConfiguration.SELECT_JSON, StoredConfiguration::json),
                codec));
    }

    // ---- outbox ---------------------------------------------------------------------------

    @Override
    public void add(Seq<Command> commands) {
        if (commands.isEmpty()) {
            return;
        }
        inTransaction(() -> {
            for (Command command : commands) {
                update("INSERT INTO outbox (agent, system, status, origin, rule) VALUES (?, ?, ?, ?, ?)", statement -> {
                    statement.setString(1, command.agent().value());
                    statement.setString(2, command.system().name());
                    statement.setString(3, command.statusName());
                    statement.setString(4, command.because().origin().name());
                    statement.setString(5, command.because().rule().getOrNull());
                });
            }
            return null;
        });
    }

    @Override
    public Seq<PendingCommand> pending() {
        return inTransaction(() -> query(
                "SELECT id, agent, system, status, origin, rule, attempts, last_error " + "FROM outbox ORDER BY id",
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
                }));
    }

    @Override
    public void done(CommandId id) {
        inTransaction(() -> update("DELETE FROM outbox WHERE id = ?", statement -> statement.setLong(1, id.value())));
    }

    @Override
    public void failed(CommandId id, String error) {
        inTransaction(() ->
                update("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?", statement -> {
                    statement.setString(1, error);
                    statement.setLong(2, id.value());
                }));
    }

    // ---- plumbing -------------------------------------------------------------------------

    /** Closes the connection and lets another process own the store. */
    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw StoreFailure.of(file, "closing the store", e);
        } finally {
            owner.close();
            lock.unlock();
        }
    }

    private interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reading<T> {
        T read(PreparedStatement statement) throws SQLException;
    }

    private Void update(String sql, Binding binding) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binding.bind(statement);
            statement.executeUpdate();
            return null;
        } catch (SQLException e) {
            throw StoreFailure.of(file, "writing the store", e);
        }
    }

    private <T> T query(String sql, Reading<T> reading) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return reading.read(statement);
        } catch (SQLException e) {
            throw StoreFailure.of(file, "reading the store", e);
        } catch (StoreException e) {
            throw e.getMessage().startsWith(file.toString()) ? e : new StoreException(file + ": " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw StoreFailure.of(file, "using the store", e);
        }
    }

    private void rollback() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // the transaction is gone with the failure that caused the rollback; nothing was committed
        }
    }
}
