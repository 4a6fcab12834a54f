package io.omnisync.adapters.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.testing.TopicReader;
import io.omnisync.adapters.kafka.topology.Topics;
import io.omnisync.adapters.talkdesk.PresenceBody;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn.RecordedPut;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 13's {@code serve --kafka} as an operator runs it (a child JVM), on a real broker started in this JVM: signed
 * webhooks and console events over real HTTP on loopback are answered 202 once on {@code omnisync.events}; the
 * Streams application decides; the Omni command reaches the agent's console stream, the Talkdesk command the
 * Talkdesk stand-in exactly once; the echoes of both trigger nothing; the audit is read back through the admin API.
 */
class KafkaServeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static EmbeddedKafka kafka;

    @TempDir
    Path folder;

    @BeforeAll
    static void broker() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void events_in_over_http_commands_out_once_each_and_echoes_trigger_nothing() throws IOException {
        try (TalkdeskStandIn talkdesk = TalkdeskStandIn.start()) {
            Path config = Files.writeString(
                    folder.resolve("c.json"),
                    ServeStartupTest.configurationText(
                            talkdesk.endpoints().apiBaseUrl().toString(),
                            talkdesk.endpoints().tokenUrl().toString()));
            String secrets = ServeProcess.secretsFile(folder, TalkdeskStandIn.CLIENT_ID, TalkdeskStandIn.CLIENT_SECRET)
                    .toString();
            try (ServeProcess serve = ServeProcess.start(
                    folder,
                    "--config",
                    config.toString(),
                    "--secrets",
                    secrets,
                    "--kafka",
                    kafka.bootstrapServers(),
                    "--port",
                    "0")) {
                int port = serve.awaitListening();
                assertThat(serve.get(port, "/readyz", null).statusCode())
                        .as("ready: Kafka Streams runs, the deliveries and feeds too")
                        .isEqualTo(200);
                StringBuffer stream = openConsoleStream(serve, port, "0055e000001MariaAAA");
                StringBuffer live = openStream(serve, port, "/api/stream", "Bearer " + ServeProcess.ADMIN_TOKEN);
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

                // Talkdesk: maria goes to lunch -> Omni Lunch_Break, on her console's stream
                assertThat(webhook(serve, port, "evt-1", now, "lunch").statusCode())
                        .isEqualTo(202);
                await("the Omni command on maria's console stream")
                        .atMost(PATIENCE)
                        .until(() -> stream.indexOf("\"statusApiName\":\"Lunch_Break\"") >= 0);
                await("the decision counted in /metrics by the instance whose task decided it")
                        .atMost(PATIENCE)
                        .until(() -> serve.get(port, "/metrics", null)
                                .body()
                                .contains("omnisync_commands_decided_total{vendor=\"omni\"} 1.0"));
                assertThat(serve.get(port, "/metrics", null).body())
                        .contains("omnisync_decisions_total{outcome=\"synced\"} 1.0");
                await("maria's change on the admin's live view, told by the facts topic")
                        .atMost(PATIENCE)
                        .until(() -> live.toString()
                                .lines()
                                .anyMatch(line -> line.startsWith("data:")
                                        && line.contains("\"maria\"")
                                        && line.contains("lunch")));
                String command = stream.toString()
                        .lines()
                        .filter(line -> line.startsWith("data:") && line.contains("Lunch_Break"))
                        .findFirst()
                        .orElseThrow();
                String commandId = ServeProcess.json(command.substring("data:".length()))
                        .path("commandId")
                        .asText();

                // the console applies it: its result and its echo come back through the ingress, and do nothing
                assertThat(consoleEvent(
                                        serve,
                                        port,
                                        "{\"type\":\"commandResult\",\"commandId\":\"" + commandId
                                                + "\",\"result\":\"accepted\"}")
                                .statusCode())
                        .isEqualTo(202);
                assertThat(consoleEvent(serve, port, statusChanged("c-1", "Lunch_Break", "0N5000000000006AAA", now))
                                .statusCode())
                        .isEqualTo(202);
                awaitAudit(serve, port, "skipped:ECHO:omni");

                // maria picks Chat Only by hand -> Talkdesk chat_only, once; Talkdesk's echo of it does nothing
                assertThat(consoleEvent(serve, port, statusChanged("c-2", "Chat_Only", "0N5000000000002AAA", now))
                                .statusCode())
                        .isEqualTo(202);
                await("the Talkdesk command delivered")
                        .atMost(PATIENCE)
                        .until(() -> !talkdesk.acceptedPuts().isEmpty());
                assertThat(webhook(serve, port, "evt-2", now.plusSeconds(1), "chat_only")
                                .statusCode())
                        .isEqualTo(202);
                awaitAudit(serve, port, "skipped:ECHO:talkdesk");

                assertThat(talkdesk.acceptedPuts())
                        .as("Talkdesk got the one command, once")
                        .extracting(RecordedPut::talkdeskUserId, RecordedPut::presence)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("td-1001", PresenceBody.of("away", "chat_only")));
                List<ConsumerRecord<String, String>> omni = TopicReader.readToEnd(
                        kafka.bootstrapServers(),
                        Topics.OMNISYNC.omniCommands(),
                        IsolationLevel.READ_COMMITTED,
                        PATIENCE);
                assertThat(omni).as("one Omni command, none for an echo").hasSize(1);
                assertThat(omni.get(0).key()).isEqualTo("maria");
                List<ConsumerRecord<String, String>> toTalkdesk = TopicReader.readToEnd(
                        kafka.bootstrapServers(),
                        Topics.OMNISYNC.talkdeskCommands(),
                        IsolationLevel.READ_COMMITTED,
                        PATIENCE);
                assertThat(toTalkdesk)
                        .as("one Talkdesk command, none for an echo")
                        .hasSize(1);

                JsonNode agents = ServeProcess.json(serve.get(port, "/api/agents", "Bearer " + ServeProcess.ADMIN_TOKEN)
                        .body());
                assertThat(agents.path("agents").findValuesAsText("agent")).contains("maria", "joao", "ana");
                JsonNode maria = Stream.of(agents.path("agents"))
                        .flatMap(all -> java.util.stream.StreamSupport.stream(all.spliterator(), false))
                        .filter(agent -> agent.path("agent").asText().equals("maria"))
                        .findFirst()
                        .orElseThrow();
                assertThat(maria.path("omni").asText()).isEqualTo("Chat_Only");

                // admin changes are records of the configuration topic, validated before they are written
                String admin = "Bearer " + ServeProcess.ADMIN_TOKEN;
                HttpResponse<String> invalid = serve.send(adminRequest(port, "/api/configuration")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                Files.readString(config).replace("\"lunch\": \"Lunch_Break\"", "\"lunch\": \"Nap\"")))
                        .build());
                assertThat(invalid.statusCode()).isEqualTo(422);
                HttpResponse<String> rule =
                        serve.send(adminRequest(port, "/api/rules/Full%20chat%20load%20blocks%20calls")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":true}"))
                                .build());
                assertThat(rule.statusCode()).isEqualTo(200);
                HttpResponse<String> syncOff = serve.send(adminRequest(port, "/api/sync")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}"))
                        .build());
                assertThat(syncOff.statusCode()).isEqualTo(200);
                assertThat(ServeProcess.json(syncOff.body())
                                .path("settings")
                                .path("omniChannelSync")
                                .asBoolean(true))
                        .isFalse();
                assertThat(TopicReader.readToEnd(
                                kafka.bootstrapServers(),
                                Topics.OMNISYNC.configuration(),
                                IsolationLevel.READ_COMMITTED,
                                PATIENCE))
                        .as("the seed, the rule and the toggle; nothing for the invalid configuration")
                        .hasSize(3);
                await("the running configuration has the changes")
                        .atMost(PATIENCE)
                        .until(() -> {
                            JsonNode running = ServeProcess.json(
                                    serve.get(port, "/api/configuration", admin).body());
                            return !running.path("integration")
                                            .path("omniChannelSync")
                                            .asBoolean(true)
                                    && running.path("integration")
                                            .path("presenceSyncRules")
                                            .path(0)
                                            .path("enabled")
                                            .asBoolean(false);
                        });

                serve.terminate();
                assertThat(serve.awaitExit()).isZero();
            }
        }
    }

    private static HttpRequest.Builder adminRequest(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ServeProcess.ADMIN_TOKEN)
                .header("Content-Type", "application/json");
    }

    @Test
    void kafka_and_a_store_together_are_a_usage_error() throws IOException {
        assertThat(usageError("--kafka", kafka.bootstrapServers(), "--store", "memory"))
                .contains("--kafka and --store");
    }

    @Test
    void peer_settings_without_kafka_and_kafka_settings_that_cannot_be_used_are_usage_errors() throws IOException {
        assertThat(usageError("--advertise", "10.0.0.7:9090"))
                .contains("--advertise and --kafka-config go with --kafka");
        assertThat(usageError(
                        "--kafka",
                        kafka.bootstrapServers(),
                        "--kafka-config",
                        folder.resolve("no-such.properties").toString()))
                .contains("--kafka-config")
                .contains("no-such.properties");
        assertThat(usageError("--kafka", kafka.bootstrapServers(), "--advertise", "10.0.0.7:port"))
                .contains("--advertise 10.0.0.7:port: 'port' is not a port");
        int nobody;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        Path impatient = Files.writeString(folder.resolve("impatient.properties"), "default.api.timeout.ms=1500\n");
        assertThat(usageError("--kafka", "127.0.0.1:" + nobody, "--kafka-config", impatient.toString()))
                .as("no broker there")
                .contains("--kafka 127.0.0.1:" + nobody + ": cannot read or create the topics within 1500 ms");
        Path reserved = Files.writeString(folder.resolve("kafka.properties"), "transactional.id=mine\n");
        assertThat(usageError("--kafka", kafka.bootstrapServers(), "--kafka-config", reserved.toString()))
                .contains("'transactional.id' is Omnisync's to set");
    }

    /** What serve said on standard error when run with {@code options} beside a valid configuration; exit 2 asserted. */
    private String usageError(String... options) throws IOException {
        Path config = Files.writeString(
                folder.resolve("c.json"),
                ServeStartupTest.configurationText("http://127.0.0.1:9/api", "http://127.0.0.1:9/token"));
        String secrets =
                ServeProcess.secretsFile(folder, "client", "client-secret").toString();
        List<String> arguments = new ArrayList<>(List.of("--config", config.toString(), "--secrets", secrets));
        arguments.addAll(List.of(options));
        try (ServeProcess serve = ServeProcess.start(folder, arguments.toArray(String[]::new))) {
            assertThat(serve.awaitExit()).as(String.join(" ", options)).isEqualTo(2);
            return String.join("\n", serve.err());
        }
    }

    private static HttpResponse<String> webhook(ServeProcess serve, int port, String id, Instant at, String status) {
        return serve.postSignedWebhook(
                port,
                "{\"id\":\"" + id + "\",\"type\":\"agent.status_changed\",\"occurred_at\":\"" + at
                        + "\",\"data\":{\"user_id\":\"td-1001\",\"status\":\"" + status + "\"}}");
    }

    private static String statusChanged(String id, String apiName, String salesforceId, Instant at) {
        return "{\"id\":\"" + id + "\",\"type\":\"statusChanged\",\"statusApiName\":\"" + apiName + "\",\"statusId\":\""
                + salesforceId + "\",\"at\":\"" + at + "\"}";
    }

    private static HttpResponse<String> consoleEvent(ServeProcess serve, int port, String body) {
        return serve.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/events"))
                .header("Authorization", "Bearer " + ServeProcess.consoleToken("0055e000001MariaAAA"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** The agent's command stream, its text collected as it comes. */
    private static StringBuffer openConsoleStream(ServeProcess serve, int port, String salesforceUserId) {
        return openStream(serve, port, "/console/commands", "Bearer " + ServeProcess.consoleToken(salesforceUserId));
    }

    /** An event stream of serve's, read into the buffer returned as it comes; returns once it is open. */
    private static StringBuffer openStream(ServeProcess serve, int port, String path, String authorization) {
        StringBuffer text = new StringBuffer();
        CompletableFuture<HttpResponse<Void>> unused = serve.client()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", authorization)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArrayConsumer(bytes ->
                                bytes.ifPresent(chunk -> text.append(new String(chunk, StandardCharsets.UTF_8)))));
        await("the stream " + path + " open").atMost(PATIENCE).until(() -> text.indexOf(": ping") >= 0);
        return text;
    }

    /** Waits for maria's audit to hold {@code fact}; says what it holds and what serve logged if it does not. */
    private static void awaitAudit(ServeProcess serve, int port, String fact) {
        try {
            await(fact).atMost(PATIENCE).until(() -> serve.audit(port, "maria").contains(fact));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "no " + fact + " in maria's audit " + serve.audit(port, "maria") + "; serve said:\n"
                            + String.join("\n", serve.err()),
                    e);
        }
    }
}
