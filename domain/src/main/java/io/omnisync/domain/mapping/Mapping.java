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
public record Mapping(Map<OmniStatus, TalkdeskStatusId> omniToTalkdesk,
                      Map<TalkdeskStatusId, PresenceStatusId> talkdeskToOmni) {

    public Mapping {
        omniToTalkdesk = omniToTalkdesk == null ? LinkedHashMap.empty() : omniToTalkdesk;
        talkdeskToOmni = talkdeskToOmni == null ? LinkedHashMap.empty() : talkdeskToOmni;
    }

    public static Mapping empty() {
        return new Mapping(LinkedHashMap.empty(), LinkedHashMap.empty());
    }

    public Option<TalkdeskStatusId> talkdeskStatusFor(OmniStatus omni) {
        return omniToTalkdesk.get(omni);
    }

    public Option<PresenceStatusId> presenceStatusFor(TalkdeskStatusId talkdesk) {
        return talkdeskToOmni.get(talkdesk);
    }
}
