package io.omnisync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.topology.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Issue 17's figure: acknowledged events per second and the time from the HTTP request to the command, for {@code
 * serve} in process (SQLite store) and for {@code serve --kafka} with one and with two instances, in one run on the
 * same workload. Every {@code serve} is a child process started as an operator starts it (the shaded jar, a secrets
 * file, {@code --port 0}); each Kafka set-up gets a fresh one-node KRaft broker in this JVM ({@link EmbeddedKafka})
 * with the five topics created first ({@code partitions} each, the configuration topic compacted with one), so the
 * set-ups see nothing of each other (the Streams {@code application.id} is fixed). Talkdesk is a loopback stand-in.
 *
 * <p>The workload: {@code agents} agents, {@code eventsPerAgent} signed Talkdesk status-change webhooks each (lunch,
 * away, chat only, available: each decides one Omni-Channel command, a different status each time), posted from
 * {@code connections} connections, each connection one agent subset's webhooks one after another; with two instances
 * connection {@code c} posts to instance {@code c mod 2}. The first webhook of every agent is the warm-up and is not
 * measured (it also waits out the second instance's rebalance): measuring starts once every warm-up command was seen.
 *
 * <p>What is measured, on the later webhooks:
 *
 * <ul>
 *   <li><b>acknowledged events/s</b>: 202 answers over the window from the first measured request to the last
 *       answer;
 *   <li><b>request → 202</b>, p50, p99, max (in process: after the SQLite commit; on Kafka: after the broker's {@code
 *       acks=all});
 *   <li><b>request → command on {@code omnisync.commands.omni}</b> (Kafka only), p50 and p99, for every event: a
 *       {@code read_committed} consumer in this JVM, assigned every partition from the end, matches each command to
 *       its event by the command's {@code event} field; the time is when the consumer <em>received</em> it (so it
 *       includes the Streams transaction's commit, every 100 ms, and the fetch), not the broker's append time;
 *   <li><b>request → command on the console stream</b>, p50 and p99, for all three set-ups: {@code consoles} agents
 *       (spread evenly over the agents; with two instances, spread over both) have their console's command stream
 *       (SPEC 10.2, server-sent events) open; the time is when the {@code setPresenceStatus} event arrives, matched
 *       to its webhook by its status. This is the figure the set-ups share: in process the engine sends the command
 *       after its commit; on Kafka every instance's Omni command feed reads the topic and pushes to the consoles it
 *       holds.
 * </ul>
 *
 * Each console answers every command {@code accepted} at once ({@code POST /console/events}, not timed), as the
 * toolkit's successful call would; it posts no echo. In process that answer is what lets the agent's next Omni
 * command go (one in flight per agent); the agents without a console keep their first command in flight and the
 * later ones superseded, as for a console that is closed. On Kafka an acceptance writes nothing. Everything shares this machine: the broker and this driver in
 * one JVM, one or two {@code serve} JVMs.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.omnisync.benchmarks.KafkaServeLoad \
 *     adapters/cli/target/omnisync-cli-0.1.0-SNAPSHOT-all.jar [agents=2000] [eventsPerAgent=3] [connections=8] \
 *     [consoles=200] [partitions=6]
 * </pre>
 */
public final class KafkaServeLoad {

    private static final Duration WARM_UP_PATIENCE = Duration.ofMinutes(2);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Each serve JVM: its own temporary directory (the Streams state goes there), a bounded heap. */
    private static final String SERVE_JVM_OPTIONS = "-Xmx1g";

    /** The three set-ups, in the order they run. */
    public enum Setup {
        IN_PROCESS(0, "in-process serve, SQLite"),
        KAFKA_ONE(1, "serve --kafka, 1 instance"),
        KAFKA_TWO(2, "serve --kafka, 2 instances");

        final int instances;
        final String label;

        Setup(int instances, String label) {
            this.instances = instances;
            this.label = label;
        }
    }

