package io.omnisync.adapters.service.webhook;

import static io.omnisync.adapters.service.RunningService.json;
import static io.omnisync.adapters.service.RunningService.newEventId;
import static io.omnisync.adapters.service.RunningService.statusChanged;
import static io.omnisync.adapters.service.RunningService.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.service.RunningService;
import io.omnisync.adapters.service.security.WebhookSignature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /webhooks/talkdesk} (SPEC 10.1) over real HTTP on loopback. */
class TalkdeskWebhookTest {

    private static RunningService service;
    private Instant at;

    @BeforeAll
    static void start() {
        service = RunningService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void later() {
        // each test's events come after the previous test's, so none of them is stale
        service.clock.advance(Duration.ofMinutes(1));
        at = service.clock.instant();
    }

    @Test
    void a_signed_event_is_committed_before_it_is_acknowledged() {
        HttpResponse<String> answer = service.postSignedWebhook(statusChanged(newEventId(), "td-1001", "lunch", at));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json(answer).path("status").asText()).isEqualTo("accepted");
        // the 202 came after the commit: what the engine knows shows it at once, and the Omni command is decided
        assertThat(service.agent("maria").path("talkdesk").asText()).isEqualTo("lunch");
        assertThat(service.auditReasons("maria")).contains("command:MAPPING");
        service.postSignedWebhook(statusChanged(newEventId(), "td-1001", "available", at.plusSeconds(1)));
    }

    @Test
    void an_unsigned_event_is_401_and_changes_nothing() {
        String body = statusChanged(newEventId(), "td-1002", "lunch", at);

        HttpResponse<String> answer = service.postWebhook(body, null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(json(answer).path("error").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(json(answer).path("message").asText()).contains("Omnisync-Signature");
        assertThat(service.agent("joao").path("talkdesk").asText()).isEqualTo("away");
    }

    @Test
    void a_tampered_body_or_another_key_is_401_and_changes_nothing() {
        String signed = statusChanged(newEventId(), "td-1002", "lunch", at);
        String tampered = signed.replace("lunch", "chat_only");
        long now = service.clock.instant().getEpochSecond();

        assertThat(service.postWebhook(tampered, service.signature(signed, now)).statusCode())
                .isEqualTo(401);
        String otherKey = WebhookSignature.header(
                "another-secret-of-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8),
                now,
                signed.getBytes(StandardCharsets.UTF_8));
        assertThat(service.postWebhook(signed, otherKey).statusCode()).isEqualTo(401);
        assertThat(service.postWebhook(signed, "t=" + now + ",v1=").statusCode())
                .isEqualTo(401);
        assertThat(service.postWebhook(signed, "v1=" + "0".repeat(64)).statusCode())
                .isEqualTo(401);

        assertThat(service.agent("joao").path("talkdesk").asText()).isEqualTo("away");
    }

    @Test
    void one_matching_v1_among_several_is_enough_in_any_order() {
        String body = statusChanged(newEventId(), "td-1002", "training", at);
        long now = service.clock.instant().getEpochSecond();
        String good = service.signature(body, now).substring(("t=" + now + ",").length());
        String header = "v1=" + "ab".repeat(32) + ", " + good + " ,t=" + now;

        assertThat(service.postWebhook(body, header).statusCode()).isEqualTo(202);
        assertThat(service.agent("joao").path("talkdesk").asText()).isEqualTo("training");
        service.postSignedWebhook(statusChanged(newEventId(), "td-1002", "away", at.plusSeconds(1)));
    }

    @Test
    void a_signature_older_or_newer_than_300_seconds_is_401() {
        String body = statusChanged(newEventId(), "td-1002", "lunch", at);
        long now = service.clock.instant().getEpochSecond();

        assertThat(service.postWebhook(body, service.signature(body, now - 301)).statusCode())
                .isEqualTo(401);
        assertThat(service.postWebhook(body, service.signature(body, now + 301)).statusCode())
                .isEqualTo(401);
        assertThat(service.agent("joao").path("talkdesk").asText()).isEqualTo("away");

        // at the edge of the window it is still taken
        assertThat(service.postWebhook(body, service.signature(body, now - 300)).statusCode())
                .isEqualTo(202);
        service.postSignedWebhook(statusChanged(newEventId(), "td-1002", "away", at.plusSeconds(1)));
    }

    @Test
    void a_redelivery_signed_afresh_is_acknowledged_and_recorded_as_a_duplicate() {
        String body = statusChanged(newEventId(), "td-1001", "chat_only", at);

        assertThat(service.postSignedWebhook(body).statusCode()).isEqualTo(202);
        service.clock.advance(Duration.ofSeconds(5));
        assertThat(service.postSignedWebhook(body).statusCode()).isEqualTo(202);

        List<String> trail = service.auditReasons("maria");
        assertThat(trail.get(trail.size() - 1)).isEqualTo("skipped:DUPLICATE");
        service.postSignedWebhook(statusChanged(newEventId(), "td-1001", "available", at.plusSeconds(10)));
    }

    @Test
    void the_vendors_time_orders_an_agents_events_a_late_one_is_stale() {
        service.postSignedWebhook(statusChanged(newEventId(), "td-1002", "lunch", at.plusSeconds(10)));

        HttpResponse<String> late = service.postSignedWebhook(statusChanged(newEventId(), "td-1002", "training", at));

        assertThat(late.statusCode()).isEqualTo(202);
        assertThat(service.agent("joao").path("talkdesk").asText()).isEqualTo("lunch");
        List<String> trail = service.auditReasons("joao");
        assertThat(trail.get(trail.size() - 1)).isEqualTo("skipped:STALE");
        service.postSignedWebhook(statusChanged(newEventId(), "td-1002", "away", at.plusSeconds(20)));
    }

    @Test
    void call_events_move_the_agent_through_the_call() {
        String user = "{\"user_id\":\"td-1001\"}";
        assertThat(service.postSignedWebhook(webhook(newEventId(), "call.started", at, user))
                        .statusCode())
                .isEqualTo(202);
        assertThat(service.agent("maria").path("callPhase").asText()).isEqualTo("on_a_call");
        service.postSignedWebhook(webhook(newEventId(), "call.ended", at.plusSeconds(1), user));
        assertThat(service.agent("maria").path("callPhase").asText()).isEqualTo("wrapping_up");
        service.postSignedWebhook(webhook(newEventId(), "wrapup.ended", at.plusSeconds(2), user));

        assertThat(service.agent("maria").path("talkdesk").asText()).isEqualTo("available");
        assertThat(service.agent("maria").path("callPhase").asText()).isEqualTo("idle");
    }

    @Test
    void malformed_json_is_400_saying_where() {
        String body = "{\"id\": \"evt-1\", \"type\": ";

        HttpResponse<String> answer = service.postSignedWebhook(body);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).path("error").asText()).isEqualTo("BAD_REQUEST");
        assertThat(json(answer).path("message").asText()).contains("malformed JSON", "line 1");
    }

