package io.omnisync.adapters.service.console;

import static io.omnisync.adapters.service.RunningService.json;
import static io.omnisync.adapters.service.RunningService.newEventId;
import static io.omnisync.adapters.service.console.ConsoleClient.logout;
import static io.omnisync.adapters.service.console.ConsoleClient.result;
import static io.omnisync.adapters.service.console.ConsoleClient.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnisync.adapters.service.RunningService;
import io.omnisync.adapters.talkdesk.PresenceBody;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn.RecordedPut;
import io.omnisync.domain.agent.AgentId;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /console/events} over real HTTP (SPEC 10.2): each toolkit event reaches the engine and is answered 202
 * once committed; an echo is what the engine expects (the outstanding command's status, whichever of its echo and its
 * result comes first), never the toolkit's reason alone; a result settles the command, a refusal ends the wait for its
 * echo, and a command that is not the agent's is 404; a logout moves Omni to Offline unless another tab took over; a
 * malformed body is 400 naming the field and changes nothing.
 */
class ConsoleEventsTest {

    private static final String CHAT_ONLY = "0N5000000000002AAA";
    private static final String LUNCH_BREAK = "0N5000000000006AAA";

    private RunningService service;
    private ConsoleClient console;
    private String token;

    @BeforeEach
    void start() {
        service = RunningService.start();
        console = new ConsoleClient(service);
        token = Tokens.valid(Tokens.MARIA, service.clock.instant().plus(Duration.ofMinutes(30)));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    // ---- statusChanged ---------------------------------------------------------------------------

    @Test
    void a_status_picked_in_the_widget_is_synced_to_talkdesk_and_answered_202() {
        HttpResponse<String> answer =
                console.post(token, statusChanged(newEventId(), "Chat_Only", CHAT_ONLY, "OmniManualStatusChange"));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(json(answer).path("status").asText()).isEqualTo("accepted");
        assertThat(service.agent("maria").path("omni").asText())
                .as("committed before the answer")
                .isEqualTo("Chat_Only");
        assertThat(awaitTalkdeskPuts(1))
                .extracting(RecordedPut::presence)
                .containsExactly(PresenceBody.of("away", "chat_only"));
    }

    @Test
    void a_status_without_a_reason_is_a_manual_pick() {
        assertThat(console.post(token, statusChanged(newEventId(), "Chat_Only", CHAT_ONLY, null))
                        .statusCode())
                .isEqualTo(202);
        awaitTalkdeskPuts(1);
    }

    @Test
    void the_echo_of_the_outstanding_command_is_not_synced_back_and_settles_it() {
        String commandId = commandFromTalkdesk("lunch");

        HttpResponse<String> echo =
                console.post(token, statusChanged(newEventId(), "Lunch_Break", LUNCH_BREAK, "OmniToolkitStatusChange"));

        assertThat(echo.statusCode()).isEqualTo(202);
        assertThat(lastReason()).isEqualTo("skipped:ECHO");
        assertThat(service.parts.console.outstanding(AgentId.of("maria"))).isEmpty();
        assertThat(console.post(token, result(commandId, "accepted", null)).statusCode())
                .as("the result after its echo: the command is known, and settled")
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> service.agent("maria").path("pendingCommands").asInt() == 0);
        assertThat(service.talkdesk.puts()).isEmpty();
    }

    @Test
    void the_echo_after_the_result_is_still_an_echo() {
        String commandId = commandFromTalkdesk("lunch");

        assertThat(console.post(token, result(commandId, "accepted", null)).statusCode())
                .isEqualTo(202);
        assertThat(service.parts.console.outstanding(AgentId.of("maria"))).isEmpty();
        console.post(token, statusChanged(newEventId(), "Lunch_Break", LUNCH_BREAK, "OmniToolkitStatusChange"));

        assertThat(lastReason()).isEqualTo("skipped:ECHO");
        assertThat(service.talkdesk.puts()).isEmpty();
    }

    @Test
    void the_toolkit_reason_alone_is_no_echo_another_integration_setting_another_status_is_synced() {
        commandFromTalkdesk("lunch");

        console.post(token, statusChanged(newEventId(), "Chat_Only", CHAT_ONLY, "OmniToolkitStatusChange"));

        assertThat(service.auditReasons("maria")).doesNotContain("skipped:ECHO");
        assertThat(service.agent("maria").path("omni").asText()).isEqualTo("Chat_Only");
        assertThat(awaitTalkdeskPuts(1))
                .extracting(RecordedPut::presence)
                .containsExactly(PresenceBody.of("away", "chat_only"));
        assertThat(service.parts.console.outstanding(AgentId.of("maria")))
                .as("another status is no echo of the outstanding command: it still waits")
                .isPresent();
    }

    @Test
    void a_status_of_the_console_id_only_is_found_by_its_salesforce_id() {
        console.post(token, statusChanged(newEventId(), "Renamed_In_Salesforce", CHAT_ONLY.substring(0, 15), null));

        assertThat(service.agent("maria").path("omni").asText()).isEqualTo("Chat_Only");
    }

