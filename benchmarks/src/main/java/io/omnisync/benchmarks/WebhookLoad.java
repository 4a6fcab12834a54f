package io.omnisync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service under load on loopback (issue 13): {@code serve} started as an operator starts it (a child process, a
 * SQLite store, a secrets file), signed Talkdesk webhooks posted to it from several connections for every agent, each
 * answered 202 only once its decision is committed. Measured: events per second, and the latency from sending a
 * request to its 202 (which the service sends after the commit, so it bounds request-to-commit from above), p50, p99
 * and the worst; the service's own commit histogram from {@code /metrics}. Then checked that nothing was lost: every
 * request answered 202, the service counted every event, and each agent's Talkdesk status is the last one posted for
 * her. Bounded in count (agents × events per agent) and in time (sending stops at the limit; what was sent is still
 * checked).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.omnisync.benchmarks.WebhookLoad \
 *     adapters/cli/target/omnisync-cli-0.1.0-SNAPSHOT-all.jar [agents=10000] [eventsPerAgent=5] [connections=8] \
 *     [maxSeconds=300] [sqlite|memory]
 * </pre>
 *
 * Talkdesk is played by a small loopback server (token and presence API, every PUT accepted), so that the service
 * runs as configured; the events are Talkdesk status changes, each deciding an Omni-Channel command for the agent's
 * console.
 */
public final class WebhookLoad {

    /**
     * What to run.
     *
     * @param serve the command that runs Omnisync's command line ({@code java -jar omnisync-cli-all.jar}); {@code
     *     serve} and its options are added
     * @param agents how many agents the configuration has and the load moves
     * @param eventsPerAgent how many webhooks each agent gets (status changes, in order)
     * @param connections how many client connections post at once (each agent's events go through one)
     * @param limit sending stops after this long
     * @param folder where the configuration, the secrets, the store and the service's output go
     * @param inMemory {@code --store memory} instead of a SQLite file: what the HTTP path and the engine cost without
     *     the disk
     */
    public record Settings(
            List<String> serve,
            int agents,
            int eventsPerAgent,
            int connections,
            Duration limit,
            Path folder,
            boolean inMemory) {

        /** On a SQLite store, as {@code serve} runs by default. */
        public Settings(
                List<String> serve, int agents, int eventsPerAgent, int connections, Duration limit, Path folder) {
            this(serve, agents, eventsPerAgent, connections, limit, folder, false);
        }
    }

    /**
     * What was measured and checked.
     *
     * @param store where the service kept its state: {@code sqlite} or {@code memory}
     * @param sent webhooks posted
     * @param accepted of them answered 202
     * @param elapsed from the first request to the last answer
     * @param p50 request to 202, median
     * @param p99 request to 202, 99th percentile
     * @param max request to 202, the worst
     * @param serverCommitP99 the service's commit latency, 99th percentile (the upper bound of its histogram bucket)
     * @param counted events the service counted as received ({@code omnisync_events_received_total})
     * @param agentsWrong agents whose Talkdesk status in the service is not the last one posted for them
     * @param exitCode how the service ended after SIGTERM
     */
    public record Result(
            String store,
            int agents,
            int connections,
            long sent,
            long accepted,
            Duration elapsed,
            Duration p50,
            Duration p99,
            Duration max,
            Optional<Duration> serverCommitP99,
            long counted,
            int agentsWrong,
            int exitCode) {

        public double eventsPerSecond() {
            return accepted / (elapsed.toNanos() / 1e9);
        }

        /** Nothing lost: every webhook acknowledged, counted and applied, and a clean stop. */
        public boolean nothingLost() {
            return accepted == sent && counted == sent && agentsWrong == 0 && exitCode == 0;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%s store, %,d agents, %d connections: %,d webhooks in %.1f s, %,.0f events/s; request to 202 (after the "
                            + "commit) p50 %.2f ms, p99 %.2f ms, max %.1f ms; the service's commit p99 %s; %s",
                    store,
                    agents,
                    connections,
                    sent,
                    elapsed.toNanos() / 1e9,
                    eventsPerSecond(),
                    p50.toNanos() / 1e6,
                    p99.toNanos() / 1e6,
                    max.toNanos() / 1e6,
                    serverCommitP99
                            .map(d -> String.format(Locale.ROOT, "≤ %.2f ms", d.toNanos() / 1e6))
                            .orElse("unknown"),
                    nothingLost()
                            ? "nothing lost (every webhook 202, counted by the service, each agent's last status "
                                    + "applied; exit 0 on SIGTERM)"
                            : "LOST: " + (sent - accepted) + " not 202, " + (sent - counted) + " not counted, "
                                    + agentsWrong + " agents wrong, exit " + exitCode);
        }
    }