    /**
     * What to run.
     *
     * @param serve the command that runs Omnisync's command line ({@code java -jar omnisync-cli-all.jar}); {@code
     *     serve} and its options are added
     * @param agents agents in the configuration, each sent {@code eventsPerAgent} webhooks
     * @param eventsPerAgent 2 to 4: the first is the warm-up, each one's Omni command a status of its own
     * @param connections client connections posting at once
     * @param consoles agents whose console stream is open
     * @param partitions partitions of the events, commands and facts topics
     * @param folder where the configuration, secrets, stores and each serve's output go
     */
    public record Settings(
            List<String> serve,
            int agents,
            int eventsPerAgent,
            int connections,
            int consoles,
            int partitions,
            Path folder) {
        public Settings {
            if (eventsPerAgent < 2 || eventsPerAgent > LoopbackServe.CYCLE.size()) {
                throw new IllegalArgumentException("eventsPerAgent must be 2 to " + LoopbackServe.CYCLE.size()
                        + " (one warm-up, then distinct statuses): " + eventsPerAgent);
            }
            if (consoles < 1 || consoles > agents) {
                throw new IllegalArgumentException("consoles must be 1 to agents: " + consoles);
            }
        }

        int measuredPerAgent() {
            return eventsPerAgent - 1;
        }
    }

    /** Latencies of one kind: how many were seen of how many expected, p50, p99, the worst. */
    public record Latencies(int seen, int expected, Duration p50, Duration p99, Duration max) {

        static Latencies of(long[] nanos, int expected) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latencies(
                    sorted.length,
                    expected,
                    Duration.ofNanos(LoopbackServe.percentile(sorted, 0.50)),
                    Duration.ofNanos(LoopbackServe.percentile(sorted, 0.99)),
                    Duration.ofNanos(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        }

        boolean complete() {
            return seen == expected;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT, "p50 %s, p99 %s (%,d of %,d seen)", millis(p50), millis(p99), seen, expected);
        }
    }

    /**
     * One set-up's figures.
     *
     * @param sent measured webhooks posted
     * @param accepted of them answered 202
     * @param window from the first measured request to the last answer
     * @param acknowledged request to 202
     * @param onTopic request to the command received from {@code omnisync.commands.omni} (Kafka only)
     * @param onConsole request to the command on a console stream
     * @param exitCodes each serve's exit code after SIGTERM
     */
    public record Figures(
            Setup setup,
            int agents,
            int connections,
            long sent,
            long accepted,
            Duration window,
            Latencies acknowledged,
            Optional<Latencies> onTopic,
            Latencies onConsole,
            List<Integer> exitCodes) {

        public double eventsPerSecond() {
            return accepted / (window.toNanos() / 1e9);
        }

        /** Every webhook 202, every command seen, every serve ended cleanly. */
        public boolean complete() {
            return accepted == sent
                    && onTopic.map(Latencies::complete).orElse(true)
                    && onConsole.complete()
                    && exitCodes.stream().allMatch(code -> code == 0);
        }

        @Override
        public String toString() {
            return String.format(
                            Locale.ROOT,
                            "%s: %,d webhooks (%,d agents, %d connections) in %.1f s, %,.0f acknowledged events/s; "
                                    + "request to 202 p50 %s, p99 %s, max %s; ",
                            setup.label,
                            sent,
                            agents,
                            connections,
                            window.toNanos() / 1e9,
                            eventsPerSecond(),
                            millis(acknowledged.p50()),
                            millis(acknowledged.p99()),
                            millis(acknowledged.max()))
                    + onTopic.map(topic -> "request to command on omnisync.commands.omni (read_committed, received) "
                                    + topic + "; ")
                            .orElse("")
                    + "request to command on a console stream " + onConsole + "; "
                    + (complete()
                            ? "nothing lost, exit 0"
                            : "INCOMPLETE: " + (sent - accepted) + " not 202, exit codes " + exitCodes);
        }
    }

