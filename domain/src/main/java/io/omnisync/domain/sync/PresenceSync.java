package io.omnisync.domain.sync;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.AgentEvent.OmniStatusReported;
import io.omnisync.domain.event.AgentEvent.OmniWorkAccepted;
import io.omnisync.domain.event.AgentEvent.OmniWorkloadReported;
import io.omnisync.domain.event.AgentEvent.TalkdeskStatusReported;
import io.omnisync.domain.rules.RuleEvaluation;
import io.omnisync.domain.rules.Trigger;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.session.CallPhase;
import io.omnisync.domain.status.PresenceStatusId;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * The decision function: {@code (configuration, session, event) → (session', commands, facts)}.
 * It composes the policies of SPEC section 4 in the order they apply: delivery (duplicates and
 * stale events), echoes, knowledge (statuses and call phase always update), sync off, the return
 * after a call, presence sync rules, and the mapping in the event's direction.
 */
public final class PresenceSync {

    private PresenceSync() {
    }

    public static AgentDecision decide(Configuration configuration, AgentSession session, AgentEvent event) {
        Option<Agent> agent = configuration.agent(event.agent());
        if (agent.isEmpty()) {
            return AgentDecision.skipped(session, SkipReason.UNKNOWN_AGENT, "no agent '" + event.agent() + "'");
        }
        Option<Fact.Skipped> rejected = DeliveryPolicy.reject(session, event);
        if (rejected.isDefined()) {
            return new AgentDecision(session, List.empty(), List.of(rejected.get()));
        }
        AgentSession applied = session.applied(event);
        if (event instanceof TalkdeskStatusReported talkdesk) {
            return talkdeskStatusReported(configuration, agent.get(), session, applied, talkdesk);
        }
        if (event instanceof OmniStatusReported omni) {
            return omniStatusReported(configuration, agent.get(), session, applied, omni);
        }
        if (event instanceof OmniWorkloadReported workload) {
            AgentSession updated = applied.withWorkload(workload.workload());
            return rulesOnly(configuration, agent.get(), session, updated, event, Trigger.OMNI_WORKLOAD_CHANGED);
        }
        return rulesOnly(configuration, agent.get(), session, applied, event, Trigger.OMNI_WORK_ACCEPTED);
    }

    /** A vendor refused a command for good: stop waiting for its echo. */
    public static AgentDecision commandFailed(AgentSession session, Command command, String reason) {
        AgentSession updated = command instanceof Command.SetTalkdeskStatus set
                ? session.notExpectingTalkdesk(set.status())
                : session.notExpectingOmni(((Command.SetOmniStatus) command).status());
        return new AgentDecision(updated, List.empty(), List.of(new Fact.CommandFailed(command, reason)));
    }

    private static AgentDecision talkdeskStatusReported(Configuration configuration, Agent agent, AgentSession before,
                                                        AgentSession applied, TalkdeskStatusReported event) {
        if (applied.isEchoOf(event.status())) {
            return AgentDecision.skipped(applied.echoed(event.status()).withTalkdeskStatus(event.status()),
                    SkipReason.ECHO, "Talkdesk reported back '" + event.status() + "', which Omnisync set");
        }
        CallPhase phase = before.callPhase();
        CallPhase next = phase.next(event.status(), before.omniNow());
        AgentSession updated = applied.withTalkdeskStatus(event.status()).withCallPhase(next);
        AgentDecision known = AgentDecision.nothing(updated);
        if (!phase.inCall() && next.inCall() && next.remembered().isDefined()) {
            known = known.withFact(new Fact.StatusRemembered(agent.id(), next.remembered().get()));
        }
        if (!configuration.settings().omniChannelSync()) {
            return known.withFact(syncOff(updated, "Talkdesk '" + event.status() + "'"));
        }
        boolean callEnded = phase.inCall() && !next.inCall();
        if (callEnded) {
            Option<PresenceStatusId> previous = ReturnAfterCallPolicy.returnTo(configuration, phase.remembered());
            Option<AgentDecision> returned = previous.flatMap(status ->
                    ReturnAfterCallPolicy.decide(configuration, agent, updated, status));
            if (returned.isDefined()) {
                AgentDecision back = returned.get();
                return new AgentDecision(back.session(), back.commands(), known.facts().appendAll(back.facts()));
            }
        }
        AgentDecision decided = RuleEvaluation.decide(configuration, agent, before, updated, event,
                        Trigger.TALKDESK_STATUS_CHANGED)
                .getOrElse(() -> talkdeskToOmni(configuration, agent, updated, event));
        return new AgentDecision(decided.session(), decided.commands(), known.facts().appendAll(decided.facts()));
    }

    private static AgentDecision talkdeskToOmni(Configuration configuration, Agent agent, AgentSession session,
                                                TalkdeskStatusReported event) {
        return TalkdeskToOmniPolicy.target(configuration, agent, session, event.status())
                .fold(skipped -> AgentDecision.nothing(session).withFact(skipped),
                        target -> AgentDecision.send(session,
                                new Command.SetOmniStatus(agent.id(), target, Because.MAPPING)));
    }

    private static AgentDecision omniStatusReported(Configuration configuration, Agent agent, AgentSession before,
                                                    AgentSession applied, OmniStatusReported event) {
        if (applied.isEchoOf(event.status())) {
            return AgentDecision.skipped(applied.echoed((PresenceStatusId) event.status())
                            .withOmniStatus(event.status()),
                    SkipReason.ECHO, "Omni-Channel reported back '" + event.status() + "', which Omnisync set");
        }
        AgentSession updated = applied.withOmniStatus(event.status());
        if (updated.inCall()) {
            // the agent's latest explicit choice wins: it is what they return to after the call
            AgentSession remembering = updated.withCallPhase(updated.callPhase().rememberPick(event.status()));
            return new AgentDecision(remembering, List.empty(), List.of(
                    new Fact.StatusRemembered(agent.id(), event.status()),
                    new Fact.Skipped(agent.id(), SkipReason.IN_CALL, "picked '" + event.status()
                            + "' in the widget while " + updated.callPhase()
                            + ": not pushed to Talkdesk, the call owns it")));
        }
        if (!configuration.settings().omniChannelSync()) {
            return AgentDecision.nothing(updated).withFact(syncOff(updated, "Omni-Channel '" + event.status() + "'"));
        }
        Trigger trigger = event.status().isOffline() ? Trigger.OMNI_LOGOUT : Trigger.OMNI_STATUS_CHANGED;
        return RuleEvaluation.decide(configuration, agent, before, updated, event, trigger)
                .getOrElse(() -> OmniToTalkdeskPolicy.target(configuration, updated, event.status())
                        .fold(skipped -> AgentDecision.nothing(updated).withFact(skipped),
                                target -> AgentDecision.send(updated,
                                        new Command.SetTalkdeskStatus(agent.id(), target, Because.MAPPING))));
    }

    private static AgentDecision rulesOnly(Configuration configuration, Agent agent, AgentSession before,
                                           AgentSession updated, AgentEvent event, Trigger trigger) {
        if (!configuration.settings().omniChannelSync()) {
            return AgentDecision.nothing(updated);
        }
        return RuleEvaluation.decide(configuration, agent, before, updated, event, trigger)
                .getOrElse(() -> AgentDecision.nothing(updated));
    }

    private static Fact.Skipped syncOff(AgentSession session, String what) {
        return new Fact.Skipped(session.agent(), SkipReason.SYNC_OFF,
                what + " noted; the 'Omni-Channel' toggle is off, so nothing is synced");
    }
}
