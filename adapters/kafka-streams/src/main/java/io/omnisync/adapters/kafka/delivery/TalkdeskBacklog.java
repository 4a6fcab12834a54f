package io.omnisync.adapters.kafka.delivery;

import io.omnisync.adapters.kafka.codec.CommandCodec;
import io.omnisync.adapters.kafka.codec.CommandRecord;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.domain.agent.AgentId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Talkdesk commands the delivery group has not answered yet, as any instance can read them (SPEC 10.3's {@code
 * GET /api/pending} on Kafka): each partition's committed records past the group's committed offset, and of those
 * each agent's newest only (the delivery sends that one and supersedes the others). How often a command was tried
 * and why it failed is known only to the member that holds its partition, so {@code attempts} is 0 and {@code
 * lastError} empty here. Read once a second on a thread of its own, never on the asker's: {@link #pending()} answers
 * the latest reading at once (the admin's live view asks every 250 ms while someone watches, {@code /metrics} on
 * every scrape, and neither may wait on a broker). A reading that fails keeps the one before (logged once until
 * readings work again); before the first reading, nothing waits.
 */
public final class TalkdeskBacklog implements AutoCloseable {

    static final Duration FRESH = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(TalkdeskBacklog.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int AT_MOST = 10_000;

    private final Admin admin;
    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final String group;
    private final ScheduledExecutorService reader;
    private volatile Seq<PendingCommand> latest = List.empty();
    private boolean failing;

    /**
     * @param topic the Talkdesk commands topic
     * @param group the delivery's consumer group
     */
    public TalkdeskBacklog(Map<String, Object> clientConfig, String topic, String group) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.admin = Admin.create(clientConfig);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.group = group;
        this.reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "omnisync-talkdesk-backlog");
            thread.setDaemon(true);
            return thread;
        });
        reader.scheduleWithFixedDelay(this::refresh, 0, FRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The waiting commands, oldest first, as last read (at most about a second ago while the cluster answers). */
    public Seq<PendingCommand> pending() {
        return latest;
    }

    private void refresh() {
        try {
            latest = read();
            if (failing) {
                log.info("the Talkdesk backlog is read again");
            }
            failing = false;
        } catch (RuntimeException broken) {
            if (!failing) {
                log.warn(
                        "the Talkdesk backlog cannot be read now; GET /api/pending shows the last reading: {}",
                        broken.toString());
            }
            failing = true;
        }
    }

    private Seq<PendingCommand> read() {
        java.util.List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo partition : consumer.partitionsFor(topic, TIMEOUT)) {
            partitions.add(new TopicPartition(topic, partition.partition()));
        }
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, TIMEOUT);
        java.util.List<TopicPartition> behind = new ArrayList<>();
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            long start = Math.max(done == null ? 0 : done.offset(), beginnings.get(partition));
            if (start < ends.get(partition)) {
                behind.add(partition);
                from.put(partition, start);
            }
        }
        consumer.assign(behind);
        behind.forEach(partition -> consumer.seek(partition, from.get(partition)));
        Map<AgentId, ConsumerRecord<String, byte[]>> newest = new LinkedHashMap<>();
        Map<AgentId, CommandRecord> commands = new HashMap<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int read = 0;
        while (!caughtUp(behind, ends) && System.nanoTime() < deadline && read < AT_MOST) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                read++;
                if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                CommandCodec.decode(record.value()).forEach(command -> {
                    AgentId agent = command.command().agent();
                    newest.remove(agent);
                    newest.put(agent, record);
                    commands.put(agent, command);
                });
            }
        }
        if (!caughtUp(behind, ends)) {
            log.debug("the Talkdesk backlog was read in part ({} records, at most {} in {})", read, AT_MOST, TIMEOUT);
        }
        consumer.assign(java.util.List.of());
        return List.ofAll(newest.entrySet())
                .sortBy(entry -> entry.getValue().timestamp())
                .map(entry -> new PendingCommand(
                        CommandId.of(((long) entry.getValue().partition() << 40)
                                | entry.getValue().offset()),
                        commands.get(entry.getKey()).command(),
                        0,
                        Option.none()));
    }

    private boolean caughtUp(java.util.List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        try {
            return admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the delivery group's offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the delivery group's offsets: " + e, e);
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
        try {
            if (!reader.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("the Talkdesk backlog's reader did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
        admin.close();
    }
}
