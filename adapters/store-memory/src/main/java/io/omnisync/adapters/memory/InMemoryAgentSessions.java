package io.omnisync.adapters.memory;

import io.omnisync.application.store.AgentSessions;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.session.AgentSession;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;

/** Agent sessions in a concurrent map: gone when the process ends. */
@Singleton
public class InMemoryAgentSessions implements AgentSessions {

    private final ConcurrentHashMap<AgentId, AgentSession> sessions = new ConcurrentHashMap<>();

    @Override
    public Option<AgentSession> find(AgentId agent) {
        return Option.of(sessions.get(agent));
    }

    @Override
    public Seq<AgentSession> all() {
        return List.ofAll(sessions.values());
    }

    @Override
    public void save(AgentSession session) {
        sessions.put(session.agent(), session);
    }

    @Override
    public void retainOnly(Set<AgentId> agents) {
        sessions.keySet().removeIf(agent -> !agents.contains(agent));
    }
}
