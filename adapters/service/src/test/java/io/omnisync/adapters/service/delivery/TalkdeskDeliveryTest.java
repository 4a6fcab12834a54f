package io.omnisync.adapters.service.delivery;

import static io.omnisync.adapters.service.RunningService.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnisync.adapters.service.RunningService;
import io.omnisync.adapters.talkdesk.PresenceBody;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn.RecordedPut;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands to Talkdesk go out on the service's own delivery threads, over real HTTP to the stand-in (SPEC 10
 * "Delivery" and 11): the body SPEC 6 gives each status, a token renewed on a 401, Retry-After honoured, 5xx retried,
 * refusals final and recorded, a newer command superseding one still waiting.
 */
class TalkdeskDeliveryTest {

    private RunningService service;
    private TalkdeskStandIn talkdesk;

    @BeforeEach
    void start() {
        service = RunningService.start();
        talkdesk = service.talkdesk;
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void each_command_is_put_with_the_body_its_status_sends() {
        service.omniPicks("maria", "Chat_Only");
        awaitAccepted(1);
        service.omniPicks("maria", "Training");
        awaitAccepted(2);
        service.omniPicks("maria", "Available_for_Calls");

        List<RecordedPut> puts = awaitAccepted(3);
        assertThat(puts).extracting(RecordedPut::talkdeskUserId).containsOnly("td-1001");
        assertThat(puts)
                .extracting(RecordedPut::presence)
                .containsExactly(
                        PresenceBody.of("away", "chat_only"), // a custom BUSY status: away, with its id
                        PresenceBody.of("away", "tr-7"), // its own presence
                        PresenceBody.of("available")); // a built-in sends its name
        await().atMost(Duration.ofSeconds(5))
                .until(() -> service.agent("maria").path("pendingCommands").asInt() == 0);
    }

    @Test
    void a_401_renews_the_token_once_and_the_command_goes_through() {
        service.omniPicks("maria", "Chat_Only");
        awaitAccepted(1);
        talkdesk.unauthorizedOnceFor("td-1001");

        service.omniPicks("maria", "Training");

        awaitAccepted(2);
        assertThat(talkdesk.puts()).extracting(RecordedPut::answeredWith).containsExactly(204, 401, 204);
        assertThat(talkdesk.tokenRequests()).isEqualTo(2);
    }

    @Test
    void a_429_is_tried_again_no_sooner_than_its_retry_after() {
        talkdesk.tooManyRequestsFor("td-1001", Duration.ofSeconds(2));
        service.omniPicks("maria", "Chat_Only");
        await().atMost(Duration.ofSeconds(5)).until(() -> !talkdesk.puts().isEmpty());
        long firstSeen = System.nanoTime();
        talkdesk.healthy();

        JsonNode pending = json(service.admin("GET", "/api/pending", null)).path("pending");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).path("lastError").asText()).contains("429");

        awaitAccepted(1);
        Duration waited = Duration.ofNanos(System.nanoTime() - firstSeen);
        // without Retry-After the standard backoff would have tried again after 200 ms
        assertThat(waited).isGreaterThan(Duration.ofMillis(1700));
        assertThat(talkdesk.puts()).extracting(RecordedPut::answeredWith).containsExactly(429, 204);
    }

    @Test
    void a_5xx_is_retried_with_backoff_until_talkdesk_is_back() {
        talkdesk.unavailableFor("td-1001");
        service.omniPicks("maria", "Chat_Only");
        await().atMost(Duration.ofSeconds(10)).until(() -> talkdesk.puts().size() >= 3);
        assertThat(service.get("/metrics").body())
                .containsPattern("omnisync_commands_failed_total\\{vendor=\"talkdesk\"} [3-9]");

        talkdesk.healthy();

        List<RecordedPut> accepted = awaitAccepted(1);
        assertThat(accepted.get(0).presence()).isEqualTo(PresenceBody.of("away", "chat_only"));
        assertThat(talkdesk.puts())
                .allSatisfy(put -> assertThat(put.answeredWith()).isIn(503, 204));
    }

    @Test
    void a_refusal_is_final_and_reaches_the_audit_trail() {
        talkdesk.refuseFor("td-1001", 409, "agent_busy", "the agent is on a call");

        service.omniPicks("maria", "Chat_Only");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> service.auditReasons("maria").contains("refused:REFUSED"));
        JsonNode refused =
                last(json(service.admin("GET", "/api/agents/maria/audit", null)).path("facts"));
        assertThat(refused.path("message").asText()).contains("409", "agent_busy", "the agent is on a call");
        assertThat(json(service.admin("GET", "/api/pending", null)).path("pending"))
                .isEmpty();
        assertThat(talkdesk.puts()).hasSize(1);
        assertThat(service.get("/metrics").body()).contains("omnisync_commands_refused_total{vendor=\"talkdesk\"} 1.0");
    }

    @Test
    void a_newer_command_supersedes_one_still_waiting() {
        talkdesk.unavailableFor("td-1001");
        service.omniPicks("maria", "Chat_Only");
        await().atMost(Duration.ofSeconds(5)).until(() -> !talkdesk.puts().isEmpty());
        service.omniPicks("maria", "Training");
        talkdesk.healthy();

        List<RecordedPut> accepted = awaitAccepted(1);

        assertThat(accepted.get(0).presence()).isEqualTo(PresenceBody.of("away", "tr-7"));
        assertThat(service.auditReasons("maria")).contains("superseded:SUPERSEDED");
    }

    private List<RecordedPut> awaitAccepted(int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> talkdesk.acceptedPuts().size() >= count);
        return talkdesk.acceptedPuts();
    }

    private static JsonNode last(JsonNode facts) {
        return facts.get(facts.size() - 1);
    }
}
