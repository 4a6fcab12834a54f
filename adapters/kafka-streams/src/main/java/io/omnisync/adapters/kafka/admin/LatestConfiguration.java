package io.omnisync.adapters.kafka.admin;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the last committed record of the configuration topic (read_committed, one partition), from the end
 * backwards in growing windows: each admin change is one record and a transaction marker, so the first window
 * almost always has it; records of aborted transactions are skipped by the consumer.
 */
final class LatestConfiguration {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final long FIRST_WINDOW = 16;

    private LatestConfiguration() {}

    static Option<ConsumerRecord<String, byte[]>> read(
            Consumer<String, byte[]> consumer, String topic, Duration timeout) {
        int partitions = consumer.partitionsFor(topic, timeout).size();
        if (partitions != 1) {
            throw new IllegalStateException("the configuration topic " + topic + " has " + partitions
                    + " partitions; it must have exactly one, so every instance reads its records in one order");
        }
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        Map<TopicPartition, Long> ends = consumer.endOffsets(List.of(partition), timeout);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(List.of(partition), timeout);
        long end = ends.get(partition);
        long beginning = beginnings.get(partition);
        Instant deadline = Instant.now().plus(timeout);
        for (long window = FIRST_WINDOW; ; window *= 4) {
            long from = Math.max(beginning, end - window);
            consumer.seek(partition, from);
            ConsumerRecord<String, byte[]> last = null;
            while (consumer.position(partition, timeout) < end) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "the configuration topic " + topic + " could not be read to its end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end && record.value() != null) {
                        last = record;
                    }
                }
            }
            if (last != null) {
                return Option.some(last);
            }
            if (from == beginning) {
                return Option.none();
            }
        }
    }
}
