package io.omnisync.domain.sync;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Either;

/**
 * SPEC 4.3: when the Talkdesk status becomes T and T maps to P, the agent is logged in to
 * Omni-Channel, P is granted to them and they are not already in P, Omni-Channel goes to P.
 */
public final class TalkdeskToOmniPolicy {

    private TalkdeskToOmniPolicy() {
    }

    public static Either<Fact.Skipped, PresenceStatusId> target(Configuration configuration, Agent agent,
                                                                AgentSession session, TalkdeskStatusId talkdesk) {
        var mapped = configuration.mapping().presenceStatusFor(talkdesk);
        if (mapped.isEmpty()) {
            return skip(session, SkipReason.UNMAPPED, "Talkdesk status '" + talkdesk + "' has no Omni-Channel status");
        }
        return towards(agent, session, mapped.get(), "'" + talkdesk + "' maps to");
    }

    /** The guards every change of Omni-Channel passes, whatever asked for it (mapping, return, rule). */
    public static Either<Fact.Skipped, PresenceStatusId> towards(Agent agent, AgentSession session,
                                                                 PresenceStatusId target, String why) {
        if (session.omniNow().isOffline()) {
            return skip(session, SkipReason.OMNI_OFFLINE, why + " '" + target
                    + "' but the agent is logged out of Omni-Channel, and Omnisync never logs anyone in");
        }
        if (!agent.isGranted(target)) {
            return skip(session, SkipReason.NOT_GRANTED, why + " '" + target
                    + "', which the agent's profile and permission sets do not grant");
        }
        if (session.omniNow().equals(target)) {
            return skip(session, SkipReason.ALREADY_IN_STATUS, "already '" + target + "' in Omni-Channel");
        }
        return Either.right(target);
    }

    private static Either<Fact.Skipped, PresenceStatusId> skip(AgentSession session, SkipReason reason, String detail) {
        return Either.left(new Fact.Skipped(session.agent(), reason, detail));
    }
}
