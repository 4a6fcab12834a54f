package io.omnisync.domain.rules;

/** What a presence sync rule reacts to. */
public enum Trigger {
    TALKDESK_STATUS_CHANGED,
    OMNI_STATUS_CHANGED,
    OMNI_LOGOUT,
    OMNI_WORK_ACCEPTED,
    OMNI_WORKLOAD_CHANGED
}
