package io.omnisync.domain.agent;

import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * One person in both systems, with what the configuration resolved for them: the presence
 * statuses their profile and permission sets grant, and the capacity of their presence
 * configuration. {@code talkdeskStatus} and {@code omniStatus} are where they start.
 */
public record Agent(
        AgentId id,
        String talkdeskUserId,
        String salesforceUserId,
        String profile,
        Set<String> permissionSets,
        Set<PresenceStatusId> grantedStatuses,
        Option<Integer> capacity,
        TalkdeskStatusId talkdeskStatus,
        OmniStatus omniStatus) {

    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(talkdeskUserId, "talkdeskUserId");
        Objects.requireNonNull(salesforceUserId, "salesforceUserId");
        Objects.requireNonNull(profile, "profile");
        permissionSets = permissionSets == null ? LinkedHashSet.empty() : permissionSets;
        grantedStatuses = grantedStatuses == null ? LinkedHashSet.empty() : grantedStatuses;
        capacity = capacity == null ? Option.none() : capacity;
        talkdeskStatus = talkdeskStatus == null ? TalkdeskStatusId.OFFLINE : talkdeskStatus;
        omniStatus = omniStatus == null ? OmniStatus.OFFLINE : omniStatus;
    }

    /** A presence status is usable only when the profile or a permission set grants it. */
    public boolean isGranted(PresenceStatusId status) {
        return grantedStatuses.contains(status);
    }
}
