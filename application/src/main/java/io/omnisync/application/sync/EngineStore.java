package io.omnisync.application.sync;

import io.omnisync.application.audit.AuditTrail;
import io.omnisync.application.store.AgentSessions;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.store.Outbox;
import io.omnisync.application.store.Transactions;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.engine.EngineState;
import io.omnisync.domain.engine.Outcome;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.AgentDecision;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The stores seen as the engine's state: loads what a decision needs and saves what it decided,
 * the session change and its commands in one transaction, then records the facts.
 */
@Singleton
public class EngineStore {

    private final ConfigurationStore configurations;
    private final AgentSessions sessions;
    private final Outbox outbox;
    private final Transactions transactions;
    private final AuditTrail audit;

    @Inject
    public EngineStore(
            ConfigurationStore configurations,
            AgentSessions sessions,
            Outbox outbox,
            Transactions transactions,
            AuditTrail audit) {
        this.configurations = configurations;
        this.sessions = sessions;
        this.outbox = outbox;
        this.transactions = transactions;
        this.audit = audit;
    }

    public Configuration configuration() {
        return configurations
                .current()
                .getOrElseThrow(() ->
                        new IllegalStateException("no configuration is loaded: load one before reporting events"));
    }

    public boolean hasConfiguration() {
        return configurations.current().isDefined();
    }

    public AgentSessions sessions() {
        return sessions;
    }

    /** Every agent's session as the running configuration knows them (new agents start as configured), read at once. */
    public EngineState state() {
        Configuration configuration = configuration();
        java.util.Map<io.omnisync.domain.agent.AgentId, AgentSession> stored = new java.util.HashMap<>();
        sessions.all().forEach(session -> stored.put(session.agent(), session));
        return new EngineState(
                configuration,
                HashMap.ofEntries(configuration
                        .agents()
                        .values()
                        .map(agent -> stored.getOrDefault(agent.id(), AgentSession.of(agent)))
                        .map(session -> Tuple.of(session.agent(), session))));
    }

    /** Store one agent's decision and its commands together; then record the facts. */
    public void save(AgentDecision decision) {
        transactions.inTransaction(() -> {
            sessions.save(decision.session());
            outbox.add(decision.commands());
            return null;
        });
        audit.record(decision.facts());
    }

    /** Record facts that change nothing. */
    public void record(io.vavr.collection.Seq<io.omnisync.domain.sync.Fact> facts) {
        audit.record(facts);
    }

    public Outbox outbox() {
        return outbox;
    }

    public Transactions transactions() {
        return transactions;
    }

    /**
     * Store an engine-wide outcome (admin change, configuration) together: the configuration, and
     * the sessions the change touched (activation touches many, a toggle usually none); then
     * record the facts.
     */
    public void save(Outcome outcome, EngineState before) {
        transactions.inTransaction(() -> {
            configurations.save(outcome.state().configuration());
            sessions.retainOnly(outcome.state().configuration().agents().keySet());
            outcome.state()
                    .sessions()
                    .values()
                    .filter(session -> !before.sessions().get(session.agent()).contains(session))
                    .forEach(sessions::save);
            outbox.add(outcome.commands());
            return null;
        });
        audit.record(outcome.facts());
    }
}
