package io.omnisync.domain.status;

import java.util.Objects;

/** The id of a Talkdesk agent status, e.g. {@code available} or a custom {@code chat_only}. */
public record TalkdeskStatusId(String value) implements Comparable<TalkdeskStatusId> {

    public static final TalkdeskStatusId AVAILABLE = new TalkdeskStatusId("available");
    public static final TalkdeskStatusId ON_A_CALL = new TalkdeskStatusId("on_a_call");
    public static final TalkdeskStatusId AFTER_CALL_WORK = new TalkdeskStatusId("after_call_work");
    public static final TalkdeskStatusId AWAY = new TalkdeskStatusId("away");
    public static final TalkdeskStatusId OFFLINE = new TalkdeskStatusId("offline");

    public TalkdeskStatusId {
        Objects.requireNonNull(value, "value");
    }

    public static TalkdeskStatusId of(String value) {
        return new TalkdeskStatusId(value);
    }

    /** On a Call and After Call Work belong to the call lifecycle: nobody else may set them. */
    public boolean isReservedForCalls() {
        return equals(ON_A_CALL) || equals(AFTER_CALL_WORK);
    }

    @Override
    public int compareTo(TalkdeskStatusId other) {
        return value.compareTo(other.value);
    }

    /** Written out (not the record's generated one): ids are compared on every event. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof TalkdeskStatusId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
