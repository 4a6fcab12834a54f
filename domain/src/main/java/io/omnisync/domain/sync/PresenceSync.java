package io.omnisync.domain.sync;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.AgentEvent.OmniStatusReported;
import io.omnisync.domain.event.AgentEvent.OmniWorkloadReported;
import io.omnisync.domain.event.AgentEvent.TalkdeskStatusReported;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.rules.Trigger;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.session.CallPhase;
import io.omnisync.domain.settings.AutomaticChange;
import io.omnisync.domain.status.PresenceStatusId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Function;

/**
 * The decision function: {@code (configuration, session, event) → (session', commands, facts)}.
 * It composes the policies of SPEC section 4 in the order they apply: delivery (duplicates and
 * stale events), echoes (a late one only settles the wait), reports of a status the agent already
 * had (nothing became anything), automatic changes the configuration ignores, knowledge (statuses
 * and call phase always update), sync off, the return after a call (or the agent's pick during
 * it), presence sync rules, and the mapping in the event's direction.
 */
public final class PresenceSync {

    private PresenceSync() {}

    /**
     * The boundary of the engine: an event about an agent the running configuration does not have
     * is recorded ({@code UNKNOWN_AGENT}) and changes nothing, as is one that reports a status the
     * configuration does not have ({@code UNKNOWN_STATUS}: a new status the admin has not mapped
     * yet); any other is decided on the agent's session, which {@code sessionOf} finds (or starts
     * as configured).
     */
    public static Either<Fact.Skipped, AgentDecision> handle(
            Configuration configuration, AgentEvent event, Function<Agent, AgentSession> sessionOf) {
        Option<Agent> agent = configuration.agent(event.agent());
        if (agent.isEmpty()) {
            Fact.Skipped unknown = Fact.Skipped.event(event, SkipReason.UNKNOWN_AGENT, Because.REPORT);
            return Either.left(
                    event instanceof OmniStatusReported omni ? unknown.reportedFor(omni.reasonOrManual()) : unknown);
        }
        Option<Fact.Skipped> unknownStatus = unknownStatus(configuration, event);
        if (unknownStatus.isDefined()) {
            return Either.left(unknownStatus.get());
        }
        return Either.right(decide(configuration, agent.get(), sessionOf.apply(agent.get()), event));
    }

    private static Option<Fact.Skipped> unknownStatus(Configuration configuration, AgentEvent event) {
        Option<String> unknown = Option.none();
        if (event instanceof TalkdeskStatusReported talkdesk
                && configuration.talkdeskStatus(talkdesk.status()).isEmpty()) {
            unknown = Option.some(talkdesk.status().value());
        } else if (event instanceof OmniStatusReported omni
                && omni.status() instanceof PresenceStatusId presence
                && configuration.presenceStatus(presence).isEmpty()) {
            unknown = Option.some(presence.apiName());
        }
        return unknown.map(status -> {
            Fact.Skipped skipped = Fact.Skipped.status(
                            event.agent(), SkipReason.UNKNOWN_STATUS, event.system(), status, Because.REPORT)
                    .forEvent(event.id());
            return event instanceof OmniStatusReported omni ? skipped.reportedFor(omni.reasonOrManual()) : skipped;
        });
    }

    /**
     * What one event means for a configured agent; every fact about it names the event (and,
     * for an Omni-Channel presence report, its reason).
     */
    public static AgentDecision decide(
            Configuration configuration, Agent agent, AgentSession session, AgentEvent event) {
        return decideEvent(configuration, agent, session, event).about(event);
    }

    private static AgentDecision decideEvent(
            Configuration configuration, Agent agent, AgentSession session, AgentEvent event) {
        Option<Fact.Skipped> rejected = DeliveryPolicy.reject(session, event);
        if (rejected.isDefined()) {
            return AgentDecision.skipped(session, rejected.get());
        }
        if (event instanceof TalkdeskStatusReported talkdesk) {
            return talkdeskStatusReported(configuration, agent, session, talkdesk);
        }
        if (event instanceof OmniStatusReported omni) {
            return omniStatusReported(configuration, agent, session, omni);
        }
        AgentSession applied = session.applied(event);
        if (event instanceof OmniWorkloadReported workload) {
            AgentSession updated = applied.withWorkload(workload.workload());
            return rulesOnly(configuration, agent, session, updated, event, Trigger.OMNI_WORKLOAD_CHANGED);
        }
        return rulesOnly(configuration, agent, session, applied, event, Trigger.OMNI_WORK_ACCEPTED);
    }

