package io.omnisync.adapters.kafka.host;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which partitions of {@code omnisync.commands.omni} this instance answers for when a command ends without anyone's
 * console saying so: its member of the consumer group {@code <topic>.expiry} (one per instance) is assigned them, so
 * each partition has one such instance at a time (but for the moment a member that lost a partition takes to
 * notice), and a partition whose instance died passes to another one after the group's session timeout. The member reads nothing it uses (the feed reads every partition itself)
 * and commits nothing: the group is only there for its assignment.
 */
final class ExpiryOwnership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExpiryOwnership.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> member;
    private final String topic;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean started;

    ExpiryOwnership(Map<String, Object> clientConfig, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupOf(topic));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        this.member = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.thread = new Thread(this::run, "omni-expiry-ownership");
        this.thread.setDaemon(true);
    }

    /** The group of the instances' members: one per commands topic. */
    static String groupOf(String topic) {
        return topic + ".expiry";
    }

    ExpiryOwnership start() {
        member.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                partitions.forEach(partition -> owned.remove(partition.partition()));
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                onPartitionsRevoked(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                partitions.forEach(partition -> owned.add(partition.partition()));
                // the member only holds them: nothing is fetched, heartbeats and rebalances go on
                member.pause(partitions);
                log.info("this instance answers for the unsettled Omni commands of partitions {}", owned);
            }
        });
        started = true;
        thread.start();
        return this;
    }

    /** Whether this instance answers for the commands of {@code partition} now. */
    boolean owns(int partition) {
        return owned.contains(partition);
    }

    private void run() {
        try {
            while (running) {
                // the records are not used: polling keeps the member in the group and runs its rebalances
                member.poll(POLL);
            }
        } catch (WakeupException stopping) {
            // close() asked
        } catch (RuntimeException broken) {
            log.error("the Omni commands' expiry group member stopped: this instance expires nothing now", broken);
        } finally {
            owned.clear();
            member.close();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        if (!started) {
            member.close();
            return;
        }
        member.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
