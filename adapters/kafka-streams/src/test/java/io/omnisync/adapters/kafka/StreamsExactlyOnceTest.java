package io.omnisync.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.testing.EmbeddedKafkaExtension;
import io.omnisync.adapters.kafka.testing.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pieces SPEC 13's topology needs, on a real broker: exactly_once_v2, a persistent store with its
 * changelog, a global store restored from a compacted topic before the first event, and a store queried
 * from outside (the admin queries).
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class StreamsExactlyOnceTest {

    private static final String EVENTS = "streams-events";
    private static final String CONFIGURATION = "streams-configuration";
    private static final String OUTPUT = "streams-output";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void eventsAreAnsweredOnceEachWithTheConfigurationOfTheCompactedTopic(EmbeddedKafka kafka) throws Exception {
        kafka.createTopic(EVENTS, 2);
        kafka.createTopic(OUTPUT, 2);
        kafka.createCompactedTopic(CONFIGURATION, 1);
        // written before the application starts: the global store has it before any event is processed
        send(kafka, CONFIGURATION, List.of(new String[] {SmokeTopology.GREETING, "stale"}, new String[] {
            SmokeTopology.GREETING, "hello"
        }));

        try (KafkaStreams streams =
                new KafkaStreams(SmokeTopology.build(EVENTS, CONFIGURATION, OUTPUT), streamsConfig(kafka))) {
            streams.start();
            await("Streams running").atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);

            send(kafka, EVENTS, List.of(new String[] {"agent-1", "e1"}, new String[] {"agent-2", "e1"}, new String[] {
                "agent-1", "e2"
            }));

            List<ConsumerRecord<String, String>> output = TopicReader.readAtLeast(
                    kafka.bootstrapServers(), OUTPUT, IsolationLevel.READ_COMMITTED, 3, TIMEOUT);
            assertThat(output)
                    .map(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("hello agent-1 #1 e1", "hello agent-2 #1 e1", "hello agent-1 #2 e2");
            assertThat(output.stream().filter(r -> r.key().equals("agent-1")).map(ConsumerRecord::value))
                    .containsExactly("hello agent-1 #1 e1", "hello agent-1 #2 e2");

            ReadOnlyKeyValueStore<String, Long> sessions = streams.store(StoreQueryParameters.fromNameAndType(
                    SmokeTopology.SESSIONS, QueryableStoreTypes.<String, Long>keyValueStore()));
            assertThat(sessions.get("agent-1")).isEqualTo(2L);
            assertThat(sessions.get("agent-2")).isEqualTo(1L);
        }
    }

    @SuppressWarnings("deprecation") // the switch goes away in Kafka 5, where what it switches on is the default
    private static Properties streamsConfig(EmbeddedKafka kafka) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "streams-exactly-once-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(
                StreamsConfig.STATE_DIR_CONFIG,
                kafka.newDirectory("streams-state-").toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return config;
    }

    private static void send(EmbeddedKafka kafka, String topic, List<String[]> keysAndValues) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String[] keyAndValue : keysAndValues) {
                producer.send(new ProducerRecord<>(topic, keyAndValue[0], keyAndValue[1]))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }
}
