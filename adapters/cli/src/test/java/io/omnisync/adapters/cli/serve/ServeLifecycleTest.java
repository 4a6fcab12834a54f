package io.omnisync.adapters.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} running as a child process: its one listening line, a second process on its store, SIGTERM. */
class ServeLifecycleTest {

    @TempDir
    Path folder;

    @Test
    void it_prints_one_listening_line_serves_and_stops_on_sigterm_with_exit_0() throws IOException {
        Path config = Files.writeString(
                folder.resolve("c.json"), ServeStartupTest.configuration().toPrettyString());
        String secrets =
                ServeProcess.secretsFile(folder, "client", "client-secret").toString();

        try (ServeProcess serve =
                ServeProcess.start(folder, "--config", config.toString(), "--secrets", secrets, "--port", "0")) {
            int port = serve.awaitListening();
            assertThat(serve.get(port, "/healthz", null).statusCode()).isEqualTo(200);
            assertThat(serve.get(port, "/readyz", null).statusCode()).isEqualTo(200);
            assertThat(serve.get(port, "/console/omnisync-bridge.js", null))
                    .as("the console bridge a Salesforce admin installs, as serve hands it out (SPEC 12)")
                    .satisfies(bridge -> assertThat(bridge.statusCode()).isEqualTo(200))
                    .satisfies(bridge -> assertThat(bridge.body()).contains("createOmnisyncBridge"));
            assertThat(Files.exists(folder.resolve("omnisync.db")))
                    .as("the default store")
                    .isTrue();
            CompletableFuture<HttpResponse<Stream<String>>> stream = serve.client()
                    .sendAsync(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream"))
                                    .header("Authorization", "Bearer " + ServeProcess.ADMIN_TOKEN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.join().statusCode()).isEqualTo(200);

            serve.terminate();

            assertThat(serve.awaitExit()).isZero();
            // the stream was closed by the service: its body ends
            assertThat(stream.join().body().toList()).contains(": ping");
            assertThat(serve.out()).containsExactly("{\"kind\":\"listening\",\"port\":" + port + "}");
            assertThat(serve.err()).anySatisfy(line -> assertThat(line).contains("the store is closed"));
            assertThat(serve.err())
                    .noneMatch(line -> line.contains(ServeProcess.ADMIN_TOKEN)
                            || line.contains(ServeProcess.WEBHOOK_SECRET)
                            || line.contains(ServeProcess.CONSOLE_SECRET)
                            || line.contains("client-secret"));
        }
    }

    @Test
    void a_second_process_on_the_same_store_is_exit_2_and_a_taken_port_too() throws IOException {
        Path config = Files.writeString(
                folder.resolve("c.json"), ServeStartupTest.configuration().toPrettyString());
        String secrets =
                ServeProcess.secretsFile(folder, "client", "client-secret").toString();

        try (ServeProcess first =
                        ServeProcess.start(folder, "--config", config.toString(), "--secrets", secrets, "--port", "0");
                ServerSocket taken = new ServerSocket(0)) {
            first.awaitListening();
            try (ServeProcess second =
                    ServeProcess.start(folder, "--config", config.toString(), "--secrets", secrets, "--port", "0")) {
                assertThat(second.awaitExit()).isEqualTo(2);
                assertThat(String.join("\n", second.err())).contains("omnisync.db", "is in use by process");
            }
            try (ServeProcess third = ServeProcess.start(
                    folder,
                    "--config",
                    config.toString(),
                    "--secrets",
                    secrets,
                    "--store",
                    "memory",
                    "--port",
                    Integer.toString(taken.getLocalPort()))) {
                assertThat(third.awaitExit()).isEqualTo(2);
                assertThat(String.join("\n", third.err())).contains("cannot listen on port " + taken.getLocalPort());
            }
        }
    }

    @Test
    void the_environment_gives_the_secrets_and_wins() throws IOException {
        Path config = Files.writeString(
                folder.resolve("c.json"), ServeStartupTest.configuration().toPrettyString());
        // a file whose admin token is not the one the environment gives
        String secrets =
                ServeProcess.secretsFile(folder, "client", "client-secret").toString();
        List<String> arguments =
                List.of("--config", config.toString(), "--secrets", secrets, "--store", "memory", "--port", "0");

        try (ServeProcess serve = ServeProcess.startWith(
                folder,
                java.util.Map.of("OMNISYNC_ADMIN_TOKEN", "admin-token-from-the-environment-0123456789"),
                arguments.toArray(String[]::new))) {
            int port = serve.awaitListening();
            assertThat(serve.get(port, "/api/agents", "Bearer " + ServeProcess.ADMIN_TOKEN)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(serve.get(port, "/api/agents", "Bearer admin-token-from-the-environment-0123456789")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    static void awaitPuts(TalkdeskStandIn talkdesk, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> talkdesk.acceptedPuts().size() >= count);
    }
}
