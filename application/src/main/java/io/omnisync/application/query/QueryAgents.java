package io.omnisync.application.query;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/** Driving port: what the engine knows of agents, and the running configuration. */
public interface QueryAgents {

    Option<AgentSession> agent(AgentId agent);

    Seq<AgentSession> agents();

    /**
     * What the engine knows of some agents, those the configuration has: for a host whose sessions live elsewhere
     * (Kafka: on the instances that own them) one question for many agents instead of one each.
     */
    default Seq<AgentSession> agents(Set<AgentId> wanted) {
        return List.ofAll(wanted).flatMap(this::agent);
    }

    Configuration configuration();
}
