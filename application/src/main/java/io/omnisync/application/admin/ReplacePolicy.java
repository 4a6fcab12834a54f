package io.omnisync.application.admin;

/**
 * What {@link StartEngine#start} does when the store already runs a configuration that differs
 * from the one given (SPEC 6): refuse it, or replace the running one with it (SPEC 4.9).
 */
public enum ReplacePolicy {
    /** A different configuration is refused; the store's keeps running and nothing changes. */
    REFUSE_DIFFERENT,
    /** A different configuration replaces the store's, validated whole and applied whole. */
    REPLACE,
    /**
     * The store's configuration keeps running, whatever the given one says: a standby taking over
     * from the active process, which may have replaced it through the admin API since the standby
     * read its file. The given one only seeds a store that has none.
     */
    KEEP_STORED
}
