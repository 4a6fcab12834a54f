package io.omnisync.adapters.service.console;

import static io.omnisync.adapters.service.RunningService.newEventId;
import static io.omnisync.adapters.service.RunningService.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnisync.adapters.service.RunningService;
import io.omnisync.adapters.service.StreamReader;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.status.PresenceStatusId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /console/commands} over real HTTP, read line by line as the bridge's fetch reader reads it (SPEC 10.2):
 * its headers and first ping, one event per command with the agent's one outstanding command (the latest) sent on
 * connect and whenever it changes, a newer stream replacing the older, nothing missed across a reconnection, a command
 * that expires after 60 s without a console, and a stream that ends when its token does. The service's clock is
 * moved, never waited for.
 */
class ConsoleStreamTest {

    private static final String LUNCH_BREAK = "0N5000000000006AAA";
    private static final String TRAINING = "0N5000000000007AAA";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningService service;
    private ConsoleClient console;

    @BeforeEach
    void start() {
        service = RunningService.start();
        console = new ConsoleClient(service);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void the_stream_is_an_uncompressed_event_stream_that_pings_at_once() {
        try (StreamReader stream = console.stream(token(Tokens.MARIA))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(stream.headers().firstValue("Cache-Control")).hasValue("no-cache, no-transform");
            assertThat(stream.headers().firstValue("X-Accel-Buffering")).hasValue("no");
            assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();

            stream.awaitLine(line -> line.equals(": ping"));
            assertThat(stream.lines().get(0)).isEqualTo(": ping");
        }
    }

    @Test
    void a_command_is_one_event_with_its_id_type_and_one_compact_data_line() {
        try (StreamReader stream = console.stream(token(Tokens.MARIA))) {
            stream.awaitLine(": ping"::equals);

            talkdeskSets("td-1001", "lunch");

            String data = stream.awaitEvent("setPresenceStatus", any -> true);
            JsonNode command = parse(data);
            assertThat(data).doesNotContain(" ").doesNotContain("\n");
            assertThat(fieldNames(command)).containsExactly("commandId", "statusId", "statusApiName");
            assertThat(command.path("statusId").asText()).isEqualTo(LUNCH_BREAK);
            assertThat(command.path("statusApiName").asText()).isEqualTo("Lunch_Break");
            List<String> lines = stream.lines();
            int event = lines.indexOf("event: setPresenceStatus");
            assertThat(lines.get(event - 1))
                    .isEqualTo("id: " + command.path("commandId").asText());
            assertThat(lines.get(event + 1)).isEqualTo("data: " + data);
            assertThat(lines.get(event + 2)).isEmpty();
            assertThat(service.parts.console.outstanding(AgentId.of("maria")))
                    .hasValueSatisfying(
                            outstanding -> assertThat(outstanding.command().toString())
                                    .isEqualTo(command.path("commandId").asText()));
        }
    }

    @Test
    void the_outstanding_command_waits_for_the_console_and_is_sent_when_it_connects() {
        talkdeskSets("td-1001", "lunch");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        service.parts.console.outstanding(AgentId.of("maria")).isPresent());

        try (StreamReader stream = console.stream(token(Tokens.MARIA))) {
            JsonNode command = parse(stream.awaitEvent("setPresenceStatus", any -> true));
            assertThat(command.path("statusApiName").asText()).isEqualTo("Lunch_Break");
            assertThat(stream.lines().get(0)).isEqualTo(": ping");
        }
    }

    @Test
    void a_console_that_reconnects_misses_nothing_the_outstanding_command_is_sent_again() {
        String commandId;
        try (StreamReader first = console.stream(token(Tokens.MARIA))) {
            talkdeskSets("td-1001", "lunch");
            commandId = parse(first.awaitEvent("setPresenceStatus", any -> true))
                    .path("commandId")
                    .asText();
        }
        // the console dropped before it could post the result

        try (StreamReader again = console.stream(token(Tokens.MARIA))) {
            JsonNode resent = parse(again.awaitEvent("setPresenceStatus", any -> true));
            assertThat(resent.path("commandId").asText()).isEqualTo(commandId);
            assertThat(again.lines()).contains("id: " + commandId);
        }
    }