    private WebhookLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: WebhookLoad <omnisync-cli-all.jar> [agents] [eventsPerAgent] [connections] "
                    + "[maxSeconds] [sqlite|memory]");
            System.exit(2);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Settings settings = new Settings(
                List.of(java, "-jar", args[0]),
                args.length > 1 ? Integer.parseInt(args[1]) : 10_000,
                args.length > 2 ? Integer.parseInt(args[2]) : 5,
                args.length > 3 ? Integer.parseInt(args[3]) : 8,
                Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 300),
                Files.createTempDirectory("omnisync-load"),
                args.length > 5 && args[5].equals("memory"));
        Result result = run(settings);
        System.out.println(result);
        System.exit(result.nothingLost() ? 0 : 1);
    }

    /** Starts Talkdesk and the service, posts the load, checks it, stops the service. */
    public static Result run(Settings settings) throws IOException, InterruptedException {
        try (LoopbackTalkdesk talkdesk = LoopbackTalkdesk.start()) {
            Path config = Files.writeString(
                    settings.folder().resolve("load.json"),
                    LoopbackServe.configuration(settings.agents(), talkdesk.port()));
            Path secrets = LoopbackServe.secretsFile(settings.folder());
            List<String> command = new ArrayList<>(settings.serve());
            command.addAll(List.of(
                    "serve",
                    "--config",
                    config.toString(),
                    "--secrets",
                    secrets.toString(),
                    "--store",
                    settings.inMemory()
                            ? "memory"
                            : settings.folder().resolve("load.db").toString(),
                    "--port",
                    "0"));
            LoopbackServe.Child serve = LoopbackServe.start(command, settings.folder(), "serve", Map.of());
            try {
                return load(settings, serve.process(), serve.port());
            } finally {
                serve.process().destroyForcibly();
            }
        }
    }

    private static Result load(Settings settings, Process serve, int port) throws InterruptedException {
        URI webhooks = URI.create("http://127.0.0.1:" + port + "/webhooks/talkdesk");
        int connections = settings.connections();
        long[][] latencies = new long[connections][];
        AtomicLong sent = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        Map<Integer, Integer> lastSent = new java.util.concurrent.ConcurrentHashMap<>();
        Instant base = Instant.now().minusSeconds(settings.eventsPerAgent() + 60L);
        long deadline = System.nanoTime() + settings.limit().toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            running.add(clients.submit(() -> {
                // one client, one connection: requests go one after another on it
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                List<Long> took = new ArrayList<>();
                outer:
                for (int event = 1; event <= settings.eventsPerAgent(); event++) {
                    for (int agent = connection; agent < settings.agents(); agent += connections) {
                        if (System.nanoTime() > deadline) {
                            break outer;
                        }
                        HttpRequest request =
                                LoopbackServe.signedWebhook(webhooks, LoopbackServe.webhook(agent, event, base));
                        long before = System.nanoTime();
                        int status = LoopbackServe.send(http, request).statusCode();
                        took.add(System.nanoTime() - before);
                        sent.incrementAndGet();
                        lastSent.put(agent, event);
                        if (status == 202) {
                            accepted.incrementAndGet();
                        }
                    }
                }
                latencies[connection] = took.stream().mapToLong(Long::longValue).toArray();
                return null;
            }));
        }
        for (Future<?> client : running) {
            try {
                client.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a client failed", e.getCause());
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        clients.shutdown();
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();

        HttpClient admin = HttpClient.newHttpClient();
        int wrong = agentsWrong(admin, port, lastSent);
        String metrics = LoopbackServe.send(admin, LoopbackServe.adminGet(port, "/metrics"))
                .body();
        long counted = counted(metrics);
        Optional<Duration> commitP99 = serverP99(metrics, "omnisync_commit_seconds");
        serve.destroy();
        int exit = serve.waitFor(60, TimeUnit.SECONDS) ? serve.exitValue() : -1;
        return new Result(
                settings.inMemory() ? "memory" : "sqlite",
                settings.agents(),
                connections,
                sent.get(),
                accepted.get(),
                elapsed,
                Duration.ofNanos(LoopbackServe.percentile(all, 0.50)),
                Duration.ofNanos(LoopbackServe.percentile(all, 0.99)),
                Duration.ofNanos(all.length == 0 ? 0 : all[all.length - 1]),
                commitP99,
                counted,
                wrong,
                exit);
    }

    /** Agents whose Talkdesk status in the service is not the last one posted for them. */
    private static int agentsWrong(HttpClient admin, int port, Map<Integer, Integer> lastSent) {
        JsonNode agents = LoopbackServe.json(LoopbackServe.send(admin, LoopbackServe.adminGet(port, "/api/agents"))
                        .body())
                .path("agents");
        Map<String, String> talkdesk = new HashMap<>();
        agents.forEach(agent -> talkdesk.put(
                agent.path("agent").asText(), agent.path("talkdesk").asText()));
        int wrong = 0;
        for (Map.Entry<Integer, Integer> last : lastSent.entrySet()) {
            String expected = LoopbackServe.talkdeskStatus(last.getValue());
            if (!expected.equals(talkdesk.get(LoopbackServe.agentId(last.getKey())))) {
                wrong++;
            }
        }
        return wrong;
    }

    private static final Pattern RECEIVED =
            Pattern.compile("(?m)^omnisync_events_received_total\\{[^}]*source=\"talkdesk\"[^}]*} ([0-9.E+]+)$");

    private static long counted(String metrics) {
        Matcher matcher = RECEIVED.matcher(metrics);
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return Math.round(total);
    }

    /** The upper bound of the histogram bucket the 99th percentile falls in. */
    static Optional<Duration> serverP99(String metrics, String histogram) {
        Pattern bucket = Pattern.compile(
                "(?m)^" + Pattern.quote(histogram) + "_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.E+]+)$");
        Matcher matcher = bucket.matcher(metrics);
        List<double[]> buckets = new ArrayList<>();
        while (matcher.find()) {
            double le =
                    matcher.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(matcher.group(1));
            buckets.add(new double[] {le, Double.parseDouble(matcher.group(2))});
        }
        if (buckets.isEmpty()) {
            return Optional.empty();
        }
        buckets.sort((a, b) -> Double.compare(a[0], b[0]));
        double total = buckets.get(buckets.size() - 1)[1];
        for (double[] b : buckets) {
            if (b[1] >= total * 0.99 && !Double.isInfinite(b[0])) {
                return Optional.of(Duration.ofNanos(Math.round(b[0] * 1e9)));
            }
        }
        return Optional.empty();
    }
}
