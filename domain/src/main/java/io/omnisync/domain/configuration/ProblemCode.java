package io.omnisync.domain.configuration;

/** Stable codes of configuration problems; tools and people match on these, so never rename one. */
public enum ProblemCode {
    UNKNOWN_STATUS(Severity.ERROR),
    DUPLICATE_ID(Severity.ERROR),
    RESERVED_STATUS_AS_TARGET(Severity.ERROR),
    OFFLINE_AS_TARGET(Severity.ERROR),
    MULTIPLE_URGENT_CHANNELS(Severity.ERROR),
    CHANNELS_ON_BUSY_STATUS(Severity.ERROR),
    NO_CHANNEL_ON_ONLINE_STATUS(Severity.ERROR),
    CONFLICTING_AFTER_CALL_SETTINGS(Severity.ERROR),
    /** A required value is missing or empty. */
    MISSING_VALUE(Severity.ERROR),
    /**
     * A value is out of its range: a capacity below 1, business hours that end before they start, an id
     * or a name holding a control or invisible character.
     */
    INVALID_VALUE(Severity.ERROR),
    /** An agent would get more than one presence configuration at the same level. */
    MULTIPLE_PRESENCE_CONFIGURATIONS(Severity.ERROR),
    TOO_MANY_RULES(Severity.ERROR),
    RULE_NAME_TOO_LONG(Severity.ERROR),
    TOO_MANY_CONDITIONS(Severity.ERROR),
    BAD_RULE_LOGIC(Severity.ERROR),
    UNKNOWN_OPERAND(Severity.ERROR),
    /** A rule names a trigger or an operator that does not exist. */
    UNKNOWN_RULE_TERM(Severity.ERROR),
    ON_A_CALL_ROUND_TRIP(Severity.WARNING),
    TARGET_NOT_GRANTED(Severity.WARNING),
    UNMAPPED_STATUS(Severity.WARNING),
    /** The configuration lists no agent: valid, but nothing will be synced. */
    NO_AGENTS(Severity.WARNING);

    private final Severity severity;

    ProblemCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
