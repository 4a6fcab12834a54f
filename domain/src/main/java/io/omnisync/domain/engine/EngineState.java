package io.omnisync.domain.engine;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.session.AgentSession;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import java.util.Objects;

/**
 * Everything the engine knows: the running configuration (with its run-time settings) and one
 * session per agent. Sessions are in a hash map (constant-time replacement, which activation of a
 * hundred thousand agents needs); the agents' order is the configuration's.
 */
public record EngineState(Configuration configuration, Map<AgentId, AgentSession> sessions) {

    public EngineState {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(sessions, "sessions");
    }

    private static final EngineState EMPTY = of(Configuration.validate(new ConfigurationDraft(null, null, null, null))
            .get());

    /** The engine before any configuration: no agent, sync off. The first configuration replaces it. */
    public static EngineState empty() {
        return EMPTY;
    }

    /** Sessions as the configuration describes the agents, nothing synced yet. */
    public static EngineState of(Configuration configuration) {
        return new EngineState(
                configuration,
                HashMap.ofEntries(configuration
                        .agents()
                        .values()
                        .map(AgentSession::of)
                        .map(session -> Tuple.of(session.agent(), session))));
    }

    /** What the engine knows of a configured agent; one it has no session for yet starts as configured. */
    public AgentSession session(Agent agent) {
        return sessions.get(agent.id()).getOrElse(() -> AgentSession.of(agent));
    }

    public EngineState withConfiguration(Configuration newConfiguration) {
        return new EngineState(newConfiguration, sessions);
    }

    public EngineState withSession(AgentSession session) {
        return new EngineState(configuration, sessions.put(session.agent(), session));
    }

    /** The sessions in the configuration's order of agents. */
    public Seq<AgentSession> sessionsInOrder() {
        return configuration.agents().keySet().toList().flatMap(sessions::get);
    }

    @Override
    public String toString() {
        return "EngineState[" + configuration.settings() + ", "
                + sessionsInOrder().mkString("; ") + "]";
    }
}
