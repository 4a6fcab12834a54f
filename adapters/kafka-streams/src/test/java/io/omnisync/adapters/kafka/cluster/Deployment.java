package io.omnisync.adapters.kafka.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.kafka.admin.ConfigurationPublisher;
import io.omnisync.adapters.kafka.admin.PublishResult;
import io.omnisync.adapters.kafka.codec.CommandCodec;
import io.omnisync.adapters.kafka.codec.CommandRecord;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.ingress.EventPublisher;
import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.testing.TopicReader;
import io.omnisync.adapters.kafka.topology.OmnisyncStreams;
import io.omnisync.adapters.kafka.topology.OmnisyncTopology;
import io.omnisync.adapters.kafka.topology.RunningConfiguration;
import io.omnisync.adapters.kafka.topology.Topics;
import io.omnisync.domain.configuration.ConfigurationDraft;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One Omnisync deployment on the test broker: its topics (names of its own), its configuration published the
 * way an admin publishes it, events written the way the ingress writes them, Streams instances with settings
 * that make a failover take seconds rather than the production defaults' minute, and what came out read back.
 */
public final class Deployment {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedKafka kafka;
    private final Topics topics;
    private final String applicationId;

    public Deployment(EmbeddedKafka kafka, String name, int partitions) {
        this.kafka = kafka;
        this.topics = Topics.named(name);
        this.applicationId = name + "-app";
        kafka.createTopicsOf(topics, partitions);
    }

    public Topics topics() {
        return topics;
    }

    public String applicationId() {
        return applicationId;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public Map<String, Object> clientConfig() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    }

    public ConfigurationPublisher publisher(String transactionalId) {
        return new ConfigurationPublisher(
                clientConfig(), topics, new JsonConfigurationCodec(), transactionalId, Clock.systemUTC());
    }

    public long seed(ConfigurationDraft draft) {
        PublishResult result = publisher(applicationId + "-admin").seed(draft);
        assertThat(result).isInstanceOf(PublishResult.Published.class);
        return ((PublishResult.Published) result).version();
    }

    /** Writes the records as the ingress does and returns once the broker acknowledged every one. */
    public void publish(List<EventRecord> records) {
        try (EventPublisher publisher = new EventPublisher(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                topics.events())) {
            List<CompletableFuture<RecordMetadata>> acknowledged = new ArrayList<>();
            records.forEach(record -> acknowledged.add(publisher.publish(record)));
            CompletableFuture.allOf(acknowledged.toArray(CompletableFuture[]::new))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("events were not acknowledged", e);
        }
    }

    /**
     * The Streams settings of a deployment, tuned for a test's patience: a member that vanished is noticed after
     * 6 s (the broker's minimum session), a transaction left open by a killed instance is aborted after 5 s.
     */
    public Properties streamsConfig(Path stateDirectory) {
        Properties config = OmnisyncStreams.config(applicationId, kafka.bootstrapServers(), stateDirectory);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 5000);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        return config;
    }

    /** A Streams instance in this JVM and the configuration it runs, started; returns once it is RUNNING. */
    public Instance startStreams(Path stateDirectory) {
        OmnisyncTopology.Built built = OmnisyncTopology.create(topics, new JsonConfigurationCodec());
        KafkaStreams streams = new KafkaStreams(built.topology(), streamsConfig(stateDirectory));
        streams.start();
        await("Streams running").atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return new Instance(streams, built.configuration());
    }

    /** A Streams instance in this JVM, and the handle on the configuration it runs. */
    public record Instance(KafkaStreams streams, RunningConfiguration configuration) implements AutoCloseable {
        public RunningConfiguration.Versioned running() {
            return configuration.current(streams);
        }

        @Override
        public void close() {
            streams.close(Duration.ofSeconds(30));
        }
    }

    /** The Omni commands committed so far (read_committed). */
    public List<CommandRecord> omniCommands() {
        return commands(TopicReader.readToEnd(
                kafka.bootstrapServers(), topics.omniCommands(), IsolationLevel.READ_COMMITTED, TIMEOUT));
    }

    /** Every record on the Omni commands topic, those of aborted transactions too (read_uncommitted). */
    public int omniRecordsWritten() {
        return TopicReader.readToEnd(
                        kafka.bootstrapServers(), topics.omniCommands(), IsolationLevel.READ_UNCOMMITTED, TIMEOUT)
                .size();
    }

    public static List<CommandRecord> commands(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(record -> CommandCodec.decode(record.value().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .getOrElseThrow(problem -> new AssertionError("a command does not read: " + problem)))
                .toList();
    }

    /** Waits until the application has committed its position at the end of the events topic. */
    public void awaitEverythingConsumed() {
        try (Admin admin = Admin.create(clientConfig())) {
            await("every event consumed and committed").atMost(TIMEOUT).until(() -> caughtUp(admin));
        }
    }

    private boolean caughtUp(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        int partitions = admin.describeTopics(List.of(topics.events()))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(topics.events())
                .partitions()
                .size();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            latest.put(new TopicPartition(topics.events(), partition), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        return ends.entrySet().stream().allMatch(end -> {
            OffsetAndMetadata at = committed.get(end.getKey());
            if (end.getValue().offset() == 0) {
                return true;
            }
            return at != null && at.offset() >= end.getValue().offset();
        });
    }
}
