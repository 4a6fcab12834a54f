package io.omnisync.console.service;

import com.google.inject.AbstractModule;
import io.omnisync.adapters.composition.Bootstrap;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.configjson.JsonConfigurationDocuments;
import io.omnisync.adapters.jdbc.SqliteStore;
import io.omnisync.adapters.jdbc.SqliteStoreModule;
import io.omnisync.adapters.service.OmnisyncService;
import io.omnisync.adapters.service.ServiceModule;
import io.omnisync.adapters.service.console.ConsoleCommands;
import io.omnisync.adapters.service.console.ConsoleModule;
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
import io.omnisync.application.audit.AuditEntry;
import io.omnisync.application.audit.AuditTrail;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.console.standin.Tokens;
import io.omnisync.domain.agent.AgentId;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The real Omnisync service on loopback for the browser tests: the Javalin service with its console endpoints, the
 * engine on a SQLite store (so a restart keeps what was decided and sends what waits), Talkdesk played by the stand-in
 * over real HTTP, one agent (maria) whose console is the test page, that page's origin as the one console origin. It
 * can stop and start again on the same port and store, as a service that is cut and comes back.
 */
public final class RealOmnisync implements AutoCloseable {

    public static final String WEBHOOK_SECRET = "webhook-secret-for-the-browser-tests-0123456789";
    public static final String ADMIN_TOKEN = "admin-token-for-the-browser-tests-0123456789ab";
    public static final AgentId MARIA = AgentId.of("maria");
    public static final String MARIA_TALKDESK = "td-1001";

    /** What a test holds of one run of the service. */
    static final class Parts {
        final OmnisyncService service;
        final SqliteStore store;
        final ConsoleCommands console;
        final LoadConfiguration configurations;
        final ConfigurationDocuments documents;
        final QueryAgents agents;
        final AuditTrail audit;

        @Inject
        Parts(
                OmnisyncService service,
                SqliteStore store,
                ConsoleCommands console,
                LoadConfiguration configurations,
                ConfigurationDocuments documents,
                QueryAgents agents,
                AuditTrail audit) {
            this.service = service;
            this.store = store;
            this.console = console;
            this.configurations = configurations;
            this.documents = documents;
            this.agents = agents;
            this.audit = audit;
        }
    }

    public final TalkdeskStandIn talkdesk;
    public final MovableClock clock;
    private final Path storeFile;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private volatile Parts running;
    private int port;

    private RealOmnisync(String consoleOrigin, Path directory, MovableClock clock) {
        this.clock = clock;
        this.talkdesk = TalkdeskStandIn.start();
        this.storeFile = directory.resolve("omnisync-" + UUID.randomUUID() + ".db");
        this.running = boot(0);
        this.port = running.service.port();
        LoadResult loaded = running.configurations.load(running.documents
                .read(configuration(consoleOrigin), "browser-test")
                .get()
                .draft());
        if (!(loaded instanceof LoadResult.Applied)) {
            throw new IllegalStateException("the browser tests' configuration is rejected: " + loaded);
        }
    }

    /**
     * Starts the service with the test configuration on {@code clock}; {@code consoleOrigin} is the test page's, its
     * store a new file in {@code directory}.
     */
    public static RealOmnisync start(String consoleOrigin, Path directory, MovableClock clock) {
        return new RealOmnisync(consoleOrigin, directory, clock);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The service stops as on SIGTERM (its streams closed) and its store is closed: nothing listens on the port. */
    public void cut() {
        Parts parts = running;
        parts.service.stop();
        parts.store.close();
    }

    /** The service comes back on the same port and store, resuming what the store holds. */
    public void comeBack() {
        running = boot(port);
    }

    public ConsoleCommands console() {
        return running.console;
    }

    public OmniStatus omniStatusOf(AgentId agent) {
        return running.agents.agent(agent).get().omniStatus();
    }

    /** The agent's audit trail, oldest first, as {@code kind:detail} lines. */
    public List<String> audit(AgentId agent) {
        return running.audit.of(agent, 200).map(RealOmnisync::line).toJavaList();
    }

    /** Talkdesk says the agent's status became {@code status}: a signed webhook (SPEC 10.1), answered 202. */
    public void talkdeskSets(String talkdeskUserId, String status) {
        String body = "{\"id\":\"evt-" + UUID.randomUUID() + "\",\"type\":\"agent.status_changed\",\"occurred_at\":\""
                + clock.instant() + "\",\"data\":{\"user_id\":\"" + talkdeskUserId + "\",\"status\":\"" + status
                + "\"}}";
        String signature = WebhookSignature.header(
                WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                clock.instant().getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(baseUri().resolve("/webhooks/talkdesk"))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("the webhook was answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    public HttpClient client() {
        return http;
    }

    @Override
    public void close() {
        try {
            running.service.stop();
            running.store.close();
        } finally {
            talkdesk.close();
        }
    }

    private Parts boot(int onPort) {
        Parts parts = new Bootstrap(
                        new ServiceModule(new ServerOptions("127.0.0.1", onPort, Duration.ofSeconds(5)), secrets()),
                        new ConsoleModule(),
                        new TalkdeskHttpModule(talkdesk.credentials(), TalkdeskTimeouts.standard()),
                        new SqliteStoreModule(storeFile),
                        new AbstractModule() {
                            @Override
                            protected void configure() {
                                bind(Clock.class).toInstance(clock);
                                bind(ConfigurationCodec.class).to(JsonConfigurationCodec.class);
                                bind(ConfigurationDocuments.class).to(JsonConfigurationDocuments.class);
                            }
                        })
                .initialize(Parts.class);
        parts.service.start();
        return parts;
    }

    private static ServiceSecrets secrets() {
        return new ServiceSecrets(
                Secret.of("talkdeskClientId", TalkdeskStandIn.CLIENT_ID),
                Secret.of("talkdeskClientSecret", TalkdeskStandIn.CLIENT_SECRET),
                Secret.of("webhookSecret", WEBHOOK_SECRET),
                Secret.of("consoleSecret", Tokens.CONSOLE_SECRET),
                Secret.of("adminToken", ADMIN_TOKEN));
    }

    private String configuration(String consoleOrigin) {
        try (InputStream in = RealOmnisync.class.getResourceAsStream("/omnisync/console/service/contact-center.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{AGENT}}", Tokens.AGENT)
                    .replace("{{CONSOLE_ORIGIN}}", consoleOrigin)
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

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String line(AuditEntry entry) {
        return entry.fact().getClass().getSimpleName() + ":" + entry.fact();
    }

    /** When the test began, by the service's clock. */
    public Instant now() {
        return clock.instant();
    }
}
