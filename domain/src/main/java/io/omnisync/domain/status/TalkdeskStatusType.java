package io.omnisync.domain.status;

/** The kind of a Talkdesk agent status, as Talkdesk's admin screens classify it. */
public enum TalkdeskStatusType {
    AVAILABLE,
    BUSY,
    AWAY,
    OFFLINE
}
