package io.omnisync.benchmarks;

import static org.awaitility.Awaitility.await;

import com.google.inject.AbstractModule;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.jdbc.SqliteStoreModule;
import io.omnisync.adapters.kafka.admin.ConfigurationPublisher;
import io.omnisync.adapters.kafka.admin.PublishResult;
import io.omnisync.adapters.kafka.codec.ConfigurationRecord;
import io.omnisync.adapters.kafka.codec.EventCodec;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.topology.OmnisyncStreams;
import io.omnisync.adapters.kafka.topology.OmnisyncTopology;
import io.omnisync.adapters.kafka.topology.Topics;
import io.omnisync.adapters.sandbox.Simulation;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second through the Kafka Streams topology of SPEC 13 on a one-node broker in the benchmark's JVM,
 * with one Streams instance and with two, and in the same run the in-process engine with its durable store on the
 * same workload. One operation is one event: every agent changes status in Talkdesk (one Omni command) and
 * Omni-Channel echoes it back (nothing). For Kafka an invocation writes {@value #EVENTS} events with
 * {@code acks=all} and ends when every one of the {@value #AGENTS} commands is committed on the Omni commands
 * topic (read_committed), so it counts the exactly-once commit (every 100 ms) too; for the in-process engine an
 * invocation is {@value #IN_PROCESS_ROUNDS} of the same changes, one at a time, each through webhook, decision,
 * SQLite commit (synchronous=FULL), sandbox and echo, as {@link DurableBenchmark} measures it.
 * Everything shares this machine's cores: the broker, the instances, the producer and the reader.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx3g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class KafkaTopologyBenchmark {

    static final int AGENTS = 500;
    static final int EVENTS = 2 * AGENTS;
    /** The in-process engine is measured in smaller invocations (it does one event at a time): 50 rounds. */
    static final int IN_PROCESS_ROUNDS = 50;

    static final int IN_PROCESS_EVENTS = 2 * IN_PROCESS_ROUNDS;
    private static final int PARTITIONS = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Instant START = Instant.parse("2026-01-06T08:00:00Z");

    /** A broker, the topics, the configuration, {@code instances} Streams instances, a producer and a reader. */
    abstract static class Cluster {
        int agents = AGENTS;
        private EmbeddedKafka kafka;
        private final List<KafkaStreams> streams = new ArrayList<>();
        private KafkaProducer<String, byte[]> producer;
        private KafkaConsumer<String, byte[]> commands;
        private int step;

        void start(int instances) {
            kafka = EmbeddedKafka.start();
            Topics topics = Topics.OMNISYNC;
            kafka.createTopicsOf(topics, PARTITIONS);
            Map<String, Object> client = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            PublishResult seeded = new ConfigurationPublisher(
                            client,
                            topics,
                            new JsonConfigurationCodec(),
                            ConfigurationPublisher.ADMIN_TRANSACTIONAL_ID,
                            Clock.systemUTC())
                    .seed(ContactCenter.draft(agents, true));
            if (!(seeded instanceof PublishResult.Published)) {
                throw new IllegalStateException("the configuration was not published: " + seeded);
            }
            for (int i = 0; i < instances; i++) {
                Properties config =
                        OmnisyncStreams.config(kafka.bootstrapServers(), kafka.newDirectory("streams-" + i + "-"));
                config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
                KafkaStreams instance =
                        new KafkaStreams(OmnisyncTopology.build(topics, new JsonConfigurationCodec()), config);
                instance.start();
                streams.add(instance);
            }
            awaitRunning();
            producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            kafka.bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                            true,
                            ProducerConfig.LINGER_MS_CONFIG,
                            5),
                    new StringSerializer(),
                    new ByteArraySerializer());
            commands = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            kafka.bootstrapServers(),
                            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                            "read_committed",
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false),
                    new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                partitions.add(new TopicPartition(topics.omniCommands(), partition));
            }
            commands.assign(partitions);
            commands.seekToEnd(partitions);
            partitions.forEach(commands::position);
        }

        private void awaitRunning() {
            await("the Streams instances running")
                    .atMost(TIMEOUT)
                    .until(() -> streams.stream().allMatch(instance -> instance.state() == KafkaStreams.State.RUNNING));
        }

        /** One status change and its echo for every agent, acknowledged, then every command read. */
        int batch() {
            int at = step++;
            boolean lunch = at % 2 == 0;
            List<Future<RecordMetadata>> acknowledged = new ArrayList<>(2 * agents);
            for (int i = 0; i < agents; i++) {
                AgentId agent = AgentId.of(ContactCenter.agent(i));
                Instant when = START.plusSeconds(at);
                acknowledged.add(send(new AgentEvent.TalkdeskStatusReported(
                        EventId.of(agent + "-t" + at),
                        agent,
                        when,
                        lunch ? TalkdeskStatusId.of("lunch") : TalkdeskStatusId.AVAILABLE)));
                acknowledged.add(send(new AgentEvent.OmniStatusReported(
                        EventId.of(agent + "-o" + at),
                        agent,
                        when,
                        PresenceStatusId.of(lunch ? "Lunch_Break" : "Available_for_Calls"))));
            }
            for (Future<RecordMetadata> ack : acknowledged) {
                try {
                    ack.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("an event was not acknowledged", e);
                }
            }
            int read = 0;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (read < agents) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + read + " of " + agents + " commands came out");
                }
                read += commands.poll(Duration.ofMillis(50)).count();
            }
            return read;
        }

        private Future<RecordMetadata> send(AgentEvent event) {
            return producer.send(new ProducerRecord<>(
                    Topics.OMNISYNC.events(),
                    event.agent().value(),
                    EventCodec.encode(new EventRecord.Reported(event, ConfigurationRecord.NONE))));
        }

        void stop() {
            if (commands != null) {
                commands.close();
            }
            if (producer != null) {
                producer.close();
            }
            streams.forEach(instance -> instance.close(Duration.ofSeconds(30)));
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    @State(Scope.Benchmark)
    public static class OneInstance extends Cluster {
        @Setup(Level.Trial)
        public void up() {
            start(1);
        }

        @TearDown(Level.Trial)
        public void down() {
            stop();
        }
    }

    @State(Scope.Benchmark)
    public static class TwoInstances extends Cluster {
        @Setup(Level.Trial)
        public void up() {
            start(2);
        }

        @TearDown(Level.Trial)
        public void down() {
            stop();
        }
    }

    /** The in-process engine on the sandboxes with the SQLite store, as {@link DurableBenchmark} runs it. */
    @State(Scope.Benchmark)
    public static class InProcess {
        private Path folder;
        private TalkdeskSandbox talkdesk;
        private Simulation simulation;
        private int step;

        @Setup(Level.Trial)
        public void up() throws IOException {
            folder = Files.createTempDirectory("omnisync-bench");
            SandboxRig rig = SandboxRig.started(
                    ContactCenter.draft(AGENTS, true),
                    new SqliteStoreModule(folder.resolve("omnisync.db")),
                    new AbstractModule() {
                        @Override
                        protected void configure() {
                            bind(ConfigurationCodec.class).to(JsonConfigurationCodec.class);
                        }
                    });
            talkdesk = rig.talkdesk;
            simulation = rig.simulation;
        }

        /** The next {@value #IN_PROCESS_ROUNDS} agents (in turn) change status, each answered and echoed. */
        int batch() {
            int done = 0;
            for (int i = 0; i < IN_PROCESS_ROUNDS; i++) {
                int round = step++;
                TalkdeskStatusId status =
                        (round / AGENTS) % 2 == 0 ? TalkdeskStatusId.of("lunch") : TalkdeskStatusId.AVAILABLE;
                talkdesk.agentPicks(AgentId.of(ContactCenter.agent(round % AGENTS)), status, Optional.empty());
                done += simulation.runUntilQuiet();
            }
            return done;
        }

        @TearDown(Level.Trial)
        public void down() throws IOException {
            try (var files = Files.list(folder)) {
                files.forEach(file -> file.toFile().delete());
            }
            Files.deleteIfExists(folder);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int kafkaStreamsOneInstance(OneInstance cluster) {
        return cluster.batch();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int kafkaStreamsTwoInstances(TwoInstances cluster) {
        return cluster.batch();
    }

    @Benchmark
    @OperationsPerInvocation(IN_PROCESS_EVENTS)
    public int inProcessDurable(InProcess engine) {
        return engine.batch();
    }
}
