package io.omnisync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
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
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the HTTP load drivers ({@link WebhookLoad}, {@link KafkaServeLoad}) share: the contact center they configure,
 * the secrets file, {@code serve} as a child process and its port, signed Talkdesk webhooks, console tokens, and
 * percentiles.
 */
final class LoopbackServe {

    static final String WEBHOOK_SECRET = "load-test-webhook-secret-0123456789abcdef";
    static final String ADMIN_TOKEN = "load-test-admin-token-0123456789abcdefghijk";
    static final String CONSOLE_SECRET = "load-test-console-secret-0123456789abcdef";

    /** The statuses each agent goes through, in turn; she starts in the first. */
    static final List<String> CYCLE = List.of("available", "lunch", "away", "chat_only");

    /** The Omni-Channel status the configuration maps each status of {@link #CYCLE} to. */
    private static final Map<String, String> OMNI_FOR = Map.of(
            "available", "Available_for_Calls",
            "lunch", "Lunch_Break",
            "away", "Away_from_Desk",
            "chat_only", "Chat_Only");

    static final ObjectMapper JSON = new ObjectMapper();

    private LoopbackServe() {}

    /** A running {@code serve}: the process, its port, and the files its output goes to. */
    record Child(Process process, int port, Path out, Path err) {

        /** SIGTERM, then its exit code (-1 if it did not end within a minute). */
        int stop() throws InterruptedException {
            process.destroy();
            return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
        }
    }

