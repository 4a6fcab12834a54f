package io.omnisync.adapters.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.testing.TopicReader;
import io.omnisync.adapters.kafka.topology.Topics;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 17's failover through {@code serve --kafka} as operators run it: two instances (child JVMs) on a broker in
 * this JVM, topics of several partitions created first, signed Talkdesk webhooks posted to each in turn; one instance
 * is killed with SIGKILL in the middle of the stream and the rest goes to the survivor. Every event answered 202 has
 * its Omni command on {@code omnisync.commands.omni} exactly once ({@code read_committed}); the consoles' echoes of
 * those commands trigger nothing; the survivor stops with 0 on SIGTERM. The failover time (SIGKILL to the survivor
 * having decided the first event of each agent posted after it) goes to target/measurements/kafka-failover.txt.
 *
 * <p>The instances run with {@code --kafka-config} as an operator who wants a quick failover sets it: a member that
 * vanished is noticed after 6 s (the broker's minimum session), a transaction it left open is aborted after 5 s.
 * With Kafka's defaults (45 s and Streams' 10 s) the same takeover takes about 46 s.
 */
class KafkaFailoverTest {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaFailoverTest.class);
    private static final int PARTITIONS = 6;
    private static final int AGENTS = 11;
    private static final int ROUNDS = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int SESSION_TIMEOUT_MS = 6000;
    private static final Topics TOPICS = Topics.OMNISYNC;

    @TempDir
    Path folder;

    @Test
    void a_killed_instances_acknowledged_events_are_decided_by_the_survivor_once_each() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
                TalkdeskStandIn talkdesk = TalkdeskStandIn.start()) {
            kafka.createTopicsOf(TOPICS, PARTITIONS);
            Path config = Files.writeString(folder.resolve("c.json"), configuration(talkdesk));
            String secrets = ServeProcess.secretsFile(folder, TalkdeskStandIn.CLIENT_ID, TalkdeskStandIn.CLIENT_SECRET)
                    .toString();
            Path quickFailover = Files.writeString(
                    folder.resolve("kafka.properties"),
                    String.join(
                            "\n",
                            "session.timeout.ms=" + SESSION_TIMEOUT_MS,
                            "heartbeat.interval.ms=1000",
                            "transaction.timeout.ms=5000"));
            String[] arguments = {
                "--config",
                config.toString(),
                "--secrets",
                secrets,
                "--kafka",
                kafka.bootstrapServers(),
                "--kafka-config",
                quickFailover.toString(),
                "--port",
                "0"
            };
            try (ServeProcess killed = ServeProcess.start(folder, arguments);
                    CommandWatch commands = CommandWatch.start(kafka.bootstrapServers())) {
                int killedPort = killed.awaitListening();
                try (ServeProcess survivor = ServeProcess.start(folder, arguments)) {
                    int survivorPort = survivor.awaitListening();
                    // a failover only if the instance to be killed runs some of the agents' partitions
                    await("both instances run some of the events' partitions")
                            .atMost(PATIENCE)
                            .until(() -> membersRunningEvents(kafka) == 2);
                    Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);

                    List<String> acknowledged = new ArrayList<>();
                    int half = ROUNDS * AGENTS / 2;
                    for (int i = 0; i < half; i++) {
                        boolean toKilled = i % 2 == 0;
                        if (webhook(toKilled ? killed : survivor, toKilled ? killedPort : survivorPort, i, base)
                                == 202) {
                            acknowledged.add(eventId(i));
                        }
                    }
                    long killedAt = System.nanoTime();
                    killed.kill();
                    for (int i = half; i < ROUNDS * AGENTS; i++) {
                        assertThat(webhook(survivor, survivorPort, i, base)).isEqualTo(202);
                        acknowledged.add(eventId(i));
                    }

                    try {
                        await("a command for every acknowledged event")
                                .atMost(PATIENCE)
                                .until(() -> commands.seen().keySet().containsAll(acknowledged));
                    } catch (org.awaitility.core.ConditionTimeoutException e) {
                        List<String> missing = new ArrayList<>(acknowledged);
                        missing.removeAll(commands.seen().keySet());
                        List<String> said = survivor.err();
                        throw new AssertionError(
                                "no command for " + missing + "; the survivor said:\n"
                                        + String.join("\n", said.subList(Math.max(0, said.size() - 60), said.size())),
                                e);
                    }
                    List<Long> firstAfterKill = new ArrayList<>();
                    for (int i = half; i < half + AGENTS; i++) {
                        firstAfterKill.add(Duration.ofNanos(commands.seen().get(eventId(i)) - killedAt)
                                .toMillis());
                    }
                    recordFailover(firstAfterKill);

                    Map<String, Long> perEvent = TopicReader.readToEnd(
                                    kafka.bootstrapServers(),
                                    TOPICS.omniCommands(),
                                    IsolationLevel.READ_COMMITTED,
                                    PATIENCE)
                            .stream()
                            .map(record -> causeOf(record.value()))
                            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                    assertThat(perEvent)
                            .as("one Omni command per acknowledged event, none other")
                            .containsOnlyKeys(acknowledged)
                            .allSatisfy((event, count) ->
                                    assertThat(count).as(event).isEqualTo(1L));

                    // each console reports the status it was last asked for: an echo, which triggers nothing
                    for (int agent = 1; agent <= AGENTS; agent++) {
                        assertThat(echo(survivor, survivorPort, agent).statusCode())
                                .isEqualTo(202);
                    }
                    for (int agent = 1; agent <= AGENTS; agent++) {
                        String id = "agent-" + agent;
                        await("the echo in " + id + "'s audit")
                                .atMost(PATIENCE)
                                .until(() -> survivor.audit(survivorPort, id).contains("skipped:ECHO:omni"));
                    }
                    assertThat(TopicReader.readToEnd(
                                    kafka.bootstrapServers(),
                                    TOPICS.talkdeskCommands(),
                                    IsolationLevel.READ_COMMITTED,
                                    PATIENCE))
                            .as("no Talkdesk command for an echo")
                            .isEmpty();
                    assertThat(TopicReader.readToEnd(
                                    kafka.bootstrapServers(),
                                    TOPICS.omniCommands(),
                                    IsolationLevel.READ_COMMITTED,
                                    PATIENCE))
                            .as("no Omni command for an echo")
                            .hasSize(acknowledged.size());

                    survivor.terminate();
                    assertThat(survivor.awaitExit()).isZero();
                }
            }
        }
    }

    /** Event {@code i}: agent {@code i % AGENTS + 1}, lunch and away in turns, a second later each round. */
    private static int webhook(ServeProcess serve, int port, int i, Instant base) {
        int round = i / AGENTS;
        String status = round % 2 == 0 ? "lunch" : "away";
        return serve.postSignedWebhook(
                        port,
                        "{\"id\":\"" + eventId(i) + "\",\"type\":\"agent.status_changed\",\"occurred_at\":\""
                                + base.plusSeconds(round) + "\",\"data\":{\"user_id\":\"td-" + (i % AGENTS + 1)
                                + "\",\"status\":\"" + status + "\"}}")
                .statusCode();
    }

    private static String eventId(int i) {
        return "evt-" + i;
    }

    /** The agent's console reports the Omni status of her last command (the last round's). */
    private static HttpResponse<String> echo(ServeProcess serve, int port, int agent) {
        boolean lunch = (ROUNDS - 1) % 2 == 0;
        String body = "{\"id\":\"echo-" + agent + "\",\"type\":\"statusChanged\",\"statusApiName\":\""
                + (lunch ? "Lunch_Break" : "Away_from_Desk") + "\",\"statusId\":\""
                + (lunch ? "0N5000000000006AAA" : "0N5000000000005AAA") + "\",\"at\":\"" + Instant.now() + "\"}";
        return serve.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/events"))
                .header("Authorization", "Bearer " + ServeProcess.consoleToken(salesforceUserId(agent)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** The id of the webhook a command was decided for (the event's id less its source, {@code talkdesk:}). */
    private static String causeOf(String commandValue) {
        String cause = ServeProcess.json(commandValue).path("event").asText();
        return cause.substring(cause.indexOf(':') + 1);
    }

    private static String salesforceUserId(int agent) {
        return String.format(Locale.ROOT, "0055e00000%05dAAA", agent);
    }

    /** The example contact center with {@code AGENTS} agents (agent-N, Talkdesk user td-N), available on both sides. */
    private static String configuration(TalkdeskStandIn talkdesk) {
        ObjectNode configuration = (ObjectNode) ServeProcess.json(ServeStartupTest.configurationText(
                talkdesk.endpoints().apiBaseUrl().toString(),
                talkdesk.endpoints().tokenUrl().toString()));
        ArrayNode agents = configuration.putArray("agents");
        for (int i = 1; i <= AGENTS; i++) {
            agents.addObject()
                    .put("id", "agent-" + i)
                    .put("talkdeskUserId", "td-" + i)
                    .put("salesforceUserId", salesforceUserId(i))
                    .put("profile", "Contact_Center_Agent")
                    .put("talkdeskStatus", "available")
                    .put("omniStatus", "Available_for_Calls")
                    .putArray("permissionSets");
        }
        return configuration.toPrettyString();
    }

    /** How many members of the Streams group ({@code omnisync}) are assigned partitions of the events topic. */
    private static long membersRunningEvents(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("omnisync"))
                    .describedGroups()
                    .get("omnisync")
                    .get(30, TimeUnit.SECONDS);
            return group.members().stream()
                    .filter(member -> member.assignment().topicPartitions().stream()
                            .anyMatch(partition -> partition.topic().equals(TOPICS.events())))
                    .count();
        }
    }

    /**
     * The failover time: from the SIGKILL to the survivor having decided each agent's first event posted after it
     * (the slowest of them is an agent of the killed instance's partitions), in the log and in
     * target/measurements/kafka-failover.txt.
     */
    private static void recordFailover(List<Long> millis) throws IOException {
        long slowest = millis.stream().mapToLong(Long::longValue).max().orElseThrow();
        long fastest = millis.stream().mapToLong(Long::longValue).min().orElseThrow();
        String line = "kafka failover (SIGKILL of one of two serve --kafka instances to the survivor deciding the first"
                + " event of the killed instance's partitions, " + PARTITIONS + " partitions, " + AGENTS
                + " agents, session timeout " + SESSION_TIMEOUT_MS / 1000 + " s): " + slowest
                + " ms (agents the survivor already owned: "
                + fastest + " ms)";
        LOG.warn(line);
        Path measurements = Files.createDirectories(Path.of("target", "measurements"));
        Files.writeString(measurements.resolve("kafka-failover.txt"), line + System.lineSeparator());
    }

    /** Reads the Omni commands topic as it is written ({@code read_committed}), noting when each event's came. */
    private static final class CommandWatch implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final Map<String, Long> seen = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        private CommandWatch(String bootstrapServers) {
            this.consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrapServers,
                            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                            "read_committed",
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false),
                    new StringDeserializer(),
                    new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(TOPICS.omniCommands()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            this.thread = new Thread(this::run, "omni-command-watch");
            this.thread.setDaemon(true);
        }

        static CommandWatch start(String bootstrapServers) {
            CommandWatch watch = new CommandWatch(bootstrapServers);
            watch.thread.start();
            return watch;
        }

        private void run() {
            try {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        seen.putIfAbsent(causeOf(record.value()), System.nanoTime());
                    }
                }
            } finally {
                consumer.close();
            }
        }

        /** Event id to when its command was read (System.nanoTime). */
        Map<String, Long> seen() {
            return seen;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }
}
