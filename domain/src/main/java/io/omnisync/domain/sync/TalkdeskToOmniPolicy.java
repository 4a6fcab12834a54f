package io.omnisync.domain.sync;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Either;

/**
 * SPEC 4.3: when the Talkdesk status becomes T and T maps to P, the agent is logged in to
 * Omni-Channel, P is granted to them and they are not already in P, Omni-Channel goes to P.
 */
public final class TalkdeskToOmniPolicy {

    private TalkdeskToOmniPolicy() {}

    public static Either<Fact.Skipped, PresenceStatusId> target(
            Configuration configuration,
            Agent agent,
            AgentSession session,
            TalkdeskStatusId talkdesk,
            Because because) {
        var mapped = configuration.mapping().presenceStatusFor(talkdesk);
        if (mapped.isEmpty()) {
            return Either.left(Fact.Skipped.status(
                    session.agent(), SkipReason.UNMAPPED, VendorSystem.TALKDESK, talkdesk.value(), because));
        }
        return towards(agent, session, mapped.get(), talkdesk, because);
    }

    /**
     * The guards every change of Omni-Channel passes, whatever asked for it (mapping, activation,
     * return after a call, rule): never log anyone in, only granted statuses, not where it already is.
     */
    public static Either<Fact.Skipped, PresenceStatusId> towards(
            Agent agent, AgentSession session, PresenceStatusId target, TalkdeskStatusId from, Because because) {
        if (session.omniStatus().isOffline() || session.omniNow().isOffline()) {
            // a logout reported by Omni-Channel wins over any change of ours still on its way
            return Either.left(skip(session, SkipReason.OMNI_OFFLINE, from, target.apiName(), because));
        }
        if (!agent.isGranted(target)) {
            return Either.left(skip(session, SkipReason.NOT_GRANTED, from, target.apiName(), because));
        }
        if (session.omniNow().equals(target)) {
            return Either.left(skip(session, SkipReason.ALREADY_IN_STATUS, from, target.apiName(), because));
        }
        return Either.right(target);
    }

    private static Fact.Skipped skip(
            AgentSession session, SkipReason reason, TalkdeskStatusId from, String target, Because because) {
        return Fact.Skipped.target(session.agent(), reason, VendorSystem.TALKDESK, from.value(), target, because);
    }
}
