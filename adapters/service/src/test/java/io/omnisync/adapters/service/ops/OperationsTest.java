package io.omnisync.adapters.service.ops;

import static io.omnisync.adapters.service.RunningService.json;
import static io.omnisync.adapters.service.RunningService.newEventId;
import static io.omnisync.adapters.service.RunningService.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.service.RunningService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 10.4 for whoever runs the service, and the admin page's files at the root. */
class OperationsTest {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void health_says_up_to_anyone() {
        HttpResponse<String> answer = service.get("/healthz");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).path("status").asText()).isEqualTo("up");
    }

    @Test
    void a_started_service_with_a_configuration_and_its_store_is_ready() {
        HttpResponse<String> answer = service.get("/readyz");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).path("status").asText()).isEqualTo("ready");
    }

    @Test
    void metrics_are_prometheus_text_named_omnisync() {
        service.postSignedWebhook(statusChanged(newEventId(), "td-1001", "lunch", service.clock.instant()));

        HttpResponse<String> answer = service.get("/metrics");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(answer.body())
                .contains(
                        "omnisync_events_received_total{source=\"talkdesk\",type=\"agent.status_changed\"} 1.0",
                        "omnisync_decisions_total{outcome=\"synced\"} 1.0",
                        "omnisync_commands_decided_total{vendor=\"omni\"} 1.0",
                        "omnisync_commands_sent_total{vendor=\"omni\"}",
                        "omnisync_commands_refused_total{vendor=\"talkdesk\"} 0.0",
                        "omnisync_commands_failed_total{vendor=\"talkdesk\"} 0.0",
                        "omnisync_commands_superseded_total{vendor=\"omni\"}",
                        "omnisync_commands_expired_total{vendor=\"omni\"} 0.0",
                        "omnisync_outbox_size",
                        "omnisync_console_streams_open 0.0",
                        "omnisync_decision_seconds_bucket",
                        "omnisync_commit_seconds_bucket",
                        "omnisync_circuit_breaker_state{state=\"closed\",vendor=\"talkdesk\"} 1.0",
                        "omnisync_circuit_breaker_state{state=\"open\",vendor=\"omni\"} 0.0",
                        "omnisync_http_requests_seconds_count{method=\"POST\",route=\"/webhooks/talkdesk\",status=\"202\"}");
        // open to anyone: it tells activity, never who (no agent, user or event id)
        assertThat(answer.body()).doesNotContain("maria", "td-1001", "0055e", "lunch");
    }

    @Test
    void the_admin_page_is_served_at_the_root_under_a_strict_policy() {
        HttpResponse<String> page = service.get("/");
        HttpResponse<String> script = service.get("/assets/main.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                // the admin-page module's policy (its PageAssets), word for word: what its browser tests ran under
                .hasValue("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                        + "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        assertThat(page.body()).contains("Omnisync administration");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(service.get("/assets/..%2Fpom.xml").statusCode()).isEqualTo(404);
        assertThat(service.get("/assets/nothing.js").statusCode()).isEqualTo(404);
    }
}
