package io.omnisync.adapters.kafka.topology;

import io.omnisync.adapters.kafka.codec.ConfigurationRecordCodec;
import io.omnisync.adapters.kafka.codec.EventCodec;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.watch.EngineWatcher;
import io.omnisync.domain.event.VendorSystem;
import io.vavr.control.Option;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The topology of SPEC 13, which hosts the same decision function as the in-process engine:
 *
 * <pre>
 *   omnisync.configuration ──► [configuration loader] ──► global store "configuration" (every instance)
 *
 *   omnisync.events ──► keyed by its agent? ──yes──────────────────────────────┐
 *                              └──no──► key by agent ──► events-by-agent ───────┤ (repartition topic)
 *                                                                               ▼
 *                        [decide] ◄── stores "sessions", "parked" (persistent, changelogged)
 *                           ├──► omnisync.commands.talkdesk
 *                           ├──► omnisync.commands.omni
 *                           └──► omnisync.facts
 * </pre>
 *
 * A record whose key is already its agent (what the ingress writes) goes straight to the decision; any other
 * (no key, or a vendor's user id) is re-keyed by agent through a repartition topic first, so each agent's
 * records meet her session in one task.
 */
public final class OmnisyncTopology {

    private OmnisyncTopology() {}

    /** The topology, and the handle on the configuration it runs (read it with the instance it is given to). */
    public record Built(Topology topology, RunningConfiguration configuration) {}

    public static Topology build(Topics topics, ConfigurationCodec configurations) {
        return create(topics, configurations).topology();
    }

    /** One per {@code KafkaStreams} instance: the handle caches that instance's validated configuration. */
    public static Built create(Topics topics, ConfigurationCodec configurations) {
        return create(topics, configurations, EngineWatcher.NOBODY);
    }

    /**
     * The same, telling {@code watcher} what this instance's tasks decide (a service's metrics): on the stream thread,
     * as each record is decided, before Streams commits it (every 100 ms), so a task that fails over may tell some
     * twice.
     */
    public static Built create(Topics topics, ConfigurationCodec configurations, EngineWatcher watcher) {
        ConfigurationRecordCodec codec = new ConfigurationRecordCodec(configurations);
        RunningConfiguration running = new RunningConfiguration(codec);
        return new Built(build(topics, codec, running, watcher), running);
    }

    private static Topology build(
            Topics topics, ConfigurationRecordCodec codec, RunningConfiguration running, EngineWatcher watcher) {
        StreamsBuilder builder = new StreamsBuilder();

        // a global store is restored from its topic, which is its changelog: no second log
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore(StoreNames.CONFIGURATION),
                                Serdes.String(),
                                Serdes.ByteArray())
                        .withLoggingDisabled()
                        .withCachingDisabled(),
                topics.configuration(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("configuration"),
                () -> new ConfigurationLoader(codec, running));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.SESSIONS), Serdes.String(), RecordSerdes.sessions()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.PARKED), Serdes.String(), RecordSerdes.parked()));

        KStream<String, byte[]> events = builder.stream(
                topics.events(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("events"));
        Map<String, KStream<String, byte[]>> routes = events.split(Named.as("events-"))
                .branch(OmnisyncTopology::isKeyedByItsAgent, Branched.as("keyed-by-agent"))
                .defaultBranch(Branched.as("to-key-by-agent"));
        KStream<String, byte[]> rekeyed = routes.get("events-to-key-by-agent")
                .selectKey((key, value) -> EventCodec.agentOf(value).getOrElse(key), Named.as("key-by-agent"))
                .repartition(Repartitioned.<String, byte[]>as(StoreNames.EVENTS_BY_AGENT)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.ByteArray()));
        KStream<String, Outbound> decided = routes.get("events-keyed-by-agent")
                .merge(rekeyed, Named.as("by-agent"))
                .process(
                        () -> new Decider(running, watcher),
                        Named.as("decide"),
                        StoreNames.SESSIONS,
                        StoreNames.PARKED);

        Produced<String, byte[]> produced = Produced.with(Serdes.String(), Serdes.ByteArray());
        decided.split(Named.as("to-"))
                .branch(
                        (agent, out) -> Outbound.isFor(out, VendorSystem.TALKDESK),
                        Branched.withConsumer(
                                commands -> commands.mapValues(Outbound::value, Named.as("talkdesk-command"))
                                        .to(topics.talkdeskCommands(), produced.withName("talkdesk-commands")),
                                "talkdesk"))
                .branch(
                        (agent, out) -> Outbound.isFor(out, VendorSystem.OMNI),
                        Branched.withConsumer(
                                commands -> commands.mapValues(Outbound::value, Named.as("omni-command"))
                                        .to(topics.omniCommands(), produced.withName("omni-commands")),
                                "omni"))
                .defaultBranch(Branched.withConsumer(
                        facts -> facts.mapValues(Outbound::value, Named.as("fact"))
                                .to(topics.facts(), produced.withName("facts")),
                        "facts"));
        return builder.build();
    }

    /** A record goes straight to the decision when its key is its agent, or when nothing can be read of it. */
    private static boolean isKeyedByItsAgent(String key, byte[] value) {
        Option<String> agent = EventCodec.agentOf(value);
        return agent.isEmpty() || agent.get().equals(key);
    }
}
