package io.omnisync.application.sync;

import io.omnisync.application.audit.AuditTrail;
import io.omnisync.application.store.AgentSessions;
import io.omnisync.application.store.ConfigurationFingerprint;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.store.Outbox;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.application.store.Transactions;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.watch.EngineWatcher;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.engine.EngineState;
import io.omnisync.domain.engine.Outcome;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's unit of work over the stores: it reads what a decision needs and stores what was
 * decided, each change with the commands it produced in one transaction, then records the facts.
 * The store ports are its own; the use cases speak to it only.
 */
@Singleton
public class EngineStore {

    private static final Logger LOG = LoggerFactory.getLogger(EngineStore.class);

    private final ConfigurationStore configurations;
    private final AgentSessions sessions;
    private final Outbox outbox;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final DeliverySignal delivery;
    private final EngineWatcher watcher;

    /** A store nobody watches (simulations, tests). */
    public EngineStore(
            ConfigurationStore configurations,
            AgentSessions sessions,
            Outbox outbox,
            Transactions transactions,
            AuditTrail audit,
            DeliverySignal delivery) {
        this(configurations, sessions, outbox, transactions, audit, delivery, EngineWatcher.NOBODY);
    }

    @Inject
    public EngineStore(
            ConfigurationStore configurations,
            AgentSessions sessions,
            Outbox outbox,
            Transactions transactions,
            AuditTrail audit,
            DeliverySignal delivery,
            EngineWatcher watcher) {
        this.configurations = configurations;
        this.sessions = sessions;
        this.outbox = outbox;
        this.transactions = transactions;
        this.audit = audit;
        this.delivery = delivery;
        this.watcher = watcher;
    }

    // ---- reading --------------------------------------------------------------------------

    /**
     * The running configuration.
     *
     * @throws IllegalStateException when none runs yet: events cannot be decided before the engine starts
     */
    public Configuration configuration() {
        return configurations
                .current()
                .getOrElseThrow(() -> new IllegalStateException(
                        "no configuration is running yet: start the engine with one before reporting events"));
    }

    public boolean hasConfiguration() {
        return configurations.current().isDefined();
    }

    /** What the engine knows of a configured agent: the stored session, or a new one as configured. */
    public AgentSession session(Agent agent) {
        return sessions.find(agent.id()).getOrElse(() -> AgentSession.of(agent));
    }

    /** The stored sessions of these agents, read at once (a batch's); agents the store has not heard of are absent. */
    public Map<AgentId, AgentSession> storedSessions(io.vavr.collection.Set<AgentId> agents) {
        Map<AgentId, AgentSession> stored = new java.util.HashMap<>();
        sessions.findAll(agents).forEach(session -> stored.put(session.agent(), session));
        return stored;
    }

    /** Every agent's session as the running configuration knows them (new agents start as configured), read at once. */
    public EngineState state() {
        Configuration configuration = configuration();
        Map<AgentId, AgentSession> stored = new java.util.HashMap<>();
        sessions.all().forEach(session -> stored.put(session.agent(), session));
        return new EngineState(
                configuration,
                HashMap.ofEntries(configuration
                        .agents()
                        .values()
                        .map(agent -> stored.getOrDefault(agent.id(), AgentSession.of(agent)))
                        .map(session -> Tuple.of(session.agent(), session))));
    }

    /**
     * The running configuration with the sessions the store holds, and none for agents it has not
     * heard of (a replacement seeds those from its own status fields).
     */
    public EngineState storedState() {
        Configuration configuration = configuration();
        return new EngineState(
                configuration,
                HashMap.ofEntries(sessions.all()
                        .filter(session -> configuration.agent(session.agent()).isDefined())
                        .map(session -> Tuple.of(session.agent(), session))));
    }

    /** The commands not yet answered by their vendor, oldest first. */
    public Seq<PendingCommand> pending() {
        return outbox.pending();
    }

    // ---- writing --------------------------------------------------------------------------

    /** One agent's decision: the session and its commands together; then the facts, and the delivery is told. */
    public void save(AgentDecision decision) {
        transactions.inTransaction(() -> {
            sessions.save(decision.session());
            outbox.add(decision.commands());
            return null;
        });
        afterCommit(decision.facts(), decision.commands());
    }

    /**
     * Many agents' decisions, in the order they were decided, as one unit of work (a group commit):
     * every session and every command in one transaction, so one commit (one fsync) for all; then
     * the facts, in order, and the delivery is told. Of an agent decided twice, the last session is
     * the one kept; every command is kept, in order.
     */
    public void saveAll(Seq<AgentDecision> decisions) {
        saveAll(decisions, decisions.flatMap(AgentDecision::facts));
    }