    @Test
    void a_status_the_configuration_does_not_have_is_acknowledged_and_recorded() {
        HttpResponse<String> answer =
                console.post(token, statusChanged(newEventId(), "Meeting", "0N5000000000099AAA", null));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(lastReason()).isEqualTo("skipped:UNKNOWN_STATUS");
        assertThat(service.agent("maria").path("omni").asText()).isEqualTo("Available_for_Calls");
    }

    @Test
    void an_event_posted_twice_is_applied_once() {
        String id = newEventId();
        String body = statusChanged(id, "Chat_Only", CHAT_ONLY, null);

        assertThat(console.post(token, body).statusCode()).isEqualTo(202);
        assertThat(console.post(token, body).statusCode()).isEqualTo(202);

        assertThat(lastReason()).isEqualTo("skipped:DUPLICATE");
        awaitTalkdeskPuts(1);
    }

    // ---- commandResult ---------------------------------------------------------------------------

    @Test
    void an_accepted_result_settles_the_command() {
        String commandId = commandFromTalkdesk("lunch");

        HttpResponse<String> answer = console.post(token, result(commandId, "accepted", null));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(service.parts.console.outstanding(AgentId.of("maria"))).isEmpty();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> service.agent("maria").path("pendingCommands").asInt() == 0);
        assertThat(service.auditReasons("maria")).doesNotContain("refused:REFUSED", "expired:EXPIRED");
    }

    @Test
    void a_refused_result_is_recorded_and_ends_the_wait_for_its_echo() {
        String commandId = commandFromTalkdesk("lunch");

        HttpResponse<String> answer = console.post(token, result(commandId, "refused", "OMNI_OFFLINE"));

        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode refusal = lastFact();
        assertThat(refusal.path("kind").asText()).isEqualTo("refused");
        assertThat(refusal.path("message").asText()).contains("OMNI_OFFLINE");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> service.agent("maria").path("pendingCommands").asInt() == 0);

        // the agent picks that status herself later: not an echo any more
        console.post(token, statusChanged(newEventId(), "Lunch_Break", LUNCH_BREAK, null));
        assertThat(lastReason()).isNotEqualTo("skipped:ECHO");
    }

    @Test
    void a_refusal_without_a_message_says_the_console_refused() {
        String commandId = commandFromTalkdesk("lunch");

        console.post(token, "{\"type\":\"commandResult\",\"commandId\":\"" + commandId + "\",\"result\":\"refused\"}");

        assertThat(lastFact().path("message").asText()).contains("refused by the agent's console");
    }

    @Test
    void a_result_for_a_command_that_is_not_the_agents_is_404() {
        String commandId = commandFromTalkdesk("lunch");
        String joaos = Tokens.valid(Tokens.JOAO, service.clock.instant().plusSeconds(600));

        assertNotFound(console.post(token, result("987654", "accepted", null)));
        assertNotFound(console.post(token, result("cmd-1", "accepted", null)));
        assertNotFound(console.post(joaos, result(commandId, "accepted", null)));

        assertThat(service.parts.console.outstanding(AgentId.of("maria"))).isPresent();
    }

    @Test
    void a_command_id_may_come_as_a_json_number() {
        String commandId = commandFromTalkdesk("lunch");

        assertThat(console.post(
                                token,
                                "{\"type\":\"commandResult\",\"commandId\":" + commandId + ",\"result\":\"accepted\"}")
                        .statusCode())
                .isEqualTo(202);
        assertThat(service.parts.console.outstanding(AgentId.of("maria"))).isEmpty();
    }

    // ---- logout, workload, work ------------------------------------------------------------------

    @Test
    void a_logout_puts_omni_offline_and_talkdesk_follows() {
        HttpResponse<String> answer = console.post(token, logout(newEventId(), "ManualLogout"));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(service.agent("maria").path("omni").asText()).isEqualTo("Offline");
        assertThat(awaitTalkdeskPuts(1)).extracting(RecordedPut::presence).containsExactly(PresenceBody.of("offline"));
    }

    @Test
    void a_logout_because_another_tab_took_over_is_recorded_and_changes_nothing() {
        for (String reason : List.of("DuplicateLogin", "DuplicateLoginInSameBrowser")) {
            HttpResponse<String> answer = console.post(token, logout(newEventId(), reason));

            assertThat(answer.statusCode()).isEqualTo(202);
            JsonNode fact = lastFact();
            assertThat(fact.path("reason").asText()).isEqualTo("UNCHANGED");
            assertThat(fact.path("status").asText()).contains(reason);
            assertThat(service.agent("maria").path("omni").asText()).isEqualTo("Available_for_Calls");
        }
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> service.talkdesk.puts().isEmpty());
    }

    @Test
    void workload_and_accepted_work_are_taken() {
        String workload = "{\"id\":\"" + newEventId() + "\",\"type\":\"workloadChanged\",\"configuredCapacity\":3,"
                + "\"previousWorkload\":0,\"newWorkload\":3,\"at\":\"" + Instant.now() + "\"}";
        String work = "{\"id\":\"" + newEventId() + "\",\"type\":\"workAccepted\",\"workId\":\"0Bz000000000001AAA\","
                + "\"channel\":\"Chat\",\"at\":\"" + Instant.now() + "\"}";

        assertThat(console.post(token, workload).statusCode()).isEqualTo(202);
        assertThat(console.post(token, work).statusCode()).isEqualTo(202);

        assertThat(service.get("/metrics").body())
                .contains("omnisync_events_received_total{source=\"console\",type=\"workloadChanged\"} 1.0")
                .contains("omnisync_events_received_total{source=\"console\",type=\"workAccepted\"} 1.0");
    }

    @Test
    void an_unknown_type_is_acknowledged_and_recorded() {
        String body = "{\"id\":\"" + newEventId() + "\",\"type\":\"omniChannelSomethingNew\",\"at\":\"" + Instant.now()
                + "\"}";

        assertThat(console.post(token, body).statusCode()).isEqualTo(202);
        assertThat(lastReason()).isEqualTo("skipped:UNKNOWN_EVENT_TYPE");
    }

    // ---- malformed bodies ------------------------------------------------------------------------

    @Test
    void a_malformed_body_is_400_naming_the_field_and_changes_nothing() {
        String at = Instant.now().toString();
        List<String> before = service.auditReasons("maria");
        assertBadRequest("{not json", "malformed JSON");
        assertBadRequest("[]", "JSON object");
        assertBadRequest("{\"id\":\"e1\",\"at\":\"" + at + "\"}", "'type' is missing");
        assertBadRequest("{\"type\":7}", "'type' must be a string");
        assertBadRequest(
                "{\"id\":\"e1\",\"type\":\"statusChanged\",\"statusId\":\"" + CHAT_ONLY + "\",\"at\":\"" + at + "\"}",
                "'statusApiName' is missing");
        assertBadRequest(
                "{\"type\":\"statusChanged\",\"statusApiName\":\"Chat_Only\",\"statusId\":\"" + CHAT_ONLY
                        + "\",\"at\":\"" + at + "\"}",
                "'id' is missing");
        assertBadRequest(
                "{\"id\":\"e1\",\"type\":\"statusChanged\",\"statusApiName\":\"Chat_Only\",\"statusId\":\"" + CHAT_ONLY
                        + "\",\"at\":\"yesterday\"}",
                "'at' must be an ISO-8601 time");
        assertBadRequest(
                "{\"id\":\"e1\",\"type\":\"statusChanged\",\"statusApiName\":\"Chat_Only\",\"statusId\":\"" + CHAT_ONLY
                        + "\",\"reason\":3,\"at\":\"" + at + "\"}",
                "'reason' must be a string");
        assertBadRequest(
                "{\"id\":\"e1\",\"type\":\"workloadChanged\",\"configuredCapacity\":3,\"previousWorkload\":0,"
                        + "\"newWorkload\":\"3\",\"at\":\"" + at + "\"}",
                "'newWorkload' must be a whole number");
        assertBadRequest(
                "{\"id\":\"e1\",\"type\":\"workAccepted\",\"workId\":\"w\",\"channel\":null,\"at\":\"" + at + "\"}",
                "'channel' is missing");
        assertBadRequest("{\"type\":\"commandResult\",\"commandId\":\"1\",\"result\":\"maybe\"}", "'result' must be");
        assertBadRequest("{\"type\":\"commandResult\",\"result\":\"accepted\"}", "'commandId' is missing");

        assertThat(service.agent("maria").path("omni").asText()).isEqualTo("Available_for_Calls");
        assertThat(service.auditReasons("maria")).isEqualTo(before);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A Talkdesk change that the engine turns into an Omni command for maria; its id once the console has it. */
    private String commandFromTalkdesk(String talkdeskStatus) {
        assertThat(service.postSignedWebhook(RunningService.statusChanged(
                                newEventId(), "td-1001", talkdeskStatus, service.clock.instant()))
                        .statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        service.parts.console.outstanding(AgentId.of("maria")).isPresent());
        return service.parts
                .console
                .outstanding(AgentId.of("maria"))
                .orElseThrow()
                .command()
                .toString();
    }

    private List<RecordedPut> awaitTalkdeskPuts(int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.talkdesk.acceptedPuts().size() >= count);
        return service.talkdesk.acceptedPuts();
    }

    private String lastReason() {
        List<String> reasons = service.auditReasons("maria");
        assertThat(reasons).isNotEmpty();
        return reasons.get(reasons.size() - 1);
    }

    private JsonNode lastFact() {
        JsonNode facts =
                json(service.admin("GET", "/api/agents/maria/audit", null)).path("facts");
        assertThat(facts.size()).isPositive();
        return facts.get(facts.size() - 1);
    }

    private static void assertNotFound(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json(answer).path("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(json(answer).path("message").asText()).contains("for this agent");
    }

    private void assertBadRequest(String body, String message) {
        HttpResponse<String> answer = console.post(token, body);
        assertThat(answer.statusCode()).as(body).isEqualTo(400);
        assertThat(json(answer).path("error").asText()).isEqualTo("BAD_REQUEST");
        assertThat(json(answer).path("message").asText()).as(body).contains(message);
    }
}
