package io.omnisync.adapters.cli;

import com.google.inject.Module;
import io.omnisync.adapters.cli.scenario.JsonScenarioFile;
import io.omnisync.adapters.cli.scenario.ScenarioStep;
import io.omnisync.adapters.composition.Bootstrap;
import io.omnisync.adapters.configjson.LoadedConfiguration;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.adapters.sandbox.SandboxAnswer;
import io.omnisync.adapters.sandbox.SandboxVendorsModule;
import io.omnisync.adapters.sandbox.Simulation;
import io.omnisync.adapters.sandbox.SimulationClock;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.application.admin.ChangeIntegrationSettings;
import io.omnisync.application.admin.ReplacePolicy;
import io.omnisync.application.admin.SettingsResult;
import io.omnisync.application.admin.StartEngine;
import io.omnisync.application.admin.StartResult;
import io.omnisync.application.audit.FactLog;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Plays a scenario on the sandboxes: the engine is started on its store (fresh, resumed or
 * replaced: {@link StartEngine}), the sandboxes begin in the world the engine knows, then each line
 * is applied to the vendor it concerns (or to the admin's settings), the vendors, the engine and
 * the echoes run until nothing is left to do, and the timeline tells what happened. The scenario
 * was checked whole before: every line is played.
 */
final class ScenarioRunner {

    private final SimulationClock clock;
    private final Simulation simulation;
    private final TalkdeskSandbox talkdesk;
    private final SalesforceSandbox salesforce;
    private final FactLog facts;
    private final StartEngine starting;
    private final ChangeIntegrationSettings settings;
    private final DeliverCommands delivery;
    private final QueryAgents agents;

    @Inject
    ScenarioRunner(
            TalkdeskSandbox talkdesk,
            SalesforceSandbox salesforce,
            SimulationClock clock,
            Simulation simulation,
            FactLog facts,
            StartEngine starting,
            ChangeIntegrationSettings settings,
            DeliverCommands delivery,
            QueryAgents agents) {
        this.talkdesk = talkdesk;
        this.salesforce = salesforce;
        this.clock = clock;
        this.simulation = simulation;
        this.facts = facts;
        this.starting = starting;
        this.settings = settings;
        this.delivery = delivery;
        this.agents = agents;
    }

    /** The engine on the sandboxes, with the store the command line chose. */
    static ScenarioRunner on(SandboxVendorsModule vendors, Module store) {
        return new Bootstrap(vendors, store).initialize(ScenarioRunner.class);
    }

    /**
     * Starts the engine with {@code configuration} and plays {@code scenario}, telling {@code
     * timeline} what happens; a store ({@code where}) that runs a different configuration is
     * refused (exit 2, nothing changed) unless {@code policy} replaces it.
     */
    int run(
            Timeline timeline,
            LoadedConfiguration.Valid configuration,
            JsonScenarioFile.Scenario scenario,
            ReplacePolicy policy,
            String where,
            PrintWriter err) {
        HeldFacts held = new HeldFacts();
        facts.follow(held);
        StartResult started = starting.start(configuration.draft(), policy);
        if (started instanceof StartResult.Refused refused) {
            err.println(where + ": " + refused.reason() + ". To run this configuration instead, add --replace: it "
                    + "is validated whole, and the agents the store knows keep what it knows of them.");
            return ExitCode.BAD_INPUT;
        }
        if (started instanceof StartResult.Rejected rejected) {
            rejected.problems().forEach(problem -> err.println(problem));
            return ExitCode.INVALID_CONFIGURATION;
        }
        StartResult.Running running = (StartResult.Running) started;
        if (running instanceof StartResult.StartedFresh) {
            simulation.startFresh(running.configuration());
        } else {
            simulation.resume(running.configuration(), agents.agents());
        }
        timeline.happened(0, clock.instant(), startLine(running));
        held.release(timeline);
        settle();
        for (ScenarioStep step : scenario.steps()) {
            step.at().ifPresent(clock::set);
            apply(step, timeline);
            settle();
        }
        timeline.pending(delivery.pending());
        timeline.finished(agents.agents(), session -> new String[] {
            talkdesk.status(session.agent()).value(),
            salesforce.status(session.agent()).wireName()
        });
        return ExitCode.OK;
    }

    /** What starting did, in a line. */
    private static String startLine(StartResult.Running running) {
        boolean sync = running.configuration().settings().omniChannelSync();
        if (running instanceof StartResult.StartedFresh) {
            return "Omnisync starts with Omni-Channel sync "
                    + (sync ? "on: activation reconciles every agent at once" : "off");
        }
        if (running instanceof StartResult.Resumed resumed) {
            int waiting = resumed.pendingCommands();
            return "Omnisync resumes the store's configuration, with its settings (Omni-Channel sync "
                    + (sync ? "on" : "off") + "): nothing is reconciled; "
                    + (waiting == 0
                            ? "nothing waits in its outbox"
                            : waiting + " command" + (waiting == 1 ? "" : "s") + " waiting in its outbox go out now");
        }
        StartResult.Replaced replaced = (StartResult.Replaced) running;
        return "Omnisync replaces the store's configuration (it differed in "
                + replaced.differences().mkString(", ") + "); agents the store knows keep what it knows of "
                + "them; Omni-Channel sync " + (sync ? "on" : "off")
                + (replaced.commands().isEmpty()
                        ? ""
                        : ": " + replaced.commands().size() + " change(s) to make");
    }

    /** Facts recorded while the engine starts, held until the line that says how it started is printed. */
    private static final class HeldFacts implements Consumer<Seq<Fact>> {
        private final java.util.List<Seq<Fact>> held = new java.util.ArrayList<>();
        private Timeline timeline;

        @Override
        public void accept(Seq<Fact> batch) {
            if (timeline == null) {
                held.add(batch);
            } else {
                timeline.facts(batch);
            }
        }

        void release(Timeline to) {
            held.forEach(to::facts);
            held.clear();
            timeline = to;
        }
    }

    private void apply(ScenarioStep step, Timeline told) {
        Instant at = clock.instant();
        Timeline timeline =
                step.id().isEmpty() ? told : new EventIdNoted(told, step.id().get());
        int line = step.line();
        if (step instanceof ScenarioStep.TalkdeskStatusPicked picked) {
            timeline.happened(line, at, picked.agent().get() + " picks '" + picked.status() + "' in Talkdesk");
            answered(
                    timeline,
                    line,
                    picked.agent().get(),
                    talkdesk.agentPicks(agent(picked), TalkdeskStatusId.of(picked.status()), picked.id()));
        } else if (step instanceof ScenarioStep.CallOffered call) {
            String agent = call.agent().get();
            timeline.happened(line, at, "Talkdesk offers " + agent + " an incoming call");
            SandboxAnswer answer = talkdesk.offerCall(agent(call));
            if (answer instanceof SandboxAnswer.Refused refused) {
                timeline.callOffered(line, agent, false, refused.reason());
            } else {
                timeline.callOffered(
                        line,
                        agent,
                        true,
                        "it rings for " + agent + " in '" + talkdesk.status(agent(call)) + "': she can take it");
            }
        } else if (step instanceof ScenarioStep.CallStarted call) {
            timeline.happened(line, at, call.agent().get() + " answers a call in Talkdesk");
            answered(timeline, line, call.agent().get(), talkdesk.answerCall(agent(call), call.id()));
        } else if (step instanceof ScenarioStep.CallEnded call) {
            timeline.happened(line, at, call.agent().get() + " ends the call and starts wrap-up");
            answered(timeline, line, call.agent().get(), talkdesk.hangUp(agent(call), call.id()));
        } else if (step instanceof ScenarioStep.WrapUpEnded wrapUp) {
            timeline.happened(
                    line,
                    at,
                    wrapUp.agent().get() + " finishes wrap-up"
                            + wrapUp.nextStatus()
                                    .map(next -> " (next agent status: '" + next + "')")
                                    .orElse(""));
            answered(
                    timeline,
                    line,
                    wrapUp.agent().get(),
                    talkdesk.endWrapUp(agent(wrapUp), wrapUp.nextStatus().map(TalkdeskStatusId::of), wrapUp.id()));
        } else if (step instanceof ScenarioStep.OmniStatusPicked picked) {
            OmniStatus status = OmniStatus.parse(picked.status());
            timeline.happened(
                    line,
                    at,
                    picked.reason()
                            .map(reason -> "Omni-Channel moves "
                                    + picked.agent().get() + " to '" + status + "' (" + reason + ")")
                            .orElseGet(() -> picked.agent().get()
                                    + (status.isOffline()
                                            ? " logs out of the Omni-Channel widget"
                                            : " picks '" + status + "' in the Omni-Channel widget")));
            answered(
                    timeline,
                    line,
                    picked.agent().get(),
                    salesforce.statusChanged(agent(picked), status, picked.reason(), picked.id()));
        } else if (step instanceof ScenarioStep.OmniWorkDeclined declined) {
            timeline.happened(
                    line,
                    at,
                    declined.agent().get() + " declines a work item Omni-Channel pushed (Salesforce moves her to "
                            + "her presence configuration's status on decline)");
            answered(timeline, line, declined.agent().get(), salesforce.workDeclined(agent(declined), declined.id()));
        } else if (step instanceof ScenarioStep.OmniPushTimedOut timedOut) {
            timeline.happened(
                    line,
                    at,
                    "a work item pushed to " + timedOut.agent().get() + " goes unanswered until it times out "
                            + "(Salesforce moves her to her presence configuration's status on push timeout)");
            answered(timeline, line, timedOut.agent().get(), salesforce.pushTimedOut(agent(timedOut), timedOut.id()));
        } else if (step instanceof ScenarioStep.OmniWorkloadChanged workload) {
            timeline.happened(
                    line,
                    at,
                    workload.agent().get() + " has " + workload.workload() + " units of Omni-Channel work in use");
            answered(
                    timeline,
                    line,
                    workload.agent().get(),
                    salesforce.workloadChanged(agent(workload), workload.workload(), workload.id()));
        } else if (step instanceof ScenarioStep.OmniWorkAccepted accepted) {
            timeline.happened(line, at, accepted.agent().get() + " accepts a '" + accepted.channel() + "' work item");
            answered(
                    timeline,
                    line,
                    accepted.agent().get(),
                    salesforce.workAccepted(agent(accepted), accepted.channel(), accepted.id()));
        } else if (step instanceof ScenarioStep.StatusDeletedAtVendor deleted) {
            boolean inTalkdesk = deleted.vendor() == ScenarioStep.Vendor.TALKDESK;
            timeline.happened(
                    line,
                    at,
                    "an admin deletes the status '" + deleted.status() + "' in "
                            + (inTalkdesk ? "Talkdesk" : "Salesforce")
                            + " (the configuration still names it)");
            if (inTalkdesk) {
                talkdesk.deleteStatus(TalkdeskStatusId.of(deleted.status()));
            } else {
                salesforce.deleteStatus(PresenceStatusId.of(deleted.status()));
            }
        } else if (step instanceof ScenarioStep.SyncToggled sync) {
            timeline.happened(
                    line,
                    at,
                    "the admin turns the 'Omni-Channel' toggle " + onOff(sync.enabled())
                            + (sync.force() ? " (forced)" : ""));
            settings.change(new SettingsChange.ToggleSync(sync.enabled(), sync.force(), at));
        } else if (step instanceof ScenarioStep.ReturnToPreviousToggled toggle) {
            timeline.happened(
                    line, at, "the admin turns 'return to previous status after a call' " + onOff(toggle.enabled()));
            settings.change(new SettingsChange.ToggleReturnToPrevious(toggle.enabled(), at));
        } else if (step instanceof ScenarioStep.NextAgentStatusToggled toggle) {
            timeline.happened(
                    line, at, "the admin turns Talkdesk's 'Next agent status' preference " + onOff(toggle.enabled()));
            SettingsResult result = settings.change(new SettingsChange.ToggleNextAgentStatus(toggle.enabled(), at));
            if (result instanceof SettingsResult.Applied) {
                talkdesk.setNextAgentStatus(toggle.enabled());
            }
        } else if (step instanceof ScenarioStep.RuleToggled rule) {
            timeline.happened(
                    line,
                    at,
                    "the admin " + (rule.enabled() ? "enables" : "disables") + " the rule '" + rule.name() + "'");
            settings.change(new SettingsChange.ToggleRule(rule.name(), rule.enabled(), at));
        }
    }

    /** Adds the vendor's event id to what happened, so a redelivery can be told apart by the reader. */
    private record EventIdNoted(Timeline timeline, String id) implements Timeline {
        @Override
        public void happened(int line, Instant at, String what) {
            timeline.happened(line, at, what + " [event " + id + "]");
        }

        @Override
        public void vendorRefused(int line, String agent, String reason) {
            timeline.vendorRefused(line, agent, reason);
        }

        @Override
        public void callOffered(int line, String agent, boolean rings, String detail) {
            timeline.callOffered(line, agent, rings, detail);
        }

        @Override
        public void facts(io.vavr.collection.Seq<io.omnisync.domain.sync.Fact> facts) {
            timeline.facts(facts);
        }

        @Override
        public void pending(io.vavr.collection.Seq<io.omnisync.application.store.PendingCommand> pending) {
            timeline.pending(pending);
        }

        @Override
        public void finished(
                io.vavr.collection.Seq<io.omnisync.domain.session.AgentSession> agents,
                java.util.function.Function<io.omnisync.domain.session.AgentSession, String[]> statuses) {
            timeline.finished(agents, statuses);
        }
    }

    private void settle() {
        simulation.runUntilQuiet();
    }

    private static void answered(Timeline timeline, int line, String agent, SandboxAnswer answer) {
        if (answer instanceof SandboxAnswer.Refused refused) {
            timeline.vendorRefused(line, agent, refused.reason());
        }
    }

    private static AgentId agent(ScenarioStep step) {
        return AgentId.of(step.agent().get());
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
