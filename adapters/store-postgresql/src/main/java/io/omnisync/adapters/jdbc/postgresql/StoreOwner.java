package io.omnisync.adapters.jdbc.postgresql;

import io.omnisync.adapters.jdbc.StoreException;
import io.omnisync.adapters.jdbc.StoreInUseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * One process owns a store at a time (SPEC 10), and on PostgreSQL that is a lease in the database:
 * a session-level advisory lock held by one dedicated connection, the owner's. Every write of the
 * store goes through that connection, so a process that lost it (its connection died, or the server
 * ended it) cannot write any more, whatever it believes: the lease fences it. The lock goes with
 * the session however the process ends (SIGKILL closes its socket; a machine that vanishes is noticed
 * by the server's TCP keepalives, set short on this connection), and another process can take it.
 * <p>The key is the store's schema: two stores in two schemas of one database have two owners.
 */
final class StoreOwner {

    /** 'omni': the advisory lock's first key, so that other applications' locks on the database do not collide. */
    private static final int OMNISYNC = 0x6f6d6e69;

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final PostgresLocation location;
    private final Connection connection;

    private StoreOwner(PostgresLocation location, Connection connection) {
        this.location = location;
        this.connection = connection;
    }

    /**
     * Takes the store on {@code connection}, or says who has it.
     *
     * @throws StoreInUseException when another session holds it (nothing is changed)
     */
    static StoreOwner take(PostgresLocation location, Connection connection) {
        try {
            keepAliveShort(connection);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, OMNISYNC);
                lock.setString(2, location.schema());
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        throw inUse(location, connection);
                    }
                }
            }
            return new StoreOwner(location, connection);
        } catch (SQLException e) {
            throw PostgresFailure.of(location, "taking the store", e);
        }
    }

    /**
     * Waits until the store is free and takes it: a standby becoming the active one. The wait is in
     * the server ({@code pg_advisory_lock}), so it ends the moment the owner's session does; an
     * interrupt of the waiting thread ends it within a second.
     *
     * @throws StoreException when the connection fails or the wait is interrupted (cancelled)
     */
    static StoreOwner await(PostgresLocation location, Connection connection) {
        try {
            keepAliveShort(connection);
            try (Statement wait = connection.createStatement();
                    PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
                // the server wakes the waiter the moment the lock is free; the timeout only lets an interrupt in
                wait.execute("SET lock_timeout = '1s'");
                lock.setInt(1, OMNISYNC);
                lock.setString(2, location.schema());
                while (true) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new StoreException(location + ": the wait for the store was cancelled");
                    }
                    try {
                        lock.execute();
                        break;
                    } catch (SQLException e) {
                        if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
                wait.execute("SET lock_timeout = 0");
            }
            return new StoreOwner(location, connection);
        } catch (SQLException e) {
            throw PostgresFailure.of(location, "waiting for the store", e);
        }
    }

    /**
     * Whether this process still holds the store: its owner connection is alive and still holds the
     * lock. Asked between transactions only (the store's lock keeps them apart).
     */
    boolean holds() {
        try (PreparedStatement held = connection.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = "
                + "'advisory' AND pid = pg_backend_pid() AND classid = ? AND objid = hashtext(?)::oid "
                + "AND objsubid = 2 AND granted")) {
            held.setInt(1, OMNISYNC);
            held.setString(2, location.schema());
            held.setQueryTimeout(5);
            try (ResultSet row = held.executeQuery()) {
                return row.next() && row.getInt(1) > 0;
            } finally {
                // asked between transactions: leave the connection idle, not idle in a transaction
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The server drops this session within about 15 s of the owner's machine vanishing without a word
     * (no FIN, no RST), so that a standby does not wait for the system's two-hour keepalive default.
     */
    private static void keepAliveShort(Connection connection) throws SQLException {
        try (Statement set = connection.createStatement()) {
            set.execute("SET tcp_keepalives_idle = 5");
            set.execute("SET tcp_keepalives_interval = 2");
            set.execute("SET tcp_keepalives_count = 5");
        }
    }

    private static StoreInUseException inUse(PostgresLocation location, Connection connection) throws SQLException {
        String holder = "another process";
        OptionalLong pid = OptionalLong.empty();
        try (PreparedStatement who = connection.prepareStatement("SELECT a.application_name, a.client_addr::text "
                + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
                + "AND l.classid = ? AND l.objid = hashtext(?)::oid AND l.objsubid = 2 AND l.granted "
                + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            who.setInt(1, OMNISYNC);
            who.setString(2, location.schema());
            try (ResultSet row = who.executeQuery()) {
                if (row.next() && row.getString(1) != null) {
                    String name = row.getString(1);
                    holder = name.startsWith(PostgresStores.APPLICATION)
                            ? "process " + name.substring(PostgresStores.APPLICATION.length())
                            : "'" + name + "'";
                    pid = processId(name);
                }
            }
        }
        return new StoreInUseException(
                location + " is in use by " + holder + "; one process owns a store at a time, so nothing was changed",
                pid);
    }

    private static OptionalLong processId(String applicationName) {
        if (!applicationName.startsWith(PostgresStores.APPLICATION)) {
            return OptionalLong.empty();
        }
        String rest = applicationName.substring(PostgresStores.APPLICATION.length());
        int at = rest.indexOf(' ');
        try {
            return OptionalLong.of(Long.parseLong(at < 0 ? rest : rest.substring(0, at)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    Connection connection() {
        return connection;
    }

    /**
     * Lets the store go, at once: the lock is released before the connection closes (the server
     * ends a closed session a moment later, and the next owner must not find it still held).
     */
    void release() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            try (Statement unlock = connection.createStatement()) {
                unlock.execute("SELECT pg_advisory_unlock_all()");
            }
        } catch (SQLException e) {
            // a broken connection: the server ends the session, and the lock with it
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // the session is gone either way, and the lock with it
        }
    }

    @Override
    public String toString() {
        return "owner of " + location;
    }

    static StoreException lost(PostgresLocation location) {
        return new StoreException(location + ": this process no longer owns the store (its connection was lost); "
                + "nothing more is written by it");
    }
}