    /** A vendor refused a command for good: stop waiting for its echo. */
    public static AgentDecision commandFailed(AgentSession session, Command command, String reason) {
        return commandFailed(session, command, reason, CommandFailure.REFUSED);
    }

    /**
     * A vendor refused a command for good, saying why ({@link CommandFailure#UNKNOWN_AT_VENDOR}: it
     * no longer knows the status): stop waiting for its echo, and say so in the audit trail.
     */
    public static AgentDecision commandFailed(
            AgentSession session, Command command, String reason, CommandFailure failure) {
        return abandoned(session, command, new Fact.CommandFailed(command, reason, failure));
    }

    /** A newer command for the same agent and vendor came before {@code command} was delivered: it is never sent. */
    public static AgentDecision superseded(AgentSession session, Command command, Command by) {
        return abandoned(session, command, new Fact.Superseded(command, by));
    }

    /** The vendor took {@code command} but never answered in time. */
    public static AgentDecision expired(AgentSession session, Command command) {
        return abandoned(session, command, new Fact.Expired(command));
    }

    private static AgentDecision abandoned(AgentSession session, Command command, Fact fact) {
        return new AgentDecision(command.abandonedBy(session), List.empty(), List.of(fact));
    }

    private static AgentDecision talkdeskStatusReported(
            Configuration configuration, Agent agent, AgentSession before, TalkdeskStatusReported event) {
        if (before.isEcho(event)) {
            return AgentDecision.skipped(
                    before.echoed(event),
                    DeliveryPolicy.isLateEcho(before, event)
                            ? lateEcho(
                                    agent, VendorSystem.TALKDESK, event.status().value())
                            : echo(agent, VendorSystem.TALKDESK, event.status().value()));
        }
        if (event.status().equals(before.talkdeskStatus())
                && before.expectedTalkdesk().isEmpty()) {
            return AgentDecision.skipped(
                    before.applied(event),
                    unchanged(agent, VendorSystem.TALKDESK, event.status().value()));
        }
        CallPhase phase = before.callPhase();
        CallPhase next = phase.next(event.status(), before.omniNow());
        AgentSession updated = before.reportedTalkdesk(event, event.status(), next);
        List<Fact> known = !phase.inCall() && next.inCall() && next.remembered().isDefined()
                ? List.of(
                        new Fact.StatusRemembered(agent.id(), next.remembered().get()))
                : List.empty();
        if (!configuration.settings().omniChannelSync()) {
            return new AgentDecision(
                    updated,
                    List.empty(),
                    known.append(
                            syncOff(agent, VendorSystem.TALKDESK, event.status().value())));
        }
        if (phase.inCall() && !next.inCall()) {
            Option<AgentDecision> returned = ReturnAfterCallPolicy.returnTo(configuration, phase)
                    .flatMap(back -> ReturnAfterCallPolicy.decide(configuration, agent, updated, event.status(), back));
            if (returned.isDefined()) {
                return withFactsFirst(known, returned.get());
            }
        }
        Option<AgentDecision> ruled =
                RuleEvaluation.decide(configuration, agent, before, updated, event, Trigger.TALKDESK_STATUS_CHANGED);
        AgentDecision decided = ruled.isDefined()
                ? ruled.get()
                : TalkdeskToOmniPolicy.target(configuration, agent, updated, event.status(), Because.MAPPING)
                        .fold(
                                skipped -> AgentDecision.skipped(updated, skipped),
                                target -> AgentDecision.send(
                                        updated, new Command.SetOmniStatus(agent.id(), target, Because.MAPPING)));
        return withFactsFirst(known, decided);
    }

