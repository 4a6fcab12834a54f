package io.omnisync.domain.sync;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.session.CallPhase;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * SPEC 4.8: when wrap-up ends and 'return to previous status after a call' is on, Omni-Channel
 * goes back to the status remembered when the call started (or picked during it), and then the
 * Omni → Talkdesk mapping sets Talkdesk, overriding Talkdesk's own post-call status. With the
 * toggle off, a status the agent picked by hand during the call or wrap-up wins the same way (her
 * latest explicit choice: an agent who picks "Lunch break" while wrapping up is not handed work at
 * lunch). A remembered Offline is left alone: the plain Talkdesk → Omni rule applies instead.
 */
public final class ReturnAfterCallPolicy {

    private ReturnAfterCallPolicy() {}

    /** Where Omni-Channel goes back to when a call ends, and what decided it. */
    public record Return(PresenceStatusId status, Because because) {
        public Return {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(because, "because");
        }
    }

    /**
     * The status to return to when the call that {@code phase} describes ends, if the rule
     * applies: the memory with the toggle on, the agent's own pick with it off.
     */
    public static Option<Return> returnTo(Configuration configuration, CallPhase phase) {
        boolean toggle = configuration.settings().returnToPreviousStatusAfterCall();
        Because because = toggle ? Because.RETURN_AFTER_CALL : Because.PICKED_DURING_CALL;
        return (toggle ? phase.remembered() : phase.pick())
                .filter(status -> status instanceof PresenceStatusId)
                .map(status -> new Return((PresenceStatusId) status, because));
    }

    /**
     * {@code session} is already out of the call, in Talkdesk status {@code after}. Empty when
     * Omni-Channel cannot go back (the status is no longer granted, or the agent logged out): the
     * plain rule applies then.
     */
    public static Option<AgentDecision> decide(
            Configuration configuration, Agent agent, AgentSession session, TalkdeskStatusId after, Return back) {
        var omni = TalkdeskToOmniPolicy.towards(agent, session, back.status(), after, back.because());
        if (omni.isLeft() && omni.getLeft().reason() != SkipReason.ALREADY_IN_STATUS) {
            return Option.none();
        }
        AgentDecision returned = omni.isRight()
                ? AgentDecision.send(session, new Command.SetOmniStatus(agent.id(), back.status(), back.because()))
                : AgentDecision.nothing(session).withFact(omni.getLeft());
        return Option.some(returned.andThen(now -> talkdeskFollows(configuration, agent, now, back)));
    }

    private static AgentDecision talkdeskFollows(
            Configuration configuration, Agent agent, AgentSession session, Return back) {
        var mapped = configuration.mapping().talkdeskStatusFor(back.status());
        if (mapped.isEmpty()) {
            return AgentDecision.skipped(
                    session,
                    Fact.Skipped.status(
                            agent.id(),
                            SkipReason.UNMAPPED,
                            VendorSystem.OMNI,
                            back.status().apiName(),
                            back.because()));
        }
        return OmniToTalkdeskPolicy.towards(session, mapped.get(), back.status(), back.because())
                .fold(
                        skipped -> AgentDecision.nothing(session).withFact(skipped),
                        target -> AgentDecision.send(
                                session, new Command.SetTalkdeskStatus(agent.id(), target, back.because())));
    }
}
