package io.omnisync.adapters.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.omnisync.adapters.composition.Bootstrap;
import io.omnisync.adapters.configjson.JsonConfigurationDocuments;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.adapters.service.console.ConsoleCommands;
import io.omnisync.adapters.service.console.ConsoleModule;
import io.omnisync.adapters.service.http.JavalinServer;
import io.omnisync.adapters.service.http.ServerOptions;
import io.omnisync.adapters.service.security.Secret;
import io.omnisync.adapters.service.security.ServiceSecrets;
import io.omnisync.adapters.service.security.WebhookSignature;
import io.omnisync.adapters.talkdesk.TalkdeskTimeouts;
import io.omnisync.adapters.talkdesk.port.TalkdeskHttpModule;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn;
import io.omnisync.application.admin.ConfigurationDocuments;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.admin.LoadResult;
import io.omnisync.application.audit.AuditTrail;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.reporting.ReportVendorEvent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.OmniStatus;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The whole service on loopback for a test: the engine (in-memory store unless told otherwise), the HTTP server on
 * a free port, Talkdesk played by the stand-in, the console side as the service has it; and a real HTTP client
 * (java.net.http) that signs webhooks and carries the admin token.
 */
public final class RunningService implements AutoCloseable {

    public static final String WEBHOOK_SECRET = "webhook-secret-for-the-tests-0123456789abcdef";
    public static final String CONSOLE_SECRET = "console-secret-for-the-tests-0123456789abcdef";
    public static final String ADMIN_TOKEN = "admin-token-for-the-tests-0123456789abcdefghij";
    /** Monday 5 January 2026, 10:00 in Lisbon: inside the configuration's business hours. */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-01-05T10:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong EVENT_IDS = new AtomicLong();

    /** What a test may hold of the running engine. */
    public static final class Parts {
        public final OmnisyncService service;
        public final LoadConfiguration configurations;
        public final ReportVendorEvent reports;
        public final QueryAgents agents;
        public final AuditTrail audit;
        public final DeliverCommands delivery;
        public final ConsoleCommands console;
        public final ConfigurationDocuments documents;
        public final JavalinServer server;

        @Inject
        Parts(
                OmnisyncService service,
                JavalinServer server,
                LoadConfiguration configurations,
                ReportVendorEvent reports,
                QueryAgents agents,
                AuditTrail audit,
                DeliverCommands delivery,
                ConsoleCommands console,
                ConfigurationDocuments documents) {
            this.service = service;
            this.server = server;
            this.configurations = configurations;
            this.reports = reports;
            this.agents = agents;
            this.audit = audit;
            this.delivery = delivery;
            this.console = console;
            this.documents = documents;
        }
    }

    public final TalkdeskStandIn talkdesk;
    public final TestClock clock;
    public final Parts parts;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;

    private RunningService(TalkdeskStandIn talkdesk, TestClock clock, Module store, String configuration) {
        this.talkdesk = talkdesk;
        this.clock = clock;
        this.parts = new Bootstrap(
                        new ServiceModule(ServerOptions.loopback(), secrets()),
                        new ConsoleModule(),
                        new TalkdeskHttpModule(talkdesk.credentials(), TalkdeskTimeouts.standard()),
                        store,
                        new AbstractModule() {
                            @Override
                            protected void configure() {
                                bind(Clock.class).toInstance(clock);
                                bind(ConfigurationDocuments.class).to(JsonConfigurationDocuments.class);
                            }
                        })
                .initialize(Parts.class);
        LoadResult loaded = parts.configurations.load(
                parts.documents.read(configuration, "test").get().draft());
        if (!(loaded instanceof LoadResult.Applied)) {
            throw new IllegalStateException("the test configuration is rejected: " + loaded);
        }
        parts.service.start();
        this.base = URI.create("http://127.0.0.1:" + parts.service.port());
    }

    /** The service on the in-memory store, its clock on Monday morning. */
    public static RunningService start() {
        return start(new InMemoryStoreModule());
    }

    public static RunningService start(Module store) {
        return start(store, RunningService::configuration);
    }

