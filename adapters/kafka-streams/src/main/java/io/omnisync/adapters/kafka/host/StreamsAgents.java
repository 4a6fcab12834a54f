package io.omnisync.adapters.kafka.host;

import io.omnisync.adapters.kafka.codec.ConfigurationRecord;
import io.omnisync.adapters.kafka.codec.SessionRecord;
import io.omnisync.adapters.kafka.topology.RunningConfiguration;
import io.omnisync.adapters.kafka.topology.StoreNames;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What the engine knows of agents, by interactive queries on this instance's Streams state: the configuration from
 * the global store (every instance has all of it), each agent's session from the local {@code sessions} store,
 * active and standby tasks alike ({@code num.standby.replicas=1}: with two instances each holds every agent, the
 * standby copy a little behind). An agent whose partition this instance holds neither way (three instances or
 * more) is answered as configured, as if nothing were known of her yet: queries are not forwarded to the owner.
 */
public final class StreamsAgents implements QueryAgents {

    private final KafkaStreams streams;
    private final RunningConfiguration running;

    public StreamsAgents(KafkaStreams streams, RunningConfiguration running) {
        this.streams = streams;
        this.running = running;
    }

    @Override
    public Configuration configuration() {
        RunningConfiguration.Versioned current = running.current(streams);
        if (current.version() == ConfigurationRecord.NONE) {
            throw new IllegalStateException("the configuration topic has no configuration yet");
        }
        return current.configuration();
    }

    /** The version of the configuration this instance runs ({@link ConfigurationRecord#NONE} before the first). */
    public long version() {
        return running.current(streams).version();
    }

    @Override
    public Option<AgentSession> agent(AgentId agent) {
        return configuration().agent(agent).map(known -> session(sessions(), known));
    }

    @Override
    public Seq<AgentSession> agents() {
        ReadOnlyKeyValueStore<String, SessionRecord> sessions = sessions();
        return configuration().agents().values().toList().map(agent -> session(sessions, agent));
    }

    private static AgentSession session(ReadOnlyKeyValueStore<String, SessionRecord> sessions, Agent agent) {
        SessionRecord stored = sessions.get(agent.id().value());
        return stored == null ? AgentSession.of(agent) : stored.session();
    }

    private ReadOnlyKeyValueStore<String, SessionRecord> sessions() {
        return streams.store(StoreQueryParameters.fromNameAndType(
                        StoreNames.SESSIONS, QueryableStoreTypes.<String, SessionRecord>keyValueStore())
                .enableStaleStores());
    }
}