    @Test
    void a_settled_command_is_not_sent_again_on_the_next_connection() {
        String commandId;
        try (StreamReader first = console.stream(token(Tokens.MARIA))) {
            talkdeskSets("td-1001", "lunch");
            commandId = parse(first.awaitEvent("setPresenceStatus", any -> true))
                    .path("commandId")
                    .asText();
            assertThat(console.post(token(Tokens.MARIA), ConsoleClient.result(commandId, "accepted", null))
                            .statusCode())
                    .isEqualTo(202);
        }

        try (StreamReader again = console.stream(token(Tokens.MARIA))) {
            again.awaitLine(": ping"::equals);
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> !again.lines().contains("event: setPresenceStatus"));
        }
    }

    @Test
    void the_next_command_is_sent_on_the_open_stream_once_the_first_is_settled() {
        try (StreamReader stream = console.stream(token(Tokens.MARIA))) {
            talkdeskSets("td-1001", "lunch");
            String first = parse(stream.awaitEvent("setPresenceStatus", any -> true))
                    .path("commandId")
                    .asText();
            talkdeskSets("td-1001", "training");
            console.post(token(Tokens.MARIA), ConsoleClient.result(first, "accepted", null));

            JsonNode second = parse(stream.awaitEvent("setPresenceStatus", data -> data.contains(TRAINING)));

            assertThat(second.path("commandId").asText()).isNotEqualTo(first);
            assertThat(second.path("statusApiName").asText()).isEqualTo("Training");
        }
    }

    @Test
    void a_new_stream_replaces_the_old_which_is_told_and_closed() {
        try (StreamReader old = console.stream(token(Tokens.MARIA))) {
            old.awaitLine(": ping"::equals);
            talkdeskSets("td-1001", "lunch");
            old.awaitEvent("setPresenceStatus", any -> true);

            try (StreamReader newer = console.stream(token(Tokens.MARIA))) {
                assertThat(old.awaitEvent("replaced", any -> true)).isEqualTo("{}");
                old.awaitEnd();
                assertThat(newer.hasEnded()).isFalse();
                newer.awaitEvent("setPresenceStatus", data -> data.contains(LUNCH_BREAK));
                await().atMost(Duration.ofSeconds(5)).until(() -> service.parts.console.openStreams() == 1);
            }
        }
    }

    @Test
    void one_agents_token_never_reads_another_agents_commands() {
        try (StreamReader joao = console.stream(token(Tokens.JOAO));
                StreamReader maria = console.stream(token(Tokens.MARIA))) {
            talkdeskSets("td-1001", "lunch");

            String marias = maria.awaitEvent("setPresenceStatus", any -> true);
            String commandId = parse(marias).path("commandId").asText();

            assertThat(joao.hasEnded()).isFalse();
            assertThat(joao.lines()).doesNotContain("event: setPresenceStatus", "event: replaced");
            assertThat(console.post(token(Tokens.JOAO), ConsoleClient.result(commandId, "accepted", null))
                            .statusCode())
                    .as("joao's console cannot settle maria's command")
                    .isEqualTo(404);
            assertThat(service.parts.console.outstanding(AgentId.of("maria"))).isPresent();
        }
    }

    @Test
    void a_command_no_console_settles_within_60_seconds_expires_and_the_engine_stops_waiting_for_its_echo() {
        talkdeskSets("td-1001", "lunch");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        service.parts.console.outstanding(AgentId.of("maria")).isPresent());

        service.clock.advance(Duration.ofSeconds(50));
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3))
                .until(() ->
                        service.parts.console.outstanding(AgentId.of("maria")).isPresent());
        service.clock.advance(Duration.ofSeconds(11));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.auditReasons("maria").contains("expired:EXPIRED"));
        assertThat(service.parts.console.outstanding(AgentId.of("maria"))).isEmpty();
        assertThat(service.get("/metrics").body()).contains("omnisync_commands_expired_total{vendor=\"omni\"} 1.0");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> service.agent("maria").path("pendingCommands").asInt() == 0);

        // the agent now picks that status herself: no longer the echo of Omnisync's command
        console.post(
                token(Tokens.MARIA),
                ConsoleClient.statusChanged(newEventId(), "Lunch_Break", LUNCH_BREAK, "OmniManualStatusChange"));
        List<String> reasons = service.auditReasons("maria");
        assertThat(reasons.get(reasons.size() - 1)).isNotEqualTo("skipped:ECHO");
    }

    @Test
    void a_command_decided_a_while_ago_waits_for_a_console_only_what_is_left_of_its_60_seconds() {
        Agent maria =
                service.parts.agents.configuration().agent(AgentId.of("maria")).get();
        Instant decided = service.clock.instant().minusSeconds(50);

        service.parts.console.setPresenceStatus(
                CommandId.of(4_242), maria, PresenceStatusId.of("Lunch_Break"), decided);
        service.clock.advance(Duration.ofSeconds(5));
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3))
                .until(() ->
                        service.parts.console.outstanding(AgentId.of("maria")).isPresent());
        service.clock.advance(Duration.ofSeconds(6));

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        service.parts.console.outstanding(AgentId.of("maria")).isEmpty());
    }

    @Test
    void a_command_sent_to_a_connected_console_expires_too_when_it_never_answers() {
        try (StreamReader stream = console.stream(token(Tokens.MARIA))) {
            talkdeskSets("td-1001", "lunch");
            stream.awaitEvent("setPresenceStatus", any -> true);

            service.clock.advance(Duration.ofSeconds(61));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> service.auditReasons("maria").contains("expired:EXPIRED"));
        }
    }

    @Test
    void the_stream_closes_when_its_token_expires() {
        Instant expiry = service.clock.instant().plusSeconds(120);
        try (StreamReader stream = console.stream(Tokens.valid(Tokens.MARIA, expiry))) {
            stream.awaitLine(": ping"::equals);
            service.clock.advance(Duration.ofSeconds(100));
            await().during(Duration.ofMillis(1500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> !stream.hasEnded());

            service.clock.advance(Duration.ofSeconds(21));

            stream.awaitEnd();
            await().atMost(Duration.ofSeconds(5)).until(() -> service.parts.console.openStreams() == 0);
        }
    }

    @Test
    void open_streams_are_counted_in_the_metrics() {
        Instant soon = service.clock.instant().plusSeconds(60);
        try (StreamReader maria = console.stream(token(Tokens.MARIA));
                StreamReader joao = console.stream(Tokens.valid(Tokens.JOAO, soon))) {
            maria.awaitLine(": ping"::equals);
            joao.awaitLine(": ping"::equals);
            assertThat(service.get("/metrics").body()).contains("omnisync_console_streams_open 2.0");

            service.clock.advance(Duration.ofSeconds(61));
            joao.awaitEnd();

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> service.get("/metrics").body().contains("omnisync_console_streams_open 1.0"));
        }
    }

    @Test
    void the_stream_is_pinged_again_within_15_seconds() {
        try (StreamReader stream = console.stream(token(Tokens.MARIA))) {
            stream.awaitLine(": ping"::equals);
            long opened = System.nanoTime();

            await().atMost(Duration.ofSeconds(17))
                    .until(() ->
                            stream.lines().stream().filter(": ping"::equals).count() >= 2);

            assertThat(Duration.ofNanos(System.nanoTime() - opened)).isLessThanOrEqualTo(Duration.ofSeconds(16));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private String token(String salesforceUserId) {
        return Tokens.valid(salesforceUserId, service.clock.instant().plus(Duration.ofMinutes(30)));
    }

    private void talkdeskSets(String user, String status) {
        assertThat(service.postSignedWebhook(statusChanged(newEventId(), user, status, service.clock.instant()))
                        .statusCode())
                .isEqualTo(202);
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + data, e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
