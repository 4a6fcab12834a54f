package io.omnisync.adapters.kafka;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The shape SPEC 13's topology will have, with a trivial decision: events keyed by agent, each agent's
 * count in a persistent (changelogged) store, a setting read from a global store that a compacted topic
 * feeds, one output record per event. Built with the Processor API, as the real one will be.
 */
final class SmokeTopology {

    static final String SESSIONS = "sessions";
    static final String CONFIGURATION = "configuration";
    static final String GREETING = "greeting";

    private SmokeTopology() {}

    static Topology build(String events, String configuration, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        // a global store is restored from its topic, which is its changelog: no second log
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(CONFIGURATION), Serdes.String(), Serdes.String())
                        .withLoggingDisabled(),
                configuration,
                Consumed.with(Serdes.String(), Serdes.String()),
                ConfigurationLoader::new);
        builder.addStateStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SESSIONS), Serdes.String(), Serdes.Long()));
        builder.stream(events, Consumed.with(Serdes.String(), Serdes.String()))
                .process(Counter::new, SESSIONS)
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    /** Keeps the last value of each configuration key (a null value deletes it, as compaction does). */
    private static final class ConfigurationLoader implements Processor<String, String, Void, Void> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(CONFIGURATION);
        }

        @Override
        public void process(Record<String, String> record) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }

    /** "hello agent-1 #2 e2": the greeting from the configuration, the agent's count, the event. */
    private static final class Counter implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private KeyValueStore<String, Long> sessions;
        private KeyValueStore<String, String> configuration;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            this.sessions = context.getStateStore(SESSIONS);
            this.configuration = context.getStateStore(CONFIGURATION);
        }

        @Override
        public void process(Record<String, String> record) {
            Long previous = sessions.get(record.key());
            long count = previous == null ? 1 : previous + 1;
            sessions.put(record.key(), count);
            String greeting = configuration.get(GREETING);
            context.forward(record.withValue(greeting + " " + record.key() + " #" + count + " " + record.value()));
        }
    }
}