    private KafkaServeLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: KafkaServeLoad <omnisync-cli-all.jar> [agents] [eventsPerAgent] [connections] "
                    + "[consoles] [partitions]");
            System.exit(2);
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path folder = Files.createTempDirectory("omnisync-kafka-load");
        Settings settings = new Settings(
                List.of(java, "-jar", args[0]),
                args.length > 1 ? Integer.parseInt(args[1]) : 2_000,
                args.length > 2 ? Integer.parseInt(args[2]) : 3,
                args.length > 3 ? Integer.parseInt(args[3]) : 8,
                args.length > 4 ? Integer.parseInt(args[4]) : 200,
                args.length > 5 ? Integer.parseInt(args[5]) : 6,
                folder);
        boolean complete = true;
        try {
            List<Figures> figures = run(settings, figure -> System.out.println(figure));
            System.out.println(ratios(figures));
            complete = figures.stream().allMatch(Figures::complete);
        } finally {
            delete(folder);
        }
        System.exit(complete ? 0 : 1);
    }

    /** Runs the three set-ups one after another, handing each one's figures to {@code report} as they come. */
    public static List<Figures> run(Settings settings, java.util.function.Consumer<Figures> report)
            throws IOException, InterruptedException {
        return run(settings, List.of(Setup.values()), report);
    }

    /** Runs {@code setups} one after another (a smoke test runs fewer than the three). */
    public static List<Figures> run(Settings settings, List<Setup> setups, java.util.function.Consumer<Figures> report)
            throws IOException, InterruptedException {
        List<Figures> figures = new ArrayList<>();
        try (LoopbackTalkdesk talkdesk = LoopbackTalkdesk.start()) {
            Path config = Files.writeString(
                    settings.folder().resolve("load.json"),
                    LoopbackServe.configuration(settings.agents(), talkdesk.port()));
            Path secrets = LoopbackServe.secretsFile(settings.folder());
            for (Setup setup : setups) {
                Figures measured = measure(setup, settings, config, secrets);
                report.accept(measured);
                figures.add(measured);
            }
        }
        return figures;
    }

    /** How Kafka with one and with two instances compares with the in-process engine (the first set-up). */
    public static String ratios(List<Figures> figures) {
        Figures base = figures.get(0);
        StringBuilder line = new StringBuilder("vs " + base.setup().label + ":");
        for (Figures kafka : figures.subList(1, figures.size())) {
            line.append(String.format(
                    Locale.ROOT,
                    " %s: events/s x%.2f, request to 202 p99 x%.1f, request to console p99 x%.1f;",
                    kafka.setup().label,
                    kafka.eventsPerSecond() / base.eventsPerSecond(),
                    ratio(kafka.acknowledged().p99(), base.acknowledged().p99()),
                    ratio(kafka.onConsole().p99(), base.onConsole().p99())));
        }
        return line.substring(0, line.length() - 1);
    }

    private static Figures measure(Setup setup, Settings settings, Path config, Path secrets)
            throws IOException, InterruptedException {
        Path folder =
                Files.createDirectories(settings.folder().resolve(setup.name().toLowerCase(Locale.ROOT)));
        EmbeddedKafka kafka = setup.instances > 0 ? broker(settings.partitions()) : null;
        try {
            List<LoopbackServe.Child> instances = new ArrayList<>();
            List<Integer> exits = new ArrayList<>();
            try {
                for (int i = 0; i < Math.max(1, setup.instances); i++) {
                    // one after another: the first seeds the configuration topic, the next finds it there
                    instances.add(start(settings, config, secrets, folder, kafka, i));
                }
                return load(setup, settings, kafka, instances, exits);
            } finally {
                for (LoopbackServe.Child instance : instances) {
                    if (instance.process().isAlive()) {
                        instance.process().destroyForcibly();
                    }
                }
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    private static Figures load(
            Setup setup,
            Settings settings,
            EmbeddedKafka kafka,
            List<LoopbackServe.Child> instances,
            List<Integer> exits)
            throws InterruptedException {
        Arrival arrival = new Arrival(settings);
        try (CommandsOnTopic topic = kafka == null ? null : CommandsOnTopic.open(kafka.bootstrapServers(), arrival);
                Consoles consoles = Consoles.open(settings, instances, arrival)) {
            Instant base = Instant.now().minusSeconds(settings.eventsPerAgent() + 60L);
            posts(settings, instances, base, 1, 1);
            await(
                    "the warm-up's commands",
                    WARM_UP_PATIENCE,
                    () -> consoles.seen(event -> event == 1) == settings.consoles()
                            && (topic == null || arrival.onTopic(event -> event == 1) == settings.agents()));
            Posts measured = posts(settings, instances, base, 2, settings.eventsPerAgent());
            int expected = settings.agents() * settings.measuredPerAgent();
            int expectedOnConsoles = settings.consoles() * settings.measuredPerAgent();
            await(
                    "the measured commands",
                    PATIENCE,
                    () -> consoles.seen(event -> event > 1) == expectedOnConsoles
                            && (topic == null || arrival.onTopic(event -> event > 1) == expected));
            for (LoopbackServe.Child instance : instances) {
                exits.add(instance.stop());
            }
            return new Figures(
                    setup,
                    settings.agents(),
                    settings.connections(),
                    measured.sent(),
                    measured.accepted(),
                    measured.window(),
                    Latencies.of(measured.answered(), (int) measured.sent()),
                    topic == null
                            ? Optional.empty()
                            : Optional.of(Latencies.of(arrival.latencies(arrival.onTopic, measured), expected)),
                    Latencies.of(arrival.latencies(arrival.onConsole, measured), expectedOnConsoles),
                    List.copyOf(exits));
        }
    }

    private static EmbeddedKafka broker(int partitions) {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        Topics topics = Topics.OMNISYNC;
        kafka.createTopicsOf(topics, partitions);
        return kafka;
    }

    private static LoopbackServe.Child start(
            Settings settings, Path config, Path secrets, Path folder, EmbeddedKafka kafka, int instance)
            throws IOException, InterruptedException {
        Path tmp = Files.createDirectories(folder.resolve("tmp-" + instance));
        List<String> command = new ArrayList<>(settings.serve());
        command.addAll(List.of("serve", "--config", config.toString(), "--secrets", secrets.toString()));
        if (kafka == null) {
            command.addAll(List.of("--store", folder.resolve("load.db").toString()));
        } else {
            command.addAll(List.of("--kafka", kafka.bootstrapServers()));
        }
        command.addAll(List.of("--port", "0"));
        return LoopbackServe.start(
                command,
                folder,
                "serve-" + instance,
                Map.of("JDK_JAVA_OPTIONS", SERVE_JVM_OPTIONS + " -Djava.io.tmpdir=" + tmp));
    }

    /** What a round of posts gave: when each webhook was sent (by agent and event), each one's time to 202, the window. */
    private static final class Posts {
        private final long[][] sentAt;
        private final long[] answered;
        private final long sent;
        private final long accepted;
        private final Duration window;

        Posts(long[][] sentAt, long[] answered, long sent, long accepted, Duration window) {
            this.sentAt = sentAt;
            this.answered = answered;
            this.sent = sent;
            this.accepted = accepted;
            this.window = window;
        }

        /** When agent {@code agent}'s webhook {@code event} was sent (System.nanoTime()); 0 if not in this round. */
        long sentAt(int agent, int event) {
            return sentAt[agent][event];
        }

        long[] answered() {
            return answered.clone();
        }

        long sent() {
            return sent;
        }

        long accepted() {
            return accepted;
        }

        Duration window() {
            return window;
        }
    }

    /** Posts events {@code first} to {@code last} of every agent, each connection its agents' in turn. */
    private static Posts posts(
            Settings settings, List<LoopbackServe.Child> instances, Instant base, int first, int last)
            throws InterruptedException {
        int connections = settings.connections();
        long[][] sentAt = new long[settings.agents()][settings.eventsPerAgent() + 1];
        long[][] latencies = new long[connections][];
        AtomicLong sent = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            URI webhooks = URI.create(
                    "http://127.0.0.1:" + instances.get(c % instances.size()).port() + "/webhooks/talkdesk");
            running.add(clients.submit(() -> {
                // one client, one connection: requests go one after another on it
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                List<Long> took = new ArrayList<>();
                for (int event = first; event <= last; event++) {
                    for (int agent = connection; agent < settings.agents(); agent += connections) {
                        HttpRequest request =
                                LoopbackServe.signedWebhook(webhooks, LoopbackServe.webhook(agent, event, base));
                        long before = System.nanoTime();
                        sentAt[agent][event] = before;
                        int status = LoopbackServe.send(http, request).statusCode();
                        took.add(System.nanoTime() - before);
                        sent.incrementAndGet();
                        if (status == 202) {
                            accepted.incrementAndGet();
                        }
                    }
                }
                latencies[connection] = took.stream().mapToLong(Long::longValue).toArray();
                return null;
            }));
        }
        try {
            for (Future<?> client : running) {
                client.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a client failed", e.getCause());
        } finally {
            clients.shutdownNow();
        }
        Duration window = Duration.ofNanos(System.nanoTime() - started);
        long[] answered = Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
        return new Posts(sentAt, answered, sent.get(), accepted.get(), window);
    }

    /** When each event's command arrived (the first time), on the topic and on a console: System.nanoTime(). */
    private static final class Arrival {
        private final int events;
        final Map<Long, Long> onTopic = new ConcurrentHashMap<>();
        final Map<Long, Long> onConsole = new ConcurrentHashMap<>();

        Arrival(Settings settings) {
            this.events = settings.eventsPerAgent() + 1;
        }

        long key(int agent, int event) {
            return (long) agent * events + event;
        }

        int onTopic(IntPredicate event) {
            return count(onTopic, event);
        }

        int count(Map<Long, Long> arrived, IntPredicate event) {
            int count = 0;
            for (Long key : arrived.keySet()) {
                if (event.test((int) (key % events))) {
                    count++;
                }
            }
            return count;
        }

        /** Arrival minus request for each measured event that arrived. */
        long[] latencies(Map<Long, Long> arrived, Posts measured) {
            List<Long> took = new ArrayList<>();
            arrived.forEach((key, at) -> {
                int agent = (int) (key / events);
                int event = (int) (key % events);
                long sentAt = measured.sentAt(agent, event);
                if (event > 1 && sentAt != 0) {
                    took.add(at - sentAt);
                }
            });
            return took.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /**
     * A {@code read_committed} consumer of {@code omnisync.commands.omni}, every partition assigned, from the end:
     * notes when each event's command was received, by the command's {@code event} ({@code talkdesk:load-A-E}).
     */
    private static final class CommandsOnTopic implements AutoCloseable {
        /** The command's {@code event}: the webhook's event id, {@code talkdesk:load-AGENT-EVENT}. */
        private static final Pattern CAUSE = Pattern.compile("load-(\\d+)-(\\d+)$");

        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private volatile boolean running = true;

        private CommandsOnTopic(KafkaConsumer<String, byte[]> consumer, Arrival arrival) {
            this.consumer = consumer;
            this.thread = new Thread(() -> read(arrival), "omni-commands-reader");
            this.thread.setDaemon(true);
        }

        static CommandsOnTopic open(String bootstrapServers, Arrival arrival) {
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrapServers,
                            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                            "read_committed",
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false),
                    new StringDeserializer(),
                    new ByteArrayDeserializer());
            String topic = Topics.OMNISYNC.omniCommands();
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            CommandsOnTopic reader = new CommandsOnTopic(consumer, arrival);
            reader.thread.start();
            return reader;
        }

        private void read(Arrival arrival) {
            try {
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        String event = LoopbackServe.JSON
                                .readTree(record.value())
                                .path("event")
                                .asText("");
                        Matcher webhook = CAUSE.matcher(event);
                        if (webhook.find()) {
                            arrival.onTopic.putIfAbsent(
                                    arrival.key(Integer.parseInt(webhook.group(1)), Integer.parseInt(webhook.group(2))),
                                    now);
                        }
                    }
                }
            } catch (WakeupException closing) {
                // close() asked
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                consumer.close();
            }
        }

        @Override
        public void close() {
            running = false;
            consumer.wakeup();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The sample's console command streams, agent {@code k × agents/consoles} on instance {@code k mod n}. */
    private static final class Consoles implements AutoCloseable {
        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final List<CompletableFuture<HttpResponse<Void>>> streams = new ArrayList<>();
        private final List<ConsoleLines> lines = new ArrayList<>();
        private final Arrival arrival;

        private Consoles(Arrival arrival) {
            this.arrival = arrival;
        }

        static Consoles open(Settings settings, List<LoopbackServe.Child> instances, Arrival arrival) {
            Consoles consoles = new Consoles(arrival);
            int step = settings.agents() / settings.consoles();
            for (int k = 0; k < settings.consoles(); k++) {
                int agent = k * step;
                String instance = "http://127.0.0.1:"
                        + instances.get(k % instances.size()).port();
                String authorization = "Bearer "
                        + LoopbackServe.consoleToken(LoopbackServe.salesforceUserId(agent), Duration.ofMinutes(10));
                ConsoleLines reader = new ConsoleLines(agent, settings.eventsPerAgent(), arrival, result -> {
                    // not awaited: the answer is not timed, and a lost one only delays that agent's next command
                    CompletableFuture<HttpResponse<Void>> unused = consoles.http.sendAsync(
                            HttpRequest.newBuilder(URI.create(instance + "/console/events"))
                                    .header("Authorization", authorization)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(result))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                });
                consoles.lines.add(reader);
                consoles.streams.add(consoles.http.sendAsync(
                        HttpRequest.newBuilder(URI.create(instance + "/console/commands"))
                                .header("Authorization", authorization)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.fromLineSubscriber(reader)));
            }
            await(
                    "the console streams open",
                    PATIENCE,
                    () -> consoles.lines.stream().allMatch(reader -> reader.open));
            return consoles;
        }

        int seen(IntPredicate event) {
            return arrival.count(arrival.onConsole, event);
        }

        @Override
        public void close() {
            streams.forEach(stream -> stream.cancel(true));
            lines.forEach(ConsoleLines::cancel);
        }
    }

    /**
     * One console's stream, line by line: {@code data:} of a {@code setPresenceStatus} names the status; the console
     * answers it {@code accepted} at once, as the toolkit's successful call would (in process, the agent's next Omni
     * command is sent only once the one before is settled).
     */
    private static final class ConsoleLines implements Flow.Subscriber<String> {
        private final int agent;
        private final int events;
        private final Arrival arrival;
        private final java.util.function.Consumer<String> answer;
        private volatile Flow.Subscription subscription;
        volatile boolean open;

        ConsoleLines(int agent, int events, Arrival arrival, java.util.function.Consumer<String> answer) {
            this.agent = agent;
            this.events = events;
            this.arrival = arrival;
            this.answer = answer;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            if (line.startsWith(":")) {
                open = true;
            } else if (line.startsWith("data:")) {
                JsonNode data = LoopbackServe.json(line.substring("data:".length()));
                String status = data.path("statusApiName").asText("");
                for (int event = 1; event <= events; event++) {
                    if (LoopbackServe.omniStatus(event).equals(status)) {
                        arrival.onConsole.putIfAbsent(arrival.key(agent, event), now);
                    }
                }
                answer.accept(LoopbackServe.JSON
                        .createObjectNode()
                        .put("type", "commandResult")
                        .put("commandId", data.path("commandId").asText())
                        .put("result", "accepted")
                        .toString());
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // the stream ended (closed at the end of the set-up, or the service stopped)
        }

        @Override
        public void onComplete() {}

        void cancel() {
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }

    /** Waits for {@code condition}, looking every 20 ms; false (and says so) if it did not hold within {@code patience}. */
    private static boolean await(String what, Duration patience, BooleanSupplier condition) {
        try {
            Awaitility.await(what)
                    .atMost(patience)
                    .pollInterval(Duration.ofMillis(20))
                    .until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException late) {
            System.err.println(what + ": not all within " + patience.toSeconds() + " s; the figures say how many");
            return false;
        }
    }

    private static double ratio(Duration a, Duration b) {
        return b.isZero() ? Double.NaN : (double) a.toNanos() / b.toNanos();
    }

    private static String millis(Duration duration) {
        double ms = duration.toNanos() / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.0f ms", ms);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
