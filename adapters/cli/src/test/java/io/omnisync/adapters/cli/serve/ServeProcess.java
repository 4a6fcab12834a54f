package io.omnisync.adapters.cli.serve;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code serve} as a child process, as an operator runs it: {@code java -cp <the test classpath>
 * io.omnisync.adapters.cli.Main serve ...}; its standard output and error in files beside its store, read as they
 * grow, and a real HTTP client.
 */
final class ServeProcess implements AutoCloseable {

    static final String WEBHOOK_SECRET = "webhook-secret-for-the-child-0123456789abc";
    static final String CONSOLE_SECRET = "console-secret-for-the-child-0123456789abc";
    static final String ADMIN_TOKEN = "admin-token-for-the-child-0123456789abcdefg";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final AtomicInteger STARTED = new AtomicInteger();

    private final Process process;
    private final Path out;
    private final Path err;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ServeProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code serve} with these arguments in {@code folder} (its working directory). */
    static ServeProcess start(Path folder, String... arguments) {
        return startWith(folder, java.util.Map.of(), arguments);
    }

    /** The same, with these environment variables (no other OMNISYNC_* variable is passed on). */
    static ServeProcess startWith(Path folder, java.util.Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath(),
                "io.omnisync.adapters.cli.Main",
                "serve"));
        command.addAll(List.of(arguments));
        // standard output and error go to files: what the process wrote is all there once it ended, however it
        // ended (a pipe's last lines may be lost when the process exits while they are read)
        int number = STARTED.incrementAndGet();
        Path out = folder.resolve("serve-" + number + ".out");
        Path err = folder.resolve("serve-" + number + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("OMNISYNC_"));
        builder.environment().putAll(environment);
        try {
            return new ServeProcess(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classpath the tests run with (surefire's, all of it), for the child's {@code -cp}. */
    static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** A secrets file readable by its owner only, with the child's secrets and the stand-in's client. */
    static Path secretsFile(Path folder, String clientId, String clientSecret) {
        Path file = folder.resolve("secrets.json");
        try {
            Files.writeString(
                    file,
                    "{\"talkdeskClientId\": \"" + clientId + "\", \"talkdeskClientSecret\": \"" + clientSecret
                            + "\", \"webhookSecret\": \"" + WEBHOOK_SECRET + "\", \"consoleSecret\": \""
                            + CONSOLE_SECRET + "\", \"adminToken\": \"" + ADMIN_TOKEN + "\"}");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Waits for the listening line and returns the port it names. */
    int awaitListening() {
        await().atMost(Duration.ofSeconds(90)).until(() -> !out().isEmpty() || !process.isAlive());
        List<String> lines = out();
        if (lines.isEmpty()) {
            throw new AssertionError(
                    "serve ended with " + exitCode() + " before listening:\n" + String.join("\n", err()));
        }
        JsonNode line = json(lines.get(0));
        if (!line.path("kind").asText().equals("listening")) {
            throw new AssertionError("the first line is not the listening line: " + lines.get(0));
        }
        return line.path("port").asInt();
    }

    /** Waits until the process ended and returns its exit code. */
    int awaitExit() {
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("serve did not end within 90 s:\n" + String.join("\n", err()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** SIGTERM. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL: nothing runs, nothing is flushed. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The complete lines of standard output so far. */
    List<String> out() {
        return lines(out);
    }

    /** The complete lines of standard error so far. */
    List<String> err() {
        return lines(err);
    }

    private static List<String> lines(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(int port, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.GET().build());
    }

    /** Posts a webhook signed now with the child's webhook secret. */
    HttpResponse<String> postSignedWebhook(int port, String body) {
        long t = System.currentTimeMillis() / 1000;
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/talkdesk"))
                .header("Content-Type", "application/json")
                .header("Omnisync-Signature", "t=" + t + ",v1=" + hmac(t + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return http;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** "kind:reason:system" of each fact of the agent's audit ({@code GET /api/agents/{id}/audit}), oldest first. */
    java.util.List<String> audit(int port, String agent) {
        java.util.List<String> facts = new java.util.ArrayList<>();
        json(get(port, "/api/agents/" + agent + "/audit", "Bearer " + ADMIN_TOKEN)
                        .body())
                .path("facts")
                .forEach(fact -> facts.add(
                        fact.path("kind").asText() + ":" + fact.path("reason").asText() + ":"
                                + fact.path("system").asText()));
        return facts;
    }

    /** A console token as the Apex class mints it (SPEC 12): HS256 with the console secret, for 10 minutes. */
    static String consoleToken(String salesforceUserId) {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"sub\":\"" + salesforceUserId + "\",\"aud\":\"omnisync-console\","
                        + "\"exp\":" + java.time.Instant.now().plusSeconds(600).getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(CONSOLE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return header + "." + claims + "."
                    + base64.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
