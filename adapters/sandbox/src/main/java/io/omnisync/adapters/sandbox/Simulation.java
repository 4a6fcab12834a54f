package io.omnisync.adapters.sandbox;

import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.delivery.DeliveryReport;
import io.omnisync.application.reporting.ReportVendorEvent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the sandboxes and the engine until nothing is left to do, on the caller's thread: delivers
 * every webhook the sandboxes owe (each may make the engine decide commands, which are delivered
 * right after, and whose echoes are more webhooks), and resends what a failing vendor left
 * waiting without waiting for its backoff (time stands still in a simulation), a bounded number
 * of rounds. How much may be delivered grows with the work: each agent gets {@link
 * #MAX_DELIVERIES_PER_AGENT} reports per settling, so an activation of a million agents settles
 * and only an agent kept moving in a loop stops the simulation ({@link SimulationDidNotSettle}).
 */
@Singleton
public class Simulation {

    /** Rounds of resending a failing vendor gets before the simulation moves on. */
    public static final int MAX_RESEND_ROUNDS = 50;

    /**
     * Reports about one agent delivered in one settling beyond which she is taken to be in a loop.
     * A step moves an agent a few times (a change, its echo, a command and its echo; a return after
     * a call); faults add duplicates and resends, at most {@link #MAX_RESEND_ROUNDS} rounds.
     */
    public static final int MAX_DELIVERIES_PER_AGENT = 1_000;

    private final VendorDeliveries deliveries;
    private final ReportVendorEvent webhooks;
    private final DeliverCommands commands;
    private final TalkdeskSandbox talkdesk;
    private final SalesforceSandbox salesforce;
    private final SimulationClock clock;

    @Inject
    public Simulation(
            VendorDeliveries deliveries,
            ReportVendorEvent webhooks,
            DeliverCommands commands,
            TalkdeskSandbox talkdesk,
            SalesforceSandbox salesforce,
            SimulationClock clock) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.commands = commands;
        this.talkdesk = talkdesk;
        this.salesforce = salesforce;
        this.clock = clock;
    }

    /** The vendors as the configuration describes its agents: a world that starts with the engine. */
    public void startFresh(Configuration configuration) {
        talkdesk.reset(configuration);
        salesforce.reset(configuration);
    }

    /**
     * The vendors as a store left them: each agent where the engine last heard the vendors say she
     * was ({@code known}; an agent it never heard of as configured), Talkdesk's preferences as the
     * running configuration has them, the clock no earlier than the latest event the store applied,
     * and event ids this run's own. What the engine and the vendors then agree on is the store's
     * world; its outbox moves the vendors as it would have.
     */
    public void resume(Configuration running, Seq<AgentSession> known) {
        Map<AgentId, AgentSession> sessions = new HashMap<>();
        known.forEach(session -> sessions.put(session.agent(), session));
        talkdesk.reset(
                running,
                agent -> Option.of(sessions.get(agent.id()))
                        .map(AgentSession::talkdeskStatus)
                        .getOrElse(agent.talkdeskStatus()));
        salesforce.reset(
                running,
                agent -> Option.of(sessions.get(agent.id()))
                        .map(AgentSession::omniStatus)
                        .getOrElse(agent.omniStatus()),
                agent -> Option.of(sessions.get(agent.id()))
                        .map(AgentSession::workload)
                        .getOrElse(0));
        Optional<Instant> latest = known.flatMap(
                        session -> session.latestTalkdeskEvent().toList().appendAll(session.latestOmniEvent()))
                .maxBy(Instant::compareTo)
                .toJavaOptional();
        latest.filter(at -> at.isAfter(clock.instant())).ifPresent(clock::set);
        deliveries.continueAfter(latest);
    }

    /**
     * The admin changed the vendors and Omnisync's configuration while the world runs: the vendors
     * keep where their agents are, and learn the new agents and rules.
     */
    public void configurationChanged(Configuration configuration) {
        talkdesk.adopt(configuration);
        salesforce.adopt(configuration);
    }

    /** Delivers, decides and sends until nothing is left; returns how many webhooks were delivered. */
    public int runUntilQuiet() {
        Map<AgentId, Integer> perAgent = new HashMap<>();
        int delivered = 0;
        int resendRounds = 0;
        while (true) {
            Optional<AgentEvent> next = deliveries.next();
            if (next.isPresent()) {
                AgentEvent event = next.get();
                int aboutHer = perAgent.merge(event.agent(), 1, Integer::sum);
                if (aboutHer > MAX_DELIVERIES_PER_AGENT) {
                    throw new SimulationDidNotSettle(event.agent(), aboutHer);
                }
                boolean decidedCommands = webhooks.report(event)
                        .exists(decision -> !decision.commands().isEmpty());
                delivered++;
                if (decidedCommands) {
                    commands.deliverDue();
                }
                continue;
            }
            if (commands.pending().isEmpty() || resendRounds >= MAX_RESEND_ROUNDS) {
                break;
            }
            DeliveryReport report = commands.resendNow();
            resendRounds++;
            if (report.stillPending() == 0 && deliveries.isEmpty()) {
                break;
            }
        }
        return delivered;
    }
}
