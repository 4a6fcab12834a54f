package io.omnisync.adapters.kafka.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning, as a test's observer: every partition assigned (no group, so no
 * rebalance to wait for), until what was read satisfies a condition or a deadline passes.
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(100);

    private TopicReader() {}

    /**
     * The records of {@code topic} (keys and values as UTF-8 strings) in the order each partition holds them,
     * partitions one after another as read, once {@code enough} holds for them.
     *
     * @throws AssertionError naming what was read, when {@code enough} does not hold within {@code timeout}
     */
    public static List<ConsumerRecord<String, String>> readUntil(
            String bootstrapServers,
            String topic,
            IsolationLevel isolation,
            Predicate<List<ConsumerRecord<String, String>>> enough,
            Duration timeout) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers, isolation)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (!enough.test(read)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("after " + timeout + ", " + topic + " (" + isolation + ") held only "
                            + read.stream().map(r -> r.key() + "=" + r.value()).toList());
                }
                consumer.poll(POLL).forEach(read::add);
            }
            return List.copyOf(read);
        }
    }

    /**
     * Every record of {@code topic} up to its end as it is when the call starts (for {@code read_committed}, the
     * last stable offset: what committed transactions wrote), in the order each partition holds them.
     */
    public static List<ConsumerRecord<String, String>> readToEnd(
            String bootstrapServers, String topic, IsolationLevel isolation, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers, isolation)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("after " + timeout + ", " + topic + " (" + isolation
                            + ") was not read to its end " + ends + "; read " + read.size() + " records");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        read.add(record);
                    }
                }
            }
            return List.copyOf(read);
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers, IsolationLevel isolation) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                isolation.toString().toLowerCase(Locale.ROOT),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Reads until {@code count} records were read (or fails after {@code timeout}). */
    public static List<ConsumerRecord<String, String>> readAtLeast(
            String bootstrapServers, String topic, IsolationLevel isolation, int count, Duration timeout) {
        return readUntil(bootstrapServers, topic, isolation, read -> read.size() >= count, timeout);
    }
}
