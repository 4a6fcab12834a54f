package io.omnisync.domain.sync;

/** Why the engine decided not to act on an event. */
public enum SkipReason {
    /** The status has no mapping in that direction. */
    UNMAPPED,
    /** The agent is logged out of Omni-Channel, and the engine never logs anyone in. */
    OMNI_OFFLINE,
    /** The mapped presence status is not granted to the agent by profile or permission set. */
    NOT_GRANTED,
    /** The agent is already in (or already on the way to) the target status. */
    ALREADY_IN_STATUS,
    /**
     * Activation: the agent's Talkdesk and Omni-Channel statuses already agree (one of the two
     * mappings links them), so she is left alone (SPEC 4.2).
     */
    CONSISTENT,
    /**
     * Omni-Channel moved the agent by itself for a reason {@code integration.automaticStatusChanges}
     * says to ignore: the change is noted and Talkdesk is left alone (SPEC 4.10).
     */
    AUTOMATIC_CHANGE_IGNORED,
    /** The agent is in a call or wrapping up: the call owns the Talkdesk status. */
    IN_CALL,
    /** The report is a vendor echoing back a change the engine made. */
    ECHO,
    /**
     * The vendor reported the status it already had (and no change of Omnisync's is on its way):
     * nothing became anything, whether it is a late redelivery or a webhook without a change.
     */
    UNCHANGED,
    /** The event id was already applied (an at-least-once redelivery). */
    DUPLICATE,
    /** The event is older than the latest one applied from the same system. */
    STALE,
    /** The 'Omni-Channel' toggle is off: the engine only keeps track. */
    SYNC_OFF,
    /** The target is reserved for the call lifecycle. */
    RESERVED_STATUS,
    /** The event names an agent the configuration does not have. */
    UNKNOWN_AGENT,
    /**
     * The event names a status the configuration does not have (a new status the admin has not
     * mapped yet): recorded, and nothing is done, not even noted as the agent's status.
     */
    UNKNOWN_STATUS,
    /** A well-formed webhook of a type Omnisync does not use; it is recorded, not retried. */
    UNKNOWN_EVENT_TYPE
}