    /**
     * Starts {@code command} (Omnisync's command line with {@code serve} and its options) with its output in {@code
     * name}.out and .err in {@code folder} and {@code environment} added, and waits for it to listen.
     */
    static Child start(List<String> command, Path folder, String name, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path out = folder.resolve(name + ".out");
        Path err = folder.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            return new Child(process, listening(process, out, err), out, err);
        } catch (RuntimeException | IOException | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The secrets file {@code serve --secrets} reads, owner-only as it requires. */
    static Path secretsFile(Path folder) throws IOException {
        Path secrets = folder.resolve("secrets.json");
        Files.writeString(
                secrets,
                JSON.createObjectNode()
                        .put("talkdeskClientId", LoopbackTalkdesk.CLIENT_ID)
                        .put("talkdeskClientSecret", LoopbackTalkdesk.CLIENT_SECRET)
                        .put("webhookSecret", WEBHOOK_SECRET)
                        .put("consoleSecret", CONSOLE_SECRET)
                        .put("adminToken", ADMIN_TOKEN)
                        .toString());
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        return secrets;
    }

    /** The first line {@code serve} prints names its port. */
    private static int listening(Process serve, Path out, Path err) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(out, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            if (end > 0) {
                return json(text.substring(0, end)).path("port").asInt();
            }
            if (!serve.isAlive()) {
                throw new IllegalStateException("serve ended with " + serve.exitValue() + " before listening: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new IllegalStateException("serve did not listen within 120 s: " + Files.readString(err));
    }

    /** Agent {@code agent}'s {@code event}-th webhook: the next status of the cycle, a second after the previous. */
    static String webhook(int agent, int event, Instant base) {
        return JSON.createObjectNode()
                .put("id", webhookId(agent, event))
                .put("type", "agent.status_changed")
                .put("occurred_at", base.plusSeconds(event).toString())
                .set(
                        "data",
                        JSON.createObjectNode().put("user_id", userId(agent)).put("status", talkdeskStatus(event)))
                .toString();
    }

    static String webhookId(int agent, int event) {
        return "load-" + agent + "-" + event;
    }

    /** The Talkdesk status of an agent's {@code event}-th webhook. */
    static String talkdeskStatus(int event) {
        return CYCLE.get(event % CYCLE.size());
    }

    /** The Omni-Channel status the {@code event}-th webhook's status maps to: the command it decides. */
    static String omniStatus(int event) {
        return OMNI_FOR.get(talkdeskStatus(event));
    }

    /** The webhook as the service takes it: signed with the webhook secret (SPEC 10.1). */
    static HttpRequest signedWebhook(URI webhooks, String body) {
        long t = System.currentTimeMillis() / 1000;
        return HttpRequest.newBuilder(webhooks)
                .header("Content-Type", "application/json")
                .header("Omnisync-Signature", "t=" + t + ",v1=" + sign(t + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static String sign(String text) {
        return HexFormat.of().formatHex(hmac(WEBHOOK_SECRET, text));
    }

    /** A console token as the Apex class mints it (SPEC 12): HS256 with the console secret, valid for {@code validity}. */
    static String consoleToken(String salesforceUserId, Duration validity) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(JSON.createObjectNode()
                .put("sub", salesforceUserId)
                .put("aud", "omnisync-console")
                .put("exp", Instant.now().plus(validity).getEpochSecond())
                .toString()
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + base64.encodeToString(hmac(CONSOLE_SECRET, header + "." + claims));
    }

    private static byte[] hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest adminGet(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .build();
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** The {@code p} quantile of {@code sorted} (nearest rank); 0 for none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String agentId(int agent) {
        return "agent-" + agent;
    }

    static String userId(int agent) {
        return "td-" + agent;
    }

    static String salesforceUserId(int agent) {
        return String.format(Locale.ROOT, "005%012dAAA", agent);
    }

    /** A contact center of {@code agents} agents, every one in Available and Available for calls, sync on. */
    static String configuration(int agents, int talkdeskPort) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode talkdesk = root.putObject("talkdesk");
        ArrayNode statuses = talkdesk.putArray("statuses");
        statuses.addObject().put("id", "lunch").put("name", "Lunch").put("type", "AWAY");
        statuses.addObject().put("id", "chat_only").put("name", "Chat Only").put("type", "BUSY");
        talkdesk.putObject("preferences").put("nextAgentStatus", false);
        ObjectNode omni = root.putObject("omniChannel");
        ArrayNode channels = omni.putArray("serviceChannels");
        channels.addObject().put("apiName", "Phone").put("label", "Phone").put("urgent", true);
        channels.addObject().put("apiName", "Chat").put("label", "Chat").put("urgent", false);
        ArrayNode presence = omni.putArray("presenceStatuses");
        presence(presence, "Available_for_Calls", "ONLINE", "0N5000000000001AAA", "Phone");
        presence(presence, "Chat_Only", "ONLINE", "0N5000000000002AAA", "Chat");
        presence(presence, "On_a_Call", "BUSY", "0N5000000000003AAA");
        presence(presence, "Away_from_Desk", "BUSY", "0N5000000000004AAA");
        presence(presence, "Lunch_Break", "BUSY", "0N5000000000005AAA");
        ObjectNode profile = omni.putArray("profiles").addObject().put("name", "Agent");
        ArrayNode granted = profile.putArray("presenceStatuses");
        List.of("Available_for_Calls", "Chat_Only", "On_a_Call", "Away_from_Desk", "Lunch_Break")
                .forEach(granted::add);
        omni.putArray("permissionSets");
        ObjectNode presenceConfiguration = omni.putArray("presenceConfigurations")
                .addObject()
                .put("name", "Default")
                .put("capacity", 3);
        presenceConfiguration.putArray("profiles").add("Agent");
        presenceConfiguration.putArray("users");
        ArrayNode list = root.putArray("agents");
        for (int agent = 0; agent < agents; agent++) {
            list.addObject()
                    .put("id", agentId(agent))
                    .put("talkdeskUserId", userId(agent))
                    .put("salesforceUserId", salesforceUserId(agent))
                    .put("profile", "Agent")
                    .put("talkdeskStatus", "available")
                    .put("omniStatus", "Available_for_Calls");
        }
        ObjectNode integration = root.putObject("integration")
                .put("omniChannelSync", true)
                .put("returnToPreviousStatusAfterCall", false);
        integration
                .putObject("omniToTalkdesk")
                .put("Available_for_Calls", "available")
                .put("Chat_Only", "chat_only")
                .put("On_a_Call", "away")
                .put("Away_from_Desk", "away")
                .put("Lunch_Break", "lunch")
                .put("Offline", "offline");
        integration
                .putObject("talkdeskToOmni")
                .put("available", "Available_for_Calls")
                .put("on_a_call", "On_a_Call")
                .put("after_call_work", "Away_from_Desk")
                .put("away", "Away_from_Desk")
                .put("lunch", "Lunch_Break")
                .put("chat_only", "Chat_Only");
        ObjectNode vendors = root.putObject("vendors");
        ObjectNode talkdeskVendor = vendors.putObject("talkdesk")
                .put("apiBaseUrl", "http://127.0.0.1:" + talkdeskPort)
                .put("tokenUrl", "http://127.0.0.1:" + talkdeskPort + "/oauth/token");
        talkdeskVendor.putArray("scopes").add("presence-user:read").add("presence-user:write");
        return root.toPrettyString();
    }

    private static void presence(
            ArrayNode list, String apiName, String option, String salesforceId, String... channels) {
        ObjectNode status = list.addObject()
                .put("apiName", apiName)
                .put("label", apiName.replace('_', ' '))
                .put("option", option)
                .put("salesforceId", salesforceId);
        ArrayNode served = status.putArray("channels");
        for (String channel : channels) {
            served.add(channel);
        }
    }
}
