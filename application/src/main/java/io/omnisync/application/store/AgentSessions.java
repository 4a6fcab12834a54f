package io.omnisync.application.store;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.session.AgentSession;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/** Driven port: where the engine keeps what it knows of each agent. */
public interface AgentSessions {

    Option<AgentSession> find(AgentId agent);

    Seq<AgentSession> all();

    /** The stored sessions of these agents (those the store has), at once: a store may read them in one query. */
    default Seq<AgentSession> findAll(io.vavr.collection.Set<AgentId> agents) {
        return agents.toList().flatMap(this::find);
    }

    void save(AgentSession session);

    /** Several sessions at once (a group commit's): a store may write them in one statement. */
    default void saveAll(Seq<AgentSession> sessions) {
        sessions.forEach(this::save);
    }

    /** Forget agents the running configuration no longer has. */
    void retainOnly(io.vavr.collection.Set<AgentId> agents);
}
