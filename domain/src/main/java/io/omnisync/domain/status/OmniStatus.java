package io.omnisync.domain.status;

/**
 * What Omni-Channel says of an agent: a presence status, or {@link Offline} (logged out of the
 * widget). Offline is not a presence status anyone creates, so commands to Omni-Channel take a
 * {@link PresenceStatusId} and cannot carry it.
 */
public sealed interface OmniStatus permits PresenceStatusId, OmniStatus.Offline {

    /** How Offline is written wherever an Omni status is expected. */
    String OFFLINE_NAME = "Offline";

    Offline OFFLINE = Offline.INSTANCE;

    /** How the status is written in files and output: the API name, or {@code Offline}. */
    String wireName();

    default boolean isOffline() {
        return this == OFFLINE;
    }

    static OmniStatus parse(String name) {
        return OFFLINE_NAME.equals(name) ? OFFLINE : new PresenceStatusId(name);
    }

    /** Logged out of Omni-Channel. */
    enum Offline implements OmniStatus {
        INSTANCE;

        @Override
        public String wireName() {
            return OFFLINE_NAME;
        }

        @Override
        public String toString() {
            return OFFLINE_NAME;
        }
    }
}
