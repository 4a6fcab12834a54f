package io.omnisync.domain.sync;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Option;

/**
 * SPEC 4.8: when wrap-up ends and 'return to previous status after a call' is on, Omni-Channel
 * goes back to the status remembered when the call started (or picked during it), and then the
 * Omni → Talkdesk mapping sets Talkdesk, overriding Talkdesk's own post-call status. A remembered
 * Offline is left alone: the plain Talkdesk → Omni rule applies instead.
 */
public final class ReturnAfterCallPolicy {

    private ReturnAfterCallPolicy() {}

    /** The status to return to, when the rule applies to this end of a call. */
    public static Option<PresenceStatusId> returnTo(Configuration configuration, Option<OmniStatus> remembered) {
        if (!configuration.settings().returnToPreviousStatusAfterCall()) {
            return Option.none();
        }
        return remembered.filter(status -> status instanceof PresenceStatusId).map(PresenceStatusId.class::cast);
    }

    /**
     * {@code session} is already out of the call, in Talkdesk status {@code after}. Empty when
     * Omni-Channel cannot go back (the remembered status is no longer granted, or the agent logged
     * out): the plain rule applies then.
     */
    public static Option<AgentDecision> decide(
            Configuration configuration,
            Agent agent,
            AgentSession session,
            TalkdeskStatusId after,
            PresenceStatusId previous) {
        var omni = TalkdeskToOmniPolicy.towards(agent, session, previous, after, Because.RETURN_AFTER_CALL);
        if (omni.isLeft() && omni.getLeft().reason() != SkipReason.ALREADY_IN_STATUS) {
            return Option.none();
        }
        AgentDecision back = omni.isRight()
                ? AgentDecision.send(
                        session, new Command.SetOmniStatus(agent.id(), previous, Because.RETURN_AFTER_CALL))
                : AgentDecision.nothing(session).withFact(omni.getLeft());
        return Option.some(back.andThen(returned -> talkdeskFollows(configuration, agent, returned, previous)));
    }

    private static AgentDecision talkdeskFollows(
            Configuration configuration, Agent agent, AgentSession session, PresenceStatusId previous) {
        var mapped = configuration.mapping().talkdeskStatusFor(previous);
        if (mapped.isEmpty()) {
            return AgentDecision.skipped(
                    session,
                    Fact.Skipped.status(
                            agent.id(),
                            SkipReason.UNMAPPED,
                            VendorSystem.OMNI,
                            previous.apiName(),
                            Because.RETURN_AFTER_CALL));
        }
        return OmniToTalkdeskPolicy.towards(session, mapped.get(), previous, Because.RETURN_AFTER_CALL)
                .fold(
                        skipped -> AgentDecision.nothing(session).withFact(skipped),
                        target -> AgentDecision.send(
                                session, new Command.SetTalkdeskStatus(agent.id(), target, Because.RETURN_AFTER_CALL)));
    }
}
