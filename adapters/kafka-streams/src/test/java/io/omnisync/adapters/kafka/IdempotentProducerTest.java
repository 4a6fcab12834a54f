package io.omnisync.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.testing.EmbeddedKafkaExtension;
import io.omnisync.adapters.kafka.testing.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the ingress will do (SPEC 13): answer 202 only after the broker acknowledged the event. */
@ExtendWith(EmbeddedKafkaExtension.class)
class IdempotentProducerTest {

    private static final String TOPIC = "idempotent-events";

    @Test
    void everyEventSentWithAcksAllIsAcknowledgedAndStoredInItsAgentsOrder(EmbeddedKafka kafka) throws Exception {
        kafka.createTopic(TOPIC, 3);
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true);

        List<RecordMetadata> acknowledgements = new ArrayList<>();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 9; i++) {
                String agent = "agent-" + (i % 3);
                acknowledgements.add(producer.send(new ProducerRecord<>(TOPIC, agent, agent + " event " + i))
                        .get(30, TimeUnit.SECONDS));
            }
        }

        assertThat(acknowledgements)
                .allSatisfy(ack -> assertThat(ack.hasOffset()).isTrue());
        List<ConsumerRecord<String, String>> stored = TopicReader.readAtLeast(
                kafka.bootstrapServers(), TOPIC, IsolationLevel.READ_COMMITTED, 9, Duration.ofSeconds(30));
        assertThat(stored).hasSize(9);
        for (int agent = 0; agent < 3; agent++) {
            String key = "agent-" + agent;
            assertThat(stored.stream().filter(r -> r.key().equals(key)).map(ConsumerRecord::value))
                    .containsExactly(
                            key + " event " + agent, key + " event " + (agent + 3), key + " event " + (agent + 6));
        }
    }
}
