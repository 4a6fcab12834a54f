package io.omnisync.adapters.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 10's secrets: a private file of five strings, or the environment, which wins. */
class SecretsSourceTest {

    private static final String LONG = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path folder;

    @Test
    void a_private_file_gives_the_five_secrets() throws IOException {
        Path file = secretsFile(all(), "rw-------");

        ServiceSecrets secrets = SecretsSource.read(Optional.of(file), Map.of()).get();

        assertThat(secrets.talkdeskClientId().reveal()).isEqualTo("client-id");
        assertThat(secrets.adminToken().matches("admin-" + LONG)).isTrue();
        assertThat(secrets.adminToken().matches("admin-" + LONG + "x")).isFalse();
        assertThat(secrets.toString()).doesNotContain(LONG);
    }

    @Test
    void a_file_its_group_or_others_may_read_is_refused_naming_it() throws IOException {
        Path readable = secretsFile(all(), "rw-r--r--");
        Path groupWritable = secretsFile(all(), "rw--w----");

        Either<String, ServiceSecrets> refused = SecretsSource.read(Optional.of(readable), Map.of());

        assertThat(refused.getLeft()).contains(readable.toString(), "0644", "chmod 600");
        assertThat(SecretsSource.read(Optional.of(groupWritable), Map.of()).getLeft())
                .contains("0620");
    }

    @Test
    void the_environment_wins_secret_by_secret() throws IOException {
        Path file = secretsFile(all(), "rw-------");

        ServiceSecrets secrets = SecretsSource.read(
                        Optional.of(file), Map.of("OMNISYNC_WEBHOOK_SECRET", "from-the-environment-" + LONG))
                .get();

        assertThat(secrets.webhookSecret().reveal()).isEqualTo("from-the-environment-" + LONG);
        assertThat(secrets.consoleSecret().reveal()).isEqualTo("console-" + LONG);
    }

    @Test
    void the_environment_alone_is_enough() {
        ServiceSecrets secrets =
                SecretsSource.read(Optional.empty(), environment()).get();

        assertThat(secrets.talkdeskClientSecret().reveal()).isEqualTo("client-secret");
    }

    @Test
    void a_missing_secret_is_named() throws IOException {
        Path file = secretsFile("{\"talkdeskClientId\": \"id\", \"talkdeskClientSecret\": \"s\"}", "rw-------");

        String refused = SecretsSource.read(Optional.of(file), Map.of()).getLeft();

        assertThat(refused).contains("webhookSecret", "consoleSecret", "adminToken", "OMNISYNC_ADMIN_TOKEN");
        assertThat(refused).doesNotContain("talkdeskClientId");
        assertThat(SecretsSource.read(Optional.empty(), Map.of()).getLeft()).contains("talkdeskClientId");
    }

    @Test
    void keys_omnisync_checks_itself_need_32_bytes() {
        Map<String, String> environment = new java.util.HashMap<>(environment());
        environment.put("OMNISYNC_ADMIN_TOKEN", "tiny-token");

        String refused = SecretsSource.read(Optional.empty(), environment).getLeft();

        assertThat(refused).contains("adminToken", "32 bytes").doesNotContain("tiny-token");
    }

    @Test
    void thirty_two_bytes_is_the_edge_counted_in_utf8_bytes_not_characters() {
        Map<String, String> environment = new java.util.HashMap<>(environment());
        environment.put("OMNISYNC_WEBHOOK_SECRET", "x".repeat(31));
        environment.put("OMNISYNC_CONSOLE_SECRET", "é".repeat(16)); // 16 characters, 32 bytes
        environment.put("OMNISYNC_ADMIN_TOKEN", "x".repeat(32));

        assertThat(SecretsSource.read(Optional.empty(), environment).getLeft())
                .startsWith("webhookSecret is shorter than 32 bytes");
        environment.put("OMNISYNC_WEBHOOK_SECRET", "x".repeat(32));
        assertThat(SecretsSource.read(Optional.empty(), environment).isRight()).isTrue();
    }

    @Test
    void a_blank_secret_is_a_missing_one_and_a_blank_variable_does_not_hide_the_files() throws IOException {
        Map<String, String> environment = new java.util.HashMap<>(environment());
        environment.put("OMNISYNC_TALKDESK_CLIENT_ID", "   ");

        assertThat(SecretsSource.read(Optional.empty(), environment).getLeft())
                .startsWith("missing secret: talkdeskClientId (or OMNISYNC_TALKDESK_CLIENT_ID)");
        Path file = secretsFile("{\"talkdeskClientId\": \"id-from-the-file\"}", "rw-------");
        assertThat(SecretsSource.read(Optional.of(file), environment).isRight()).isTrue();
    }

    @Test
    void a_file_that_is_not_an_object_of_the_five_strings_is_refused_without_showing_it() throws IOException {
        Path malformed = secretsFile("{\"adminToken\": \"hunter2-" + LONG + "\" \"x\"}", "rw-------");
        Path unknown = secretsFile("{\"adminTokn\": \"x\"}", "rw-------");
        Path number = secretsFile("{\"adminToken\": 42}", "rw-------");

        assertThat(SecretsSource.read(Optional.of(malformed), Map.of()).getLeft())
                .contains(malformed.toString(), "line 1")
                .doesNotContain("hunter2");
        assertThat(SecretsSource.read(Optional.of(unknown), Map.of()).getLeft()).contains("'adminTokn'");
        assertThat(SecretsSource.read(Optional.of(number), Map.of()).getLeft()).contains("'adminToken'", "string");
        assertThat(SecretsSource.read(Optional.of(folder.resolve("absent.json")), Map.of())
                        .getLeft())
                .contains("absent.json");
    }

    private Path secretsFile(String json, String mode) throws IOException {
        Path file = Files.createTempFile(folder, "secrets", ".json");
        Files.writeString(file, json);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private static String all() {
        return "{\"talkdeskClientId\": \"client-id\", \"talkdeskClientSecret\": \"client-secret\", "
                + "\"webhookSecret\": \"webhook-" + LONG + "\", \"consoleSecret\": \"console-" + LONG + "\", "
                + "\"adminToken\": \"admin-" + LONG + "\"}";
    }

    private static Map<String, String> environment() {
        return Map.of(
                "OMNISYNC_TALKDESK_CLIENT_ID", "client-id",
                "OMNISYNC_TALKDESK_CLIENT_SECRET", "client-secret",
                "OMNISYNC_WEBHOOK_SECRET", "webhook-" + LONG,
                "OMNISYNC_CONSOLE_SECRET", "console-" + LONG,
                "OMNISYNC_ADMIN_TOKEN", "admin-" + LONG);
    }
}
