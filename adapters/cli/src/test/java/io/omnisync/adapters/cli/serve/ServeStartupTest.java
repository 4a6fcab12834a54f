package io.omnisync.adapters.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve} refuses before it listens (SPEC 10), each with its exit code and a message naming what is
 * wrong: run as a child process, as an operator would see it.
 */
class ServeStartupTest {

    @TempDir
    Path folder;

    @Test
    void an_invalid_configuration_is_exit_1_with_validates_lines() throws IOException {
        ObjectNode configuration = configuration();
        ((ObjectNode) configuration.path("integration").path("talkdeskToOmni")).put("away", "Offline");
        Path file = write("broken.json", configuration.toPrettyString());

        try (ServeProcess serve = ServeProcess.start(folder, "--config", file.toString(), "--secrets", secrets())) {
            assertThat(serve.awaitExit()).isEqualTo(1);
            assertThat(serve.out()).anySatisfy(line -> {
                JsonNode problem = ServeProcess.json(line);
                assertThat(problem.path("code").asText()).isEqualTo("OFFLINE_AS_TARGET");
                assertThat(problem.path("severity").asText()).isEqualTo("ERROR");
                assertThat(problem.path("path").asText()).isEqualTo("integration.talkdeskToOmni.away");
                assertThat(problem.path("line").asInt()).isPositive();
            });
            assertThat(serve.out()).noneMatch(line -> line.contains("listening"));
        }
    }

    @Test
    void a_configuration_the_service_cannot_run_is_exit_1_missing_vendor_setting() throws IOException {
        ObjectNode configuration = configuration();
        configuration.remove("vendors");
        ((ObjectNode) configuration.path("omniChannel").path("presenceStatuses").get(0)).remove("salesforceId");
        Path file = write("unready.json", configuration.toPrettyString());

        try (ServeProcess serve = ServeProcess.start(folder, "--config", file.toString(), "--secrets", secrets())) {
            assertThat(serve.awaitExit()).isEqualTo(1);
            List<JsonNode> problems =
                    serve.out().stream().map(ServeProcess::json).toList();
            assertThat(problems)
                    .extracting(problem -> problem.path("code").asText())
                    .containsOnly("MISSING_VENDOR_SETTING");
            assertThat(problems)
                    .extracting(problem -> problem.path("path").asText())
                    .containsExactly("omniChannel.presenceStatuses[0].salesforceId", "vendors.talkdesk");
            assertThat(problems.get(0).path("line").asInt()).isPositive();
        }
    }

    @Test
    void an_unreadable_configuration_is_exit_2_naming_the_file() throws IOException {
        Path file = write("typo.json", "{\"talkdesk\": {\"statusess\": []}}");

        try (ServeProcess serve = ServeProcess.start(folder, "--config", file.toString(), "--secrets", secrets())) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", serve.err())).contains("typo.json", "statusess");
        }
    }

    @Test
    void a_secrets_file_others_may_read_is_exit_2_naming_it() throws IOException {
        Path secrets = Path.of(secrets());
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-r-----"));

        try (ServeProcess serve = ServeProcess.start(folder, "--config", config(), "--secrets", secrets.toString())) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", serve.err())).contains(secrets.toString(), "chmod 600");
        }
    }

    @Test
    void a_missing_secret_is_exit_2_naming_it() throws IOException {
        Path partial = write("partial.json", "{\"talkdeskClientId\": \"id\", \"talkdeskClientSecret\": \"secret\"}");
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));

        try (ServeProcess serve = ServeProcess.start(folder, "--config", config(), "--secrets", partial.toString())) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", serve.err())).contains("webhookSecret", "consoleSecret", "adminToken");
        }
    }

    @Test
    void a_store_that_runs_a_different_configuration_is_exit_2_unless_replace() throws IOException {
        String config = config();
        Path empty = write("nothing.jsonl", "");
        String store = folder.resolve("state.db").toString();
        // a store that runs this configuration, as any earlier run leaves it
        assertThat(Main.run("simulate", "--config", config, "--scenario", empty.toString(), "--store", store))
                .isZero();
        ObjectNode changed = configuration();
        ((ObjectNode) changed.path("talkdesk").path("statuses").get(1)).put("name", "Lunch break");
        String different = write("changed.json", changed.toPrettyString()).toString();
        String secrets = secrets();

        try (ServeProcess serve = ServeProcess.start(
                folder, "--config", different, "--secrets", secrets, "--store", store, "--port", "0")) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", serve.err()))
                    .contains(store, "already runs a different configuration", "talkdesk.statuses", "--replace");
            assertThat(serve.out()).isEmpty();
        }
        try (ServeProcess serve = ServeProcess.start(
                folder, "--config", different, "--secrets", secrets, "--store", store, "--port", "0", "--replace")) {
            int port = serve.awaitListening();
            assertThat(ServeProcess.json(serve.get(port, "/api/configuration", "Bearer " + ServeProcess.ADMIN_TOKEN)
                                    .body())
                            .path("talkdesk")
                            .path("statuses")
                            .get(1)
                            .path("name")
                            .asText())
                    .isEqualTo("Lunch break");
            serve.terminate();
            assertThat(serve.awaitExit()).isZero();
        }
    }

    @Test
    void main_knows_serve() {
        assertThat(Main.run("serve", "--help")).isZero();
    }

    static ObjectNode configuration() {
        return (ObjectNode) ServeProcess.json(configurationText("http://127.0.0.1:9/api", "http://127.0.0.1:9/token"));
    }

    static String configurationText(String api, String token) {
        try (InputStream in = ServeStartupTest.class.getResourceAsStream("contact-center.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{TALKDESK_API}}", api)
                    .replace("{{TALKDESK_TOKEN}}", token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String config() throws IOException {
        return write("contact-center.json", configuration().toPrettyString()).toString();
    }

    private String secrets() {
        return ServeProcess.secretsFile(folder, "client", "client-secret").toString();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }
}
