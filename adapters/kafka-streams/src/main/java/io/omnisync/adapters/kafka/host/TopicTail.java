package io.omnisync.adapters.kafka.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is written to a topic from now on, as every instance reads it for itself: all its partitions assigned (no
 * consumer group, nothing committed), {@code read_committed}, from the end as of {@link #start}; each record handed
 * to one callback on a thread of its own until {@link #close}.
 */
final class TopicTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final String name;
    private volatile boolean running = true;
    private Thread thread;

    /** @param name what the tail is for: its thread's name, and what a log line says stopped */
    TopicTail(Map<String, Object> clientConfig, String topic, String name) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.name = name;
    }

    /** Returns once the end of every partition is known: every record written after it reaches {@code each}. */
    TopicTail start(Consumer<ConsumerRecord<String, byte[]>> each) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, partition.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(() -> run(each), name);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void run(Consumer<ConsumerRecord<String, byte[]>> each) {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    try {
                        each.accept(record);
                    } catch (RuntimeException oneRecord) {
                        log.error(
                                "{}: {}-{}@{} could not be handled and is skipped",
                                name,
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                oneRecord);
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() asked
        } catch (RuntimeException broken) {
            log.error("{} stopped reading {}", name, topic, broken);
        } finally {
            consumer.close();
        }
    }

    /** Whether it reads: started, and neither closed nor stopped by a failure. */
    boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        if (thread == null) {
            consumer.close();
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