    /**
     * The same, with the facts to record once it is committed given apart, in the order their events arrived
     * (a group commit's skipped events among its decisions' facts).
     */
    public void saveAll(Seq<AgentDecision> decisions, Seq<Fact> factsInOrder) {
        if (decisions.isEmpty()) {
            recorded(factsInOrder);
            return;
        }
        Map<AgentId, AgentSession> latest = new java.util.LinkedHashMap<>();
        decisions.forEach(decision -> latest.put(decision.session().agent(), decision.session()));
        Seq<Command> commands = decisions.flatMap(AgentDecision::commands);
        transactions.inTransaction(() -> {
            sessions.saveAll(io.vavr.collection.List.ofAll(latest.values()));
            outbox.add(commands);
            return null;
        });
        afterCommit(factsInOrder, commands);
    }

    /**
     * An engine-wide outcome (admin change, configuration) together: the configuration, and the
     * sessions the change touched (activation touches many, a toggle usually none); then the facts.
     */
    public void save(Outcome outcome, EngineState before) {
        save(outcome, before, configuration -> configurations.save(configuration));
    }

    /**
     * A configuration started or replaced, saved as {@link #save(Outcome, EngineState)} does, with the
     * file it was started from ({@code none}: not from a file; a later start with that file is then
     * read and compared in full).
     */
    public void saveStarted(Outcome outcome, EngineState before, Option<ConfigurationFingerprint> startedFrom) {
        save(outcome, before, configuration -> configurations.save(configuration, startedFrom));
    }

    /** The file the running configuration was started from, when the store knows it. */
    public Option<ConfigurationFingerprint> startedFrom() {
        return configurations.startedFrom();
    }

    /** The running configuration, unchanged, was started from this file too (it was read and found the same). */
    public void recordStartedFrom(ConfigurationFingerprint file) {
        transactions.inTransaction(() -> {
            configurations.save(configuration(), Option.some(file));
            return null;
        });
    }

    private void save(Outcome outcome, EngineState before, Consumer<Configuration> saving) {
        transactions.inTransaction(() -> {
            saving.accept(outcome.state().configuration());
            sessions.retainOnly(outcome.state().configuration().agents().keySet());
            outcome.state()
                    .sessions()
                    .values()
                    .filter(session -> !before.sessions().get(session.agent()).contains(session))
                    .forEach(sessions::save);
            outbox.add(outcome.commands());
            return null;
        });
        afterCommit(outcome.facts(), outcome.commands());
    }

    /** Facts that change nothing. */
    public void record(Seq<Fact> facts) {
        recorded(facts);
    }

    /** The vendor took the command (or it is for an agent no longer configured): it is done. */
    public void done(CommandId command) {
        outbox.done(command);
    }

    /**
     * The command is done, with the decision it caused (refused, superseded, expired: the session
     * stops waiting for its echo), in one transaction; then the facts.
     */
    public void done(CommandId command, AgentDecision decision) {
        transactions.inTransaction(() -> {
            sessions.save(decision.session());
            outbox.done(command);
            return null;
        });
        afterCommit(decision.facts(), io.vavr.collection.List.empty());
    }

    /** The vendor could not be reached: the command stays, its attempt counted. */
    public void failed(CommandId command, String error) {
        outbox.failed(command, error);
    }

    /**
     * What follows a commit: the facts into the audit trail and to the watcher, and the delivery woken. The commit is
     * done, so a failure here must not reach the caller as if nothing were stored (a webhook would be sent again and a
     * group commit's callers told their events were lost): it is logged, and the delivery's own polling still finds
     * the commands.
     */
    private void afterCommit(Seq<Fact> facts, Seq<Command> commands) {
        try {
            recorded(facts);
        } catch (RuntimeException failed) {
            LOG.error("committed, but {} fact(s) could not be recorded or watched", facts.size(), failed);
        }
        try {
            signal(commands);
        } catch (RuntimeException failed) {
            LOG.error(
                    "committed, but the delivery could not be woken; it finds the commands when it next looks", failed);
        }
    }

    private void recorded(Seq<Fact> facts) {
        audit.record(facts);
        if (!facts.isEmpty()) {
            watcher.recorded(facts);
        }
    }

    private void signal(Seq<Command> commands) {
        commands.map(Command::system).distinct().forEach(delivery::commandsFor);
    }
}
