package io.omnisync.adapters.jdbc;

import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * Talkdesk and Salesforce for a test that kills the process: their statuses and the webhooks they
 * owe live in their own SQLite file, so they survive the engine's death as real vendors would. A
 * webhook stays owed until the engine has handled it: after a crash it is delivered again.
 */
final class DurableVendors implements TalkdeskPresence, OmniChannelPresence, AutoCloseable {

    private final Connection db;

    DurableVendors(Path file) {
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("CREATE TABLE IF NOT EXISTS status (agent TEXT, system TEXT, status TEXT, "
                        + "PRIMARY KEY (agent, system))");
                s.execute("CREATE TABLE IF NOT EXISTS webhook (id INTEGER PRIMARY KEY AUTOINCREMENT, agent TEXT, "
                        + "system TEXT, status TEXT, at INTEGER)");
                s.execute("CREATE TABLE IF NOT EXISTS progress (id INTEGER PRIMARY KEY CHECK (id = 1), step INTEGER)");
                s.execute("INSERT OR IGNORE INTO progress VALUES (1, 0)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized String status(AgentId agent, VendorSystem system, String otherwise) {
        try (PreparedStatement s = db.prepareStatement("SELECT status FROM status WHERE agent = ? AND system = ?")) {
            s.setString(1, agent.value());
            s.setString(2, system.name());
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) : otherwise;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A change at a vendor and the webhook it owes, together; {@code step} records the day's progress. */
    synchronized void change(AgentId agent, VendorSystem system, String status, int step) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement set = db.prepareStatement("INSERT INTO status VALUES (?, ?, ?) "
                            + "ON CONFLICT (agent, system) DO UPDATE SET status = excluded.status");
                    PreparedStatement owe = db.prepareStatement("INSERT INTO webhook (agent, system, status, at) "
                            + "VALUES (?, ?, ?, (SELECT COALESCE(MAX(at), 0) + 1 FROM webhook))")) {
                set.setString(1, agent.value());
                set.setString(2, system.name());
                set.setString(3, status);
                set.executeUpdate();
                owe.setString(1, agent.value());
                owe.setString(2, system.name());
                owe.setString(3, status);
                owe.executeUpdate();
            }
            if (step > 0) {
                try (PreparedStatement progress = db.prepareStatement("UPDATE progress SET step = ? WHERE id = 1")) {
                    progress.setInt(1, step);
                    progress.executeUpdate();
                }
            }
            db.commit();
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The step was tried and the vendor said no: the day moves on all the same. */
    synchronized void skip(int step) {
        try (PreparedStatement progress = db.prepareStatement("UPDATE progress SET step = ? WHERE id = 1")) {
            progress.setInt(1, step);
            progress.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized int progress() {
        try (Statement s = db.createStatement();
                ResultSet row = s.executeQuery("SELECT step FROM progress")) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The oldest webhook still owed. */
    synchronized Optional<AgentEvent> owed() {
        try (Statement s = db.createStatement();
                ResultSet row =
                        s.executeQuery("SELECT id, agent, system, status, at FROM webhook ORDER BY id LIMIT 1")) {
            if (!row.next()) {
                return Optional.empty();
            }
            EventId id = EventId.of("w" + row.getLong(1));
            AgentId agent = AgentId.of(row.getString(2));
            Instant at = Instant.EPOCH.plusMillis(row.getLong(5));
            return Optional.of(
                    VendorSystem.valueOf(row.getString(3)) == VendorSystem.TALKDESK
                            ? new AgentEvent.TalkdeskStatusReported(
                                    id, agent, at, TalkdeskStatusId.of(row.getString(4)))
                            : new AgentEvent.OmniStatusReported(id, agent, at, OmniStatus.parse(row.getString(4))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The engine handled it: it is no longer owed. */
    synchronized void acknowledged(AgentEvent event) {
        try (PreparedStatement s = db.prepareStatement("DELETE FROM webhook WHERE id = ?")) {
            s.setLong(1, Long.parseLong(event.id().value().substring(1)));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public VendorAnswer setAgentStatus(Agent agent, TalkdeskStatusId status) {
        if (status.isReservedForCalls()) {
            return new VendorAnswer.Refused("calls own " + status);
        }
        change(agent.id(), VendorSystem.TALKDESK, status.value(), 0);
        return VendorAnswer.ACCEPTED;
    }

    @Override
    public VendorAnswer setPresenceStatus(CommandId command, Agent agent, PresenceStatusId status) {
        if (status(agent.id(), VendorSystem.OMNI, "Offline").equals("Offline")) {
            return new VendorAnswer.Refused(agent.id() + " is logged out");
        }
        change(agent.id(), VendorSystem.OMNI, status.apiName(), 0);
        return VendorAnswer.ACCEPTED;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