    @Test
    void a_missing_or_mistyped_field_is_400_naming_it() {
        assertThat(message(service.postSignedWebhook("{\"type\":\"call.started\",\"occurred_at\":\"" + at
                        + "\",\"data\":{\"user_id\":\"td-1001\"}}")))
                .contains("'id'");
        assertThat(message(service.postSignedWebhook(webhook(newEventId(), "call.started", at, "{}"))))
                .contains("'data.user_id'");
        assertThat(message(service.postSignedWebhook(
                        webhook(newEventId(), "agent.status_changed", at, "{\"user_id\":\"td-1001\"}"))))
                .contains("'data.status'");
        assertThat(message(service.postSignedWebhook(
                        "{\"id\":\"x\",\"type\":\"call.started\",\"occurred_at\":\"yesterday\",\"data\":{}}")))
                .contains("'occurred_at'");
        assertThat(message(service.postSignedWebhook(
                        webhook(newEventId(), "agent.status_changed", at, "{\"user_id\":42,\"status\":\"away\"}"))))
                .contains("'data.user_id'", "string");
    }

    @Test
    void a_body_over_one_mebibyte_is_413_before_its_signature_is_looked_at() {
        String big = "{\"id\":\"big\",\"padding\":\"" + "x".repeat(1024 * 1024) + "\"}";

        HttpResponse<String> unsigned = service.postWebhook(big, null);
        HttpResponse<String> signed = service.postSignedWebhook(big);

        assertThat(unsigned.statusCode()).isEqualTo(413);
        assertThat(json(unsigned).path("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(signed.statusCode()).isEqualTo(413);
    }

    @Test
    void a_body_over_the_limit_without_a_declared_length_is_413_too() {
        byte[] big = ("{\"padding\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(service.uri("/webhooks/talkdesk"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();

        assertThat(service.send(chunked).statusCode()).isEqualTo(413);
    }

    @Test
    void an_unknown_type_is_acknowledged_and_recorded() {
        HttpResponse<String> answer =
                service.postSignedWebhook(webhook(newEventId(), "agent.logged_in", at, "{\"user_id\":\"td-1003\"}"));

        assertThat(answer.statusCode()).isEqualTo(202);
        List<String> trail = service.auditReasons("ana");
        assertThat(trail.get(trail.size() - 1)).isEqualTo("skipped:UNKNOWN_EVENT_TYPE");
    }

    @Test
    void an_unknown_user_is_acknowledged_and_counted() {
        HttpResponse<String> answer = service.postSignedWebhook(statusChanged(newEventId(), "td-9999", "away", at));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(service.get("/metrics").body()).contains("omnisync_decisions_total{outcome=\"unknown_agent\"}");
    }

    @Test
    void an_unknown_status_is_acknowledged_recorded_and_changes_nothing() {
        HttpResponse<String> answer =
                service.postSignedWebhook(statusChanged(newEventId(), "td-1003", "gone_fishing", at));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(service.agent("ana").path("talkdesk").asText()).isEqualTo("available");
        List<String> trail = service.auditReasons("ana");
        assertThat(trail.get(trail.size() - 1)).isEqualTo("skipped:UNKNOWN_STATUS");
    }

    private static String message(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        return json(answer).path("message").asText();
    }
}
