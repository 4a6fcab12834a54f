package io.omnisync.application.store;

/**
 * Driven port: whether this process is the active one, the one that owns the store and may write
 * it. With a standby on a shared store (PostgreSQL), one process at a time holds the lease; the
 * other waits for it and answers {@code /readyz} 503 until then. A lease can be lost (its connection
 * died): from then on the store writes nothing for this process, and readiness says so.
 */
public interface ActiveLease {

    /** A store that only one process can open at all (a SQLite file): whoever opened it is active. */
    ActiveLease SOLE_OWNER = () -> true;

    /** Whether this process holds the lease now. */
    boolean held();
}
