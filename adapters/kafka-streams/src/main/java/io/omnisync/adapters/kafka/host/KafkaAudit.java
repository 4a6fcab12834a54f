package io.omnisync.adapters.kafka.host;

import io.omnisync.adapters.kafka.codec.FactCodec;
import io.omnisync.adapters.kafka.codec.FactRecord;
import io.omnisync.application.audit.AuditEntry;
import io.omnisync.application.audit.AuditTrail;
import io.omnisync.application.reporting.ReportNotTaken;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * The audit trail on Kafka: the facts topic ({@code omnisync.facts}, keyed by agent id), which every instance reads,
 * so any instance answers for any agent without forwarding. The ingress's own facts (an event it cannot use) are
 * written there, acknowledged before the event is. An agent's latest entries are read from her key's partition,
 * from its start to its end as of the question: a scan, fine for an audit page at a contact center's scale; a
 * store of each agent's latest 200 would spare it.
 */
public final class KafkaAudit implements AuditTrail, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> clientConfig;
    private final String topic;
    private final LongSupplier configurationVersion;
    private final Clock clock;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaAudit(Map<String, Object> clientConfig, String topic, LongSupplier configurationVersion, Clock clock) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.topic = topic;
        this.configurationVersion = configurationVersion;
        this.clock = clock;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void record(Seq<Fact> facts) {
        long version = configurationVersion.getAsLong();
        java.util.List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Fact fact : facts) {
            sent.add(producer.send(new ProducerRecord<>(
                    topic,
                    fact.about().map(AgentId::value).getOrNull(),
                    FactCodec.encode(new FactRecord.Decided(fact, version, clock.instant())))));
        }
        for (Future<RecordMetadata> written : sent) {
            try {
                written.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReportNotTaken("interrupted while the facts topic took a fact", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new ReportNotTaken("the facts topic did not take a fact: " + e, e);
            }
        }
    }

    @Override
    public Seq<AuditEntry> recent(int limit) {
        return read(null, limit);
    }

    @Override
    public Seq<AuditEntry> of(AgentId agent, int limit) {
        return read(agent.value(), limit);
    }

    /** The latest {@code limit} entries (about {@code key}, or all when it is null), oldest first. */
    private Seq<AuditEntry> read(String key, int limit) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            java.util.List<PartitionInfo> all = consumer.partitionsFor(topic, TIMEOUT);
            java.util.List<TopicPartition> partitions = new ArrayList<>();
            if (key == null) {
                all.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            } else {
                int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % all.size();
                partitions.add(new TopicPartition(topic, partition));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            Deque<AuditEntry> latest = new ArrayDeque<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!caughtUp(consumer, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key != null && !key.equals(record.key())) {
                        continue;
                    }
                    FactCodec.decode(record.value())
                            .toOption()
                            .filter(FactRecord.Decided.class::isInstance)
                            .map(FactRecord.Decided.class::cast)
                            .forEach(decided -> {
                                latest.addLast(new AuditEntry(decided.at(), decided.fact()));
                                if (latest.size() > limit) {
                                    latest.removeFirst();
                                }
                            });
                }
            }
            return List.ofAll(latest).sortBy(AuditEntry::at);
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    @Override
    public void close() {
        producer.close();
    }
}
