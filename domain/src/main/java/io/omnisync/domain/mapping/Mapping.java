package io.omnisync.domain.mapping;

import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

/**
 * The two independent directed tables of the presence mapping. Neither needs to be one-to-one.
 * Talkdesk → Omni can only name presence statuses: Offline is never a target there.
 */
public final class Mapping {

    private final Map<OmniStatus, TalkdeskStatusId> omniToTalkdesk;
    private final Map<TalkdeskStatusId, PresenceStatusId> talkdeskToOmni;
    /** Read-only indexes for the hot path: one lookup on every event. */
    private final java.util.Map<OmniStatus, TalkdeskStatusId> omniIndex;

    private final java.util.Map<TalkdeskStatusId, PresenceStatusId> talkdeskIndex;

    public Mapping(
            Map<OmniStatus, TalkdeskStatusId> omniToTalkdesk, Map<TalkdeskStatusId, PresenceStatusId> talkdeskToOmni) {
        this.omniToTalkdesk = omniToTalkdesk == null ? LinkedHashMap.empty() : omniToTalkdesk;
        this.talkdeskToOmni = talkdeskToOmni == null ? LinkedHashMap.empty() : talkdeskToOmni;
        this.omniIndex =
                java.util.Collections.unmodifiableMap(new java.util.HashMap<>(this.omniToTalkdesk.toJavaMap()));
        this.talkdeskIndex =
                java.util.Collections.unmodifiableMap(new java.util.HashMap<>(this.talkdeskToOmni.toJavaMap()));
    }

    /** Omni → Talkdesk, in the order the admin wrote it. */
    public Map<OmniStatus, TalkdeskStatusId> omniToTalkdesk() {
        return omniToTalkdesk;
    }

    /** Talkdesk → Omni, in the order the admin wrote it. */
    public Map<TalkdeskStatusId, PresenceStatusId> talkdeskToOmni() {
        return talkdeskToOmni;
    }

    public Option<TalkdeskStatusId> talkdeskStatusFor(OmniStatus omni) {
        return Option.of(omniIndex.get(omni));
    }

    public Option<PresenceStatusId> presenceStatusFor(TalkdeskStatusId talkdesk) {
        return Option.of(talkdeskIndex.get(talkdesk));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Mapping that
                && omniToTalkdesk.equals(that.omniToTalkdesk)
                && talkdeskToOmni.equals(that.talkdeskToOmni);
    }

    @Override
    public int hashCode() {
        return omniToTalkdesk.hashCode() * 31 + talkdeskToOmni.hashCode();
    }

    @Override
    public String toString() {
        return "Mapping[omniToTalkdesk=" + omniToTalkdesk + ", talkdeskToOmni=" + talkdeskToOmni + "]";
    }
}
