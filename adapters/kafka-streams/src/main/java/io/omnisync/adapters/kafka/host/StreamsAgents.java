package io.omnisync.adapters.kafka.host;

import io.omnisync.adapters.kafka.codec.ConfigurationRecord;
import io.omnisync.adapters.kafka.codec.SessionRecord;
import io.omnisync.adapters.kafka.peer.OwnedSessions;
import io.omnisync.adapters.kafka.peer.PeerClient;
import io.omnisync.adapters.kafka.topology.RunningConfiguration;
import io.omnisync.adapters.kafka.topology.StoreNames;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine knows of agents, by interactive queries (SPEC 13: answered by the instance that owns the agent):
 * the configuration from the global store (every instance has all of it); each agent's session from the instance
 * whose active task runs her partition — this one's own {@code sessions} store, or the owner's, asked over its
 * {@link io.omnisync.adapters.kafka.peer.PeerServer peer endpoint}. When the owner cannot answer (it died, Streams is
 * rebalancing) this instance answers from its own copy, a standby's if it has one ({@code num.standby.replicas=1}:
 * up to a commit interval behind), else as configured, as if nothing were known of her yet.
 *
 * <p>It answers the peers' questions too ({@link OwnedSessions}): the sessions of the partitions active here.
 */
public final class StreamsAgents implements QueryAgents, OwnedSessions {

    private static final Logger log = LoggerFactory.getLogger(StreamsAgents.class);
    private static final Serializer<String> KEYS = new StringSerializer();
    /** Up to this many agents are asked for one by one; more, the owners are asked for all they own. */
    private static final int ONE_BY_ONE = 8;

    private final KafkaStreams streams;
    private final RunningConfiguration running;
    private final HostInfo self;
    private final PeerClient peers;

    /**
     * @param self this instance's {@code application.server}: the host and port its peers ask it at
     * @param peers how this instance asks the others
     */
    public StreamsAgents(KafkaStreams streams, RunningConfiguration running, HostInfo self, PeerClient peers) {
        this.streams = streams;
        this.running = running;
        this.self = self;
        this.peers = peers;
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
        return configuration().agent(agent).map(this::session);
    }

    @Override
    public Seq<AgentSession> agents() {
        return sessions(configuration().agents().values().toList());
    }

    /** A few agents one by one from their owners; more at once, one question to each instance that owns any. */
    @Override
    public Seq<AgentSession> agents(Set<AgentId> wanted) {
        Configuration configuration = configuration();
        Seq<Agent> known = wanted.toList().flatMap(configuration::agent);
        return known.size() <= ONE_BY_ONE ? known.map(this::session) : sessions(known);
    }

    /** Their sessions: this instance's copy, overwritten by what every other instance with active tasks owns. */
    private Seq<AgentSession> sessions(Seq<Agent> agents) {
        Map<String, SessionRecord> known = new HashMap<>();
        readLocally(store -> readAll(store, known));
        java.util.List<CompletableFuture<Either<String, Seq<SessionRecord>>>> asked = new ArrayList<>();
        java.util.List<HostInfo> peers = new ArrayList<>();
        for (StreamsMetadata instance : streams.streamsMetadataForStore(StoreNames.SESSIONS)) {
            if (!instance.hostInfo().equals(self) && !instance.topicPartitions().isEmpty()) {
                peers.add(instance.hostInfo());
                asked.add(this.peers.sessionsAsync(instance.hostInfo()));
            }
        }
        for (int i = 0; i < asked.size(); i++) {
            HostInfo peer = peers.get(i);
            asked.get(i)
                    .join()
                    .peekLeft(why ->
                            log.warn("the sessions {} owns are answered from this instance's copy: {}", peer, why))
                    .forEach(owned -> owned.forEach(
                            session -> known.put(session.session().agent().value(), session)));
        }
        return agents.map(agent -> {
            SessionRecord stored = known.get(agent.id().value());
            return stored == null ? AgentSession.of(agent) : stored.session();
        });
    }

    private AgentSession session(Agent agent) {
        String id = agent.id().value();
        HostInfo owner = owner(id);
        if (owner != null && !owner.equals(self)) {
            Either<String, Option<SessionRecord>> asked = peers.session(owner, id);
            if (asked.isRight()) {
                return asked.get().map(SessionRecord::session).getOrElse(() -> AgentSession.of(agent));
            }
            log.warn("{}'s session is answered from this instance's copy: {}", id, asked.getLeft());
        }
        Map<String, SessionRecord> stored = new HashMap<>();
        readLocally(store -> {
            SessionRecord found = store.get(id);
            if (found != null) {
                stored.put(id, found);
            }
        });
        return stored.containsKey(id) ? stored.get(id).session() : AgentSession.of(agent);
    }

    /**
     * The instance whose active task runs her partition; null while Streams does not know (rebalancing) or no
     * instance runs it (Streams' "unavailable" host, e.g. while instances of a release that announced no address
     * still run it).
     */
    private HostInfo owner(String agent) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(StoreNames.SESSIONS, agent, KEYS);
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return null;
        }
        HostInfo active = metadata.activeHost();
        return active == null || active.port() < 0 ? null : active;
    }

    /** Reads this instance's copy (active and standby tasks); an instance that has none now reads nothing. */
    private void readLocally(Consumer<ReadOnlyKeyValueStore<String, SessionRecord>> read) {
        try {
            read.accept(stores(true));
        } catch (InvalidStateStoreException noneHere) {
            log.debug("this instance has no sessions store to read now: {}", noneHere.getMessage());
        }
    }

    @Override
    public Either<String, Option<SessionRecord>> owned(String agent) {
        try {
            if (!self.equals(owner(agent))) {
                return Either.left(agent + "'s partition is not active on " + self);
            }
            return Either.right(Option.of(stores(false).get(agent)));
        } catch (InvalidStateStoreException moving) {
            return Either.left("the sessions store is not queryable on " + self + ": " + moving.getMessage());
        }
    }

    @Override
    public Either<String, Seq<SessionRecord>> allOwned() {
        try {
            Map<String, SessionRecord> owned = new HashMap<>();
            readAll(stores(false), owned);
            return Either.right(List.ofAll(owned.values()));
        } catch (InvalidStateStoreException moving) {
            return Either.left("the sessions store is not queryable on " + self + ": " + moving.getMessage());
        }
    }

    private static void readAll(
            ReadOnlyKeyValueStore<String, SessionRecord> sessions, Map<String, SessionRecord> into) {
        try (KeyValueIterator<String, SessionRecord> all = sessions.all()) {
            all.forEachRemaining(entry -> into.put(entry.key, entry.value));
        }
    }

    /** This instance's sessions: its active tasks' only, or with its standby copies ({@code withStandbys}). */
    private ReadOnlyKeyValueStore<String, SessionRecord> stores(boolean withStandbys) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, SessionRecord>> query =
                StoreQueryParameters.fromNameAndType(StoreNames.SESSIONS, QueryableStoreTypes.keyValueStore());
        return streams.store(withStandbys ? query.enableStaleStores() : query);
    }
}
