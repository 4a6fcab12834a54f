package io.omnisync.adapters.service.security;

import static io.omnisync.adapters.service.RunningService.newEventId;
import static io.omnisync.adapters.service.RunningService.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.omnisync.adapters.service.RunningService;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * SPEC 10's security promises, checked on a running service: no secret in a log line (Omnisync's code at DEBUG), an
 * error message or an answer; and a request that is not authenticated changes nothing.
 */
class SecretsStayOutTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;
    private Level rootLevel;
    private RunningService service;

    @BeforeEach
    void start() {
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        // as serve logs: libraries at INFO (serve's logging redacts Authorization whatever the level, see the command
        // line's tests), Omnisync's own code at its most talkative
        root.setLevel(Level.INFO);
        ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger("io.omnisync")
                .setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
        service = RunningService.start();
    }

    @AfterEach
    void stop() {
        service.close();
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger("io.omnisync")
                .setLevel(Level.INFO);
    }

    @Test
    void no_secret_is_in_a_log_line_an_error_or_an_answer() {
        List<String> answers = new ArrayList<>();
        String body = statusChanged(newEventId(), "td-1001", "lunch", service.clock.instant());
        // webhooks: signed, unsigned, signed with the wrong key, malformed
        answers.add(service.postSignedWebhook(body).body());
        answers.add(service.postWebhook(body, null).body());
        answers.add(service.postWebhook(body, "t=1,v1=" + "0".repeat(64)).body());
        answers.add(service.postSignedWebhook("{\"id\":").body());
        // the admin API: a wrong token, the right one, a rejected configuration
        answers.add(service.admin("GET", "/api/agents", null, "Bearer " + RunningService.ADMIN_TOKEN + "x")
                .body());
        answers.add(service.admin("GET", "/api/configuration", null).body());
        answers.add(
                service.admin("PUT", "/api/configuration", "{\"agents\": 1}").body());
        answers.add(service.get("/metrics").body());
        // Talkdesk: a token, a 401 and its renewal, a refusal
        service.talkdesk.unauthorizedOnceFor("td-1001");
        service.omniPicks("maria", "Chat_Only");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !service.talkdesk.acceptedPuts().isEmpty());
        service.talkdesk.refuseFor("td-1001", 422, "invalid", "no " + TalkdeskStandIn.CLIENT_SECRET);
        service.omniPicks("maria", "Training");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.auditReasons("maria").contains("refused:REFUSED"));
        answers.add(service.admin("GET", "/api/agents/maria/audit", null).body());
        answers.add(service.admin("GET", "/api/pending", null).body());

        List<String> secrets = List.of(
                RunningService.WEBHOOK_SECRET,
                RunningService.CONSOLE_SECRET,
                RunningService.ADMIN_TOKEN,
                TalkdeskStandIn.CLIENT_SECRET,
                TalkdeskStandIn.ACCESS_TOKEN,
                Base64.getEncoder()
                        .encodeToString((TalkdeskStandIn.CLIENT_ID + ":" + TalkdeskStandIn.CLIENT_SECRET)
                                .getBytes(StandardCharsets.UTF_8)));
        root.detachAppender(logs);
        List<String> lines =
                List.copyOf(logs.list).stream().map(SecretsStayOutTest::render).toList();
        assertThat(lines)
                .as("the lines that would carry a secret if anything did")
                .anyMatch(line -> line.contains("webhook refused"))
                .anyMatch(line -> line.contains("renewing it"))
                .anyMatch(line -> line.contains("Talkdesk refused"));
        for (String secret : secrets) {
            assertThat(lines).noneMatch(line -> line.contains(secret));
            assertThat(answers).noneMatch(answer -> answer.contains(secret));
        }
    }

    @Test
    void a_request_that_is_not_authenticated_changes_nothing() {
        String configuration = service.admin("GET", "/api/configuration", null).body();
        String agents = service.admin("GET", "/api/agents", null).body();
        String trail = service.admin("GET", "/api/agents/joao/audit", null).body();
        String changed = configuration.replaceFirst("\"omniChannelSync\"\\s*:\\s*true", "\"omniChannelSync\": false");
        assertThat(changed)
                .as("a PUT that would change something if it were applied")
                .isNotEqualTo(configuration);
        List<String> refusedAs = List.of("", "Bearer ", "Bearer wrong-token", "Basic " + RunningService.ADMIN_TOKEN);

        List<Integer> statuses = new ArrayList<>();
        for (String authorization : refusedAs) {
            String header = authorization.isEmpty() ? null : authorization;
            statuses.add(
                    service.admin("PUT", "/api/configuration", changed, header).statusCode());
            statuses.add(service.admin("POST", "/api/sync", "{\"enabled\": false}", header)
                    .statusCode());
            statuses.add(service.admin("PATCH", "/api/settings", "{\"nextAgentStatus\": true}", header)
                    .statusCode());
            statuses.add(service.admin(
                            "PATCH", "/api/rules/Full%20chat%20load%20blocks%20calls", "{\"enabled\": true}", header)
                    .statusCode());
            statuses.add(service.admin("POST", "/api/configuration/check", configuration, header)
                    .statusCode());
            for (String read : List.of(
                    "/api/agents",
                    "/api/configuration",
                    "/api/pending",
                    "/api/agents/joao/audit",
                    "/api/stream",
                    "/api/no-such-endpoint")) {
                statuses.add(service.admin("GET", read, null, header).statusCode());
            }
        }
        String webhook = statusChanged(newEventId(), "td-1002", "lunch", service.clock.instant());
        statuses.add(service.postWebhook(webhook, null).statusCode());
        statuses.add(
                service.postWebhook(webhook, "t=" + service.clock.instant().getEpochSecond() + ",v1=" + "a".repeat(64))
                        .statusCode());

        assertThat(statuses).containsOnly(401);
        assertThat(service.admin("GET", "/api/configuration", null).body()).isEqualTo(configuration);
        assertThat(service.admin("GET", "/api/agents", null).body()).isEqualTo(agents);
        assertThat(service.admin("GET", "/api/agents/joao/audit", null).body()).isEqualTo(trail);
    }

    @Test
    void a_401_says_how_to_authenticate() {
        HttpResponse<String> answer = service.admin("GET", "/api/agents", null, null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(RunningService.json(answer).path("error").asText()).isEqualTo("UNAUTHORIZED");
    }

    private static String render(ILoggingEvent event) {
        String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
        return event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " " + thrown;
    }
}
