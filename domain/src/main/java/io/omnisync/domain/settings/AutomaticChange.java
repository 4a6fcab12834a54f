package io.omnisync.domain.settings;

/**
 * What Omnisync does with a status change Salesforce made by itself for a given reason (SPEC 4.10,
 * {@code integration.automaticStatusChanges}): sync it like a manual pick, or record it and leave
 * Talkdesk alone.
 */
public enum AutomaticChange {
    /** Synced like a manual pick (the default for every reason not listed). */
    SYNC,
    /** Recorded ({@code AUTOMATIC_CHANGE_IGNORED}); Talkdesk is left alone. */
    IGNORE
}
