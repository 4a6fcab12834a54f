package io.omnisync.domain.settings;

/** Why an admin change was refused. */
public enum RefusalCode {
    /** Return-to-previous and Next agent status cannot be on together. */
    CONFLICTING_AFTER_CALL_SETTINGS,
    /** Activation inside business hours without force. */
    INSIDE_BUSINESS_HOURS,
    /** A rule toggle named a rule the configuration does not have. */
    UNKNOWN_RULE,
    /** Enabling a rule would make more than the allowed number of rules active. */
    TOO_MANY_RULES,
    /** A replacement configuration did not validate; the running one stays. */
    INVALID_CONFIGURATION
}
