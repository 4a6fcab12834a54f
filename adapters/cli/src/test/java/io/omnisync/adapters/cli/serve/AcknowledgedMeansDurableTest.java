package io.omnisync.adapters.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.talkdesk.PresenceBody;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn.RecordedPut;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 10, "acknowledged means durable": {@code serve} takes events while Talkdesk answers 503, is killed (SIGKILL)
 * after the 202s, and is started again on the same SQLite file with Talkdesk back. Every command those events decided
 * reaches Talkdesk, once, and the echoes Talkdesk then reports are recognised as echoes: no command for them.
 */
class AcknowledgedMeansDurableTest {

    private static final int AGENTS = 4;

    @TempDir
    Path folder;

    @Test
    void every_command_decided_before_a_sigkill_is_sent_after_the_restart_and_none_for_an_echo() throws IOException {
        try (TalkdeskStandIn talkdesk = TalkdeskStandIn.start()) {
            Path config = Files.writeString(folder.resolve("c.json"), configuration(talkdesk));
            String secrets = ServeProcess.secretsFile(folder, TalkdeskStandIn.CLIENT_ID, TalkdeskStandIn.CLIENT_SECRET)
                    .toString();
            String[] arguments = {
                "--config", config.toString(), "--secrets", secrets, "--store", "state.db", "--port", "0"
            };
            talkdesk.unavailable();

            List<String> decided;
            try (ServeProcess first = ServeProcess.start(folder, arguments)) {
                int port = first.awaitListening();
                Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
                List<Integer> answers = new ArrayList<>();
                for (int i = 1; i <= AGENTS; i++) {
                    String user = "{\"user_id\":\"td-" + i + "\"}";
                    // a call and its wrap-up: back to the status before the call, Chat Only, on both sides
                    answers.add(post(first, port, "call-" + i, "call.started", at.plusSeconds(1), user));
                    answers.add(post(first, port, "hangup-" + i, "call.ended", at.plusSeconds(2), user));
                    answers.add(post(first, port, "wrapup-" + i, "wrapup.ended", at.plusSeconds(3), user));
                }
                assertThat(answers).containsOnly(202);
                assertThat(talkdesk.acceptedPuts()).isEmpty();
                decided = pending(first, port, "talkdesk");
                assertThat(decided)
                        .as("the Talkdesk commands the outbox holds when the process is killed")
                        .containsExactlyInAnyOrder(
                                "agent-1 chat_only", "agent-2 chat_only", "agent-3 chat_only", "agent-4 chat_only");

                first.kill();
            }

            talkdesk.healthy();
            try (ServeProcess second = ServeProcess.start(folder, arguments)) {
                int port = second.awaitListening();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> pending(second, port, "talkdesk").isEmpty());
                List<RecordedPut> accepted = talkdesk.acceptedPuts();
                assertThat(accepted)
                        .as("each command once")
                        .extracting(RecordedPut::talkdeskUserId)
                        .containsExactlyInAnyOrder("td-1", "td-2", "td-3", "td-4");
                assertThat(accepted)
                        .extracting(RecordedPut::presence)
                        .containsOnly(PresenceBody.of("away", "chat_only"));

                // Talkdesk reports each change it was asked for, as it reports every change: echoes
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                for (int i = 1; i <= AGENTS; i++) {
                    assertThat(post(
                                    second,
                                    port,
                                    "echo-" + i,
                                    "agent.status_changed",
                                    now,
                                    "{\"user_id\":\"td-" + i + "\",\"status\":\"chat_only\"}"))
                            .isEqualTo(202);
                    List<String> trail = auditReasons(second, port, "agent-" + i);
                    assertThat(trail.get(trail.size() - 1)).isEqualTo("skipped:ECHO");
                }
                assertThat(pending(second, port, "talkdesk")).isEmpty();
                assertThat(talkdesk.acceptedPuts()).hasSize(AGENTS);
                assertThat(second.err())
                        .as("SPEC 11's start-up check: the account (the stand-in's has none) lacks a custom status")
                        .anySatisfy(line -> assertThat(line).contains("'training'", "'tr-7'", "does not have"));

                second.terminate();
                assertThat(second.awaitExit()).isZero();
            }
        }
    }

    static int post(ServeProcess serve, int port, String id, String type, Instant at, String data) {
        return serve.postSignedWebhook(
                        port,
                        "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurred_at\":\"" + at + "\",\"data\":"
                                + data + "}")
                .statusCode();
    }

    /** {@code GET /api/pending}: the commands for {@code system}, as "agent status". */
    static List<String> pending(ServeProcess serve, int port, String system) {
        List<String> commands = new ArrayList<>();
        ServeProcess.json(serve.get(port, "/api/pending", "Bearer " + ServeProcess.ADMIN_TOKEN)
                        .body())
                .path("pending")
                .forEach(command -> {
                    if (command.path("system").asText().equals(system)) {
                        commands.add(command.path("agent").asText() + " "
                                + command.path("status").asText());
                    }
                });
        return commands;
    }

    /** {@code GET /api/agents/{id}/audit}: "kind:reason" of each fact, oldest first. */
    static List<String> auditReasons(ServeProcess serve, int port, String agent) {
        List<String> reasons = new ArrayList<>();
        JsonNode facts = ServeProcess.json(
                        serve.get(port, "/api/agents/" + agent + "/audit", "Bearer " + ServeProcess.ADMIN_TOKEN)
                                .body())
                .path("facts");
        facts.forEach(fact -> reasons.add(
                fact.path("kind").asText() + ":" + fact.path("reason").asText()));
        return reasons;
    }

    private static String configuration(TalkdeskStandIn talkdesk) {
        return configuration(talkdesk, AGENTS);
    }

    /**
     * The contact center with return to the previous status on, and {@code agents} agents (agent-N, Talkdesk user
     * td-N) in Chat Only on both sides: a call and its wrap-up decide one Talkdesk command each, chat_only.
     */
    static String configuration(TalkdeskStandIn talkdesk, int agentCount) {
        ObjectNode configuration = (ObjectNode) ServeProcess.json(ServeStartupTest.configurationText(
                talkdesk.endpoints().apiBaseUrl().toString(),
                talkdesk.endpoints().tokenUrl().toString()));
        ((ObjectNode) configuration.path("integration")).put("returnToPreviousStatusAfterCall", true);
        ArrayNode agents = configuration.putArray("agents");
        for (int i = 1; i <= agentCount; i++) {
            agents.addObject()
                    .put("id", "agent-" + i)
                    .put("talkdeskUserId", "td-" + i)
                    .put("salesforceUserId", String.format("0055e00000%05dAAA", i))
                    .put("profile", "Contact_Center_Agent")
                    .put("talkdeskStatus", "chat_only")
                    .put("omniStatus", "Chat_Only")
                    .putArray("permissionSets")
                    .add("Chat_Team");
        }
        return configuration.toPrettyString();
    }
}