    private static AgentDecision omniStatusReported(
            Configuration configuration, Agent agent, AgentSession before, OmniStatusReported event) {
        if (before.isEcho(event)) {
            return AgentDecision.skipped(
                    before.echoed(event),
                    DeliveryPolicy.isLateEcho(before, event)
                            ? lateEcho(agent, VendorSystem.OMNI, event.status().wireName())
                            : echo(agent, VendorSystem.OMNI, event.status().wireName()));
        }
        if (event.status().equals(before.omniStatus()) && before.expectedOmni().isEmpty()) {
            return AgentDecision.skipped(
                    before.applied(event),
                    unchanged(agent, VendorSystem.OMNI, event.status().wireName()));
        }
        if (configuration.automaticChange(event.reasonOrManual()) == AutomaticChange.IGNORE) {
            // noted as what Omni-Channel shows; nothing follows from it, not even a new memory for after a call
            return AgentDecision.skipped(
                    before.reportedOmni(event, event.status(), before.callPhase()),
                    Fact.Skipped.status(
                            agent.id(),
                            SkipReason.AUTOMATIC_CHANGE_IGNORED,
                            VendorSystem.OMNI,
                            event.status().wireName(),
                            Because.REPORT));
        }
        if (before.inCall()) {
            // the agent's latest explicit choice wins: it is what they return to after the call
            AgentSession remembering = before.reportedOmni(
                    event, event.status(), before.callPhase().rememberPick(event.status()));
            return new AgentDecision(
                    remembering,
                    List.empty(),
                    List.of(
                            new Fact.StatusRemembered(agent.id(), event.status()),
                            Fact.Skipped.status(
                                    agent.id(),
                                    SkipReason.IN_CALL,
                                    VendorSystem.OMNI,
                                    event.status().wireName(),
                                    Because.MAPPING)));
        }
        AgentSession updated = before.reportedOmni(event, event.status(), before.callPhase());
        if (!configuration.settings().omniChannelSync()) {
            return AgentDecision.skipped(
                    updated, syncOff(agent, VendorSystem.OMNI, event.status().wireName()));
        }
        Trigger trigger = event.status().isOffline() ? Trigger.OMNI_LOGOUT : Trigger.OMNI_STATUS_CHANGED;
        Option<AgentDecision> ruled = RuleEvaluation.decide(configuration, agent, before, updated, event, trigger);
        if (ruled.isDefined()) {
            return ruled.get();
        }
        return OmniToTalkdeskPolicy.target(configuration, updated, event.status(), Because.MAPPING)
                .fold(
                        skipped -> AgentDecision.skipped(updated, skipped),
                        target -> AgentDecision.send(
                                updated, new Command.SetTalkdeskStatus(agent.id(), target, Because.MAPPING)));
    }

    private static AgentDecision rulesOnly(
            Configuration configuration,
            Agent agent,
            AgentSession before,
            AgentSession updated,
            AgentEvent event,
            Trigger trigger) {
        if (!configuration.settings().omniChannelSync()) {
            return AgentDecision.nothing(updated);
        }
        return RuleEvaluation.decide(configuration, agent, before, updated, event, trigger)
                .getOrElse(() -> AgentDecision.nothing(updated));
    }

    private static AgentDecision withFactsFirst(List<Fact> facts, AgentDecision decision) {
        return facts.isEmpty()
                ? decision
                : new AgentDecision(decision.session(), decision.commands(), facts.appendAll(decision.facts()));
    }

    private static Fact.Skipped echo(Agent agent, VendorSystem system, String status) {
        return Fact.Skipped.status(agent.id(), SkipReason.ECHO, system, status, Because.REPORT);
    }

    /** An echo that arrived after a newer report of the agent's own: it settles the wait, and the newer status stands. */
    private static Fact.Skipped lateEcho(Agent agent, VendorSystem system, String status) {
        return Fact.Skipped.status(agent.id(), SkipReason.ECHO, system, status, Because.DELIVERY);
    }

    private static Fact.Skipped unchanged(Agent agent, VendorSystem system, String status) {
        return Fact.Skipped.status(agent.id(), SkipReason.UNCHANGED, system, status, Because.REPORT);
    }

    private static Fact.Skipped syncOff(Agent agent, VendorSystem system, String status) {
        return Fact.Skipped.status(agent.id(), SkipReason.SYNC_OFF, system, status, Because.REPORT);
    }
}
