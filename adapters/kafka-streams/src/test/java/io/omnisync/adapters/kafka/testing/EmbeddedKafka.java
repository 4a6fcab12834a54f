package io.omnisync.adapters.kafka.testing;

import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.kafka.topology.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-node Kafka cluster inside the test JVM: a single KRaft process that is broker and controller at
 * once, on two free loopback ports, its storage in a fresh temporary directory that {@link #close()}
 * deletes. Started the way an operator starts one: format the storage (what {@code kafka-storage format}
 * does, through its Java API), then start the server ({@code kafka-server-start}).
 *
 * <p>Every internal topic (consumer offsets, transaction state) has one replica and one partition, so
 * groups and transactions are ready at once on one node. Topics are not created automatically: a test
 * creates the ones it uses with {@link #createTopic} or {@link #createCompactedTopic}, which return once
 * the broker serves them.
 *
 * <p>Share one per test JVM with {@link EmbeddedKafkaExtension}; topic and application names then have
 * to be unique per test.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private static final String HOST = "127.0.0.1";
    private static final InetAddress LOOPBACK = loopback();
    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** The free ports are found before the server binds them; another process may take one in between. */
    private static final int START_ATTEMPTS = 3;

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final Path directory;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Admin admin;
    private boolean closed;

    private EmbeddedKafka(Path directory, KafkaRaftServer server, String bootstrapServers, Admin admin) {
        this.directory = directory;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
    }

    /** Formats a fresh storage directory and starts the node; returns once it answers clients. */
    public static EmbeddedKafka start() {
        keepTheJvmAlive();
        for (int attempt = 1; ; attempt++) {
            Path directory = createDirectory();
            try {
                return startIn(directory);
            } catch (RuntimeException e) {
                delete(directory);
                if (attempt == START_ATTEMPTS || !isPortTaken(e)) {
                    throw e;
                }
                log.warn("Kafka could not bind its port (attempt {} of {}): {}", attempt, START_ATTEMPTS, e.toString());
            }
        }
    }

    /** The {@code bootstrap.servers} value for clients of this node. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates a topic with the broker's defaults (cleanup.policy=delete), once it is served. */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /**
     * Creates the topics of one Omnisync deployment (SPEC 13) as an operator would: events, both commands topics and
     * facts with {@code partitions} partitions, the configuration topic compacted with one.
     */
    public void createTopicsOf(Topics topics, int partitions) {
        createTopic(topics.events(), partitions);
        createCompactedTopic(topics.configuration(), 1);
        createTopic(topics.talkdeskCommands(), partitions);
        createTopic(topics.omniCommands(), partitions);
        createTopic(topics.facts(), partitions);
    }

    /** Creates a compacted topic (cleanup.policy=compact): the last record of each key is kept. */
    public void createCompactedTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /**
     * Creates a topic with the given topic-level configuration (one replica) and returns once the broker
     * serves every partition, so a producer that starts next finds a leader at once.
     */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(configs);
        get(admin.createTopics(List.of(topic)).all(), "create topic " + name);
        await("topic " + name + " served with " + partitions + " partitions")
                .atMost(ADMIN_TIMEOUT)
                .ignoreExceptions()
                .until(() -> isServed(name, partitions));
    }

    /**
     * A new empty directory inside this node's temporary directory (for a Kafka Streams {@code state.dir},
     * say), deleted with it on {@link #close()}: close what uses it first.
     */
    public Path newDirectory(String prefix) {
        try {
            return Files.createTempDirectory(directory, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the node (a controlled shutdown) and deletes its storage; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            admin.close(ADMIN_TIMEOUT);
            server.shutdown();
            server.awaitShutdown();
        } finally {
            delete(directory);
        }
    }

    private boolean isServed(String name, int partitions) throws InterruptedException, ExecutionException {
        TopicDescription description =
                admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
        return description.partitions().size() == partitions
                && description.partitions().stream().allMatch(partition -> partition.leader() != null);
    }

    private static EmbeddedKafka startIn(Path directory) {
        int[] ports = freePorts(2);
        String bootstrapServers = HOST + ":" + ports[0];
        Path metadata = directory.resolve("metadata");
        Path data = directory.resolve("data");
        KafkaConfig config = new KafkaConfig(configuration(metadata, data, ports[0], ports[1]), false);
        format(config, metadata, data);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            // reads the formatted storage, binds both listeners, elects itself, registers the broker, and
            // returns once the controller has unfenced it
            server.startup();
        } catch (RuntimeException e) {
            shutDownQuietly(server);
            throw e;
        }
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) ADMIN_TIMEOUT.toMillis()));
        EmbeddedKafka kafka = new EmbeddedKafka(directory, server, bootstrapServers, admin);
        try {
            get(admin.describeCluster().nodes(), "describe the cluster");
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        log.debug("Kafka node {} serves {} from {}", NODE_ID, bootstrapServers, directory);
        return kafka;
    }

    private static Map<String, String> configuration(Path metadata, Path data, int brokerPort, int controllerPort) {
        // as a server.properties file would say it: strings, parsed by KafkaConfig
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        // a static quorum of one voter: the node elects itself at once
        config.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put(
                "listeners",
                BROKER_LISTENER + "://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                        + controllerPort);
        config.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        config.put("inter.broker.listener.name", BROKER_LISTENER);
        config.put(
                "listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("metadata.log.dir", metadata.toString());
        config.put("log.dirs", data.toString());
        // one node: one replica of everything, and one partition where the count is the broker's choice
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("num.partitions", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // a test names its topics; a typo must fail, not create a topic
        config.put("auto.create.topics.enable", "false");
        // a group's first member is assigned at once, not after 3 s of waiting for others
        config.put("group.initial.rebalance.delay.ms", "0");
        // compaction stays on (the configuration topic is compacted) with a small buffer, as Kafka's test kit
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        // a small machine: fewer threads than a production broker
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("background.threads", "2");
        config.put("log.cleaner.threads", "1");
        return config;
    }

    /** What {@code kafka-storage format --cluster-id ID --config server.properties} does. */
    private static void format(KafkaConfig config, Path metadata, Path data) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(config.controllerListenerNames().get(0))
                    .setMetadataLogDirectory(metadata.toString())
                    .setDirectories(List.of(metadata.toString(), data.toString()))
                    // the quorum is static (controller.quorum.voters), and this node is its controller
                    .setHasDynamicQuorum(false)
                    .setWriteBootstrapSnapshot(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka storage could not be formatted in " + metadata.getParent(), e);
        }
    }

    private static boolean isPortTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A broker that meets a fatal fault calls {@code Exit.halt}, which would end the test JVM with no report
     * (surefire's "the forked VM terminated"). In a test, the fault becomes an exception in the faulty
     * thread instead; its message is logged at ERROR. Global to the JVM, as the hook is.
     */
    private static void keepTheJvmAlive() {
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("Kafka asked to halt the JVM (status " + status + "): " + message);
        });
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Kafka asked to exit the JVM (status " + status + "): " + message);
        });
    }

    /** Ports free now, all different: the probe sockets are held open together, then closed. */
    private static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, LOOPBACK);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException e) {
                        log.debug("closing a port probe", e);
                    }
                }
            }
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("omnisync-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException e) {
            log.warn("Kafka's temporary directory {} could not be deleted", directory, e);
        }
    }

    private static void shutDownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.debug("shutting down a node that did not start", e);
        }
    }

    private static <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka could not " + what + " (" + ADMIN_TIMEOUT + ")", e);
        }
    }
}
