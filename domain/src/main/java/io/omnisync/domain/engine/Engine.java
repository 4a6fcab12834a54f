package io.omnisync.domain.engine;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.settings.Refusal;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.sync.Activation;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.PresenceSync;
import io.vavr.Tuple;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * The whole engine as a pure state machine over every agent: vendor events, admin changes and
 * configuration replacement in, {@link Outcome}s out. Agents are independent; an admin change
 * may touch them all (activation).
 */
public final class Engine {

    private Engine() {}

    /**
     * The first configuration: the same as replacing the empty engine's, so starting with sync on
     * is an activation (every agent reconciled at once, with no business-hours guard: the admin
     * chose to start it).
     */
    public static Outcome start(Configuration configuration) {
        return apply(EngineState.empty(), configuration);
    }

    public static Outcome handle(EngineState state, AgentEvent event) {
        return PresenceSync.handle(state.configuration(), event, state::session)
                .fold(unknown -> Outcome.only(state, unknown), decision -> Outcome.of(state, decision));
    }

    /**
     * An admin change: applied (turning sync on reconciles every agent, after the business-hours
     * guard), or refused by the domain, which changes nothing.
     */
    public static Either<Refusal, Outcome> change(EngineState state, SettingsChange change) {
        Configuration running = state.configuration();
        if (change instanceof SettingsChange.ToggleSync sync
                && sync.enabled()
                && !running.settings().omniChannelSync()) {
            Option<Refusal> refused = Activation.guard(running, sync.at(), sync.force());
            if (refused.isDefined()) {
                return Either.left(refused.get());
            }
        }
        return SettingsPolicy.apply(running, change).map(configuration -> {
            Fact fact = change instanceof SettingsChange.ToggleRule rule
                    ? new Fact.RuleToggled(rule.name(), rule.enabled())
                    : new Fact.SettingsChanged(configuration.settings());
            Outcome applied = Outcome.only(state.withConfiguration(configuration), fact);
            return activates(running, configuration) ? reconcileAll(applied) : applied;
        });
    }

    /**
     * SPEC 4.9: a new configuration is validated whole and applied whole, or rejected with every
     * problem (and the running one stays). Loading the first one is replacing the empty engine's.
     */
    public static Either<Seq<Problem>, Outcome> replace(EngineState state, ConfigurationDraft draft, Instant at) {
        return Configuration.validate(draft).toEither().map(configuration -> apply(state, configuration));
    }

    /**
     * A valid configuration replaces the running one: agents still configured keep what the engine
     * knows of them, new agents start as configured, removed agents are forgotten; if it turns
     * sync on, that is an activation. If sync was on and stays on, each agent it adds is
     * reconciled at once, alone, by the activation's rule (SPEC 4.2): nobody else moves.
     */
    private static Outcome apply(EngineState state, Configuration configuration) {
        EngineState fresh = EngineState.of(configuration);
        EngineState kept = new EngineState(
                configuration,
                fresh.sessions()
                        .map((agent, session) ->
                                Tuple.of(agent, state.sessions().get(agent).getOrElse(session))));
        Outcome applied = Outcome.only(kept, new Fact.ConfigurationApplied(configuration.warnings()));
        if (activates(state.configuration(), configuration)) {
            return reconcileAll(applied);
        }
        if (configuration.settings().omniChannelSync()) {
            return reconcile(
                    applied,
                    configuration
                            .agents()
                            .values()
                            .filter(agent ->
                                    state.configuration().agent(agent.id()).isEmpty()));
        }
        return applied;
    }

    /** The dry run of activation: what turning sync on would send now, sending nothing and changing nothing. */
    public static Seq<AgentDecision> plan(EngineState state) {
        Configuration configuration = state.configuration();
        return configuration
                .agents()
                .values()
                .toList()
                .map(agent -> Activation.reconcile(configuration, agent, state.session(agent)));
    }

    private static boolean activates(Configuration before, Configuration after) {
        return !before.settings().omniChannelSync() && after.settings().omniChannelSync();
    }

    /** Every agent reconciled, in the configuration's order; built in one pass (a hundred thousand agents). */
    private static Outcome reconcileAll(Outcome outcome) {
        return reconcile(outcome, outcome.state().configuration().agents().values());
    }

    /** These agents reconciled, in the order given. */
    private static Outcome reconcile(Outcome outcome, Iterable<Agent> agents) {
        EngineState state = outcome.state();
        java.util.List<Command> commands =
                new java.util.ArrayList<>(outcome.commands().toJavaList());
        java.util.List<Fact> facts = new java.util.ArrayList<>(outcome.facts().toJavaList());
        var sessions = state.sessions();
        for (Agent agent : agents) {
            AgentDecision decision = Activation.reconcile(state.configuration(), agent, state.session(agent));
            sessions = sessions.put(agent.id(), decision.session());
            commands.addAll(decision.commands().toJavaList());
            facts.addAll(decision.facts().toJavaList());
        }
        return new Outcome(new EngineState(state.configuration(), sessions), List.ofAll(commands), List.ofAll(facts));
    }
}