    /** The service with another contact center: {@code configuration} is given the stand-in to point at. */
    public static RunningService start(Module store, Function<TalkdeskStandIn, String> configuration) {
        TalkdeskStandIn talkdesk = TalkdeskStandIn.start();
        return new RunningService(talkdesk, new TestClock(MONDAY_MORNING), store, configuration.apply(talkdesk));
    }

    public static ServiceSecrets secrets() {
        return new ServiceSecrets(
                Secret.of("talkdeskClientId", TalkdeskStandIn.CLIENT_ID),
                Secret.of("talkdeskClientSecret", TalkdeskStandIn.CLIENT_SECRET),
                Secret.of("webhookSecret", WEBHOOK_SECRET),
                Secret.of("consoleSecret", CONSOLE_SECRET),
                Secret.of("adminToken", ADMIN_TOKEN));
    }

    /** The test's contact center, pointed at the stand-in. */
    public static String configuration(TalkdeskStandIn talkdesk) {
        try (InputStream in = RunningService.class.getResourceAsStream("contact-center.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(
                            "{{TALKDESK_API}}",
                            talkdesk.endpoints().apiBaseUrl().toString())
                    .replace(
                            "{{TALKDESK_TOKEN}}",
                            talkdesk.endpoints().tokenUrl().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public int port() {
        return parts.service.port();
    }

    // ---- webhooks ------------------------------------------------------------------------------

    /** A Talkdesk webhook body of SPEC 10.1. */
    public static String webhook(String id, String type, Instant occurredAt, String dataJson) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurred_at\":\"" + occurredAt + "\",\"data\":"
                + dataJson + "}";
    }

    public static String statusChanged(String id, String userId, String status, Instant occurredAt) {
        return webhook(
                id,
                "agent.status_changed",
                occurredAt,
                "{\"user_id\":\"" + userId + "\",\"status\":\"" + status + "\"}");
    }

    public static String newEventId() {
        return "evt-" + EVENT_IDS.incrementAndGet() + "-" + UUID.randomUUID();
    }

    /** Posts {@code body} signed now with the webhook secret. */
    public HttpResponse<String> postSignedWebhook(String body) {
        return postWebhook(body, signature(body, clock.instant().getEpochSecond()));
    }

    public String signature(String body, long unixSeconds) {
        return WebhookSignature.header(
                WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), unixSeconds, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts {@code body} with the given signature header (null: none). */
    public HttpResponse<String> postWebhook(String body, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/webhooks/talkdesk"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signatureHeader != null) {
            request.header(WebhookSignature.HEADER, signatureHeader);
        }
        return send(request.build());
    }

    // ---- the admin API ---------------------------------------------------------------------------

    public HttpResponse<String> admin(String method, String path, String body) {
        return admin(method, path, body, "Bearer " + ADMIN_TOKEN);
    }

    public HttpResponse<String> admin(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient client() {
        return http;
    }

    /** The agent's entry in {@code GET /api/agents}. */
    public JsonNode agent(String id) {
        for (JsonNode agent : json(admin("GET", "/api/agents", null)).path("agents")) {
            if (agent.path("agent").asText().equals(id)) {
                return agent;
            }
        }
        throw new AssertionError("no agent " + id + " in GET /api/agents");
    }

    /** The reasons of the agent's audit trail, oldest first. */
    public List<String> auditReasons(String agent) {
        List<String> reasons = new ArrayList<>();
        json(admin("GET", "/api/agents/" + agent + "/audit", null))
                .path("facts")
                .forEach(fact -> reasons.add(
                        fact.path("kind").asText() + ":" + fact.path("reason").asText()));
        return reasons;
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    // ---- the Omni-Channel side, as the console bridge will report it ----------------------------

    /** The agent picks {@code status} in the Omni-Channel widget (reported straight to the engine's port). */
    public void omniPicks(String agent, String status) {
        parts.reports.report(new AgentEvent.OmniStatusReported(
                EventId.of("console:" + newEventId()), AgentId.of(agent), clock.instant(), OmniStatus.parse(status)));
    }

    @Override
    public void close() {
        try {
            parts.service.stop();
        } finally {
            talkdesk.close();
        }
    }
}
