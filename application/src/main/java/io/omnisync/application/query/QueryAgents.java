package io.omnisync.application.query;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/** Driving port: what the engine knows of agents, and the running configuration. */
public interface QueryAgents {

    Option<AgentSession> agent(AgentId agent);

    Seq<AgentSession> agents();

    Configuration configuration();
}
