package io.omnisync.application.query;

import io.omnisync.application.sync.EngineStore;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Reads what the engine knows; agents not heard of since the configuration was loaded read as configured. */
@Singleton
public class AgentQueries implements QueryAgents {

    private final EngineStore store;

    @Inject
    public AgentQueries(EngineStore store) {
        this.store = store;
    }

    @Override
    public Option<AgentSession> agent(AgentId agent) {
        if (!store.hasConfiguration()) {
            return Option.none();
        }
        return store.configuration().agent(agent).map(store::session);
    }

    @Override
    public Seq<AgentSession> agents() {
        return store.hasConfiguration() ? store.state().sessionsInOrder() : io.vavr.collection.List.empty();
    }

    @Override
    public Configuration configuration() {
        return store.configuration();
    }
}
