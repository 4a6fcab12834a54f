package io.omnisync.adapters.kafka.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.kafka.codec.FactCodec;
import io.omnisync.adapters.kafka.codec.FactRecord;
import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.testing.EmbeddedKafkaExtension;
import io.omnisync.application.watch.EngineWatcher;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live view on Kafka hears of every fact of the deployment, once its own configuration is the fact's. */
@ExtendWith(EmbeddedKafkaExtension.class)
class FactsFeedTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void a_fact_is_told_once_this_instance_runs_the_configuration_it_was_decided_under(EmbeddedKafka kafka)
            throws Exception {
        String topic = "facts-feed.facts";
        kafka.createTopic(topic, 2);
        AtomicLong running = new AtomicLong(3);
        List<Fact> told = new CopyOnWriteArrayList<>();
        EngineWatcher watcher = new EngineWatcher() {
            @Override
            public void recorded(Seq<Fact> facts) {
                facts.forEach(told::add);
            }
        };
        Fact old = new Fact.RuleToggled("return-after-call", false);
        Fact toggled = new Fact.RuleToggled("return-after-call", true);
        try (FactsFeed feed = new FactsFeed(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), topic, running::get)
                .start(watcher)) {
            write(kafka, topic, new FactRecord.Decided(old, 3, Instant.now()));
            write(kafka, topic, new FactRecord.Decided(toggled, 4, Instant.now()));

            await("the fact decided under what this instance runs")
                    .atMost(TIMEOUT)
                    .until(() -> told.contains(old));
            await().during(Duration.ofMillis(500)).atMost(TIMEOUT).until(() -> !told.contains(toggled));
            running.set(4);
            await("the other, once this instance runs its configuration")
                    .atMost(TIMEOUT)
                    .until(() -> told.contains(toggled));
            assertThat(told).containsExactly(old, toggled);
        }
    }

    private static void write(EmbeddedKafka kafka, String topic, FactRecord fact) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, FactCodec.encode(fact)))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
