package io.omnisync.adapters.talkdesk;

/**
 * The kind of a Talkdesk status (SPEC 6 {@code type}), which decides what a custom status sends. The same four names
 * as the domain's {@code TalkdeskStatusType}, so glue code maps one to the other with {@code valueOf(name())}.
 */
public enum StatusType {
    AVAILABLE,
    BUSY,
    AWAY,
    OFFLINE
}
