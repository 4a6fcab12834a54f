package io.omnisync.adapters.service.admin;

import static io.omnisync.adapters.service.RunningService.json;
import static io.omnisync.adapters.service.RunningService.newEventId;
import static io.omnisync.adapters.service.RunningService.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.service.RunningService;
import io.omnisync.adapters.service.StreamReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API of SPEC 10.3 and the lead's two extensions, over real HTTP, one fresh service per test. */
class AdminApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningService service;

    @BeforeEach
    void start() {
        service = RunningService.start();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void agents_lists_what_the_engine_knows_of_each() {
        JsonNode agents = json(service.admin("GET", "/api/agents", null)).path("agents");

        assertThat(agents).hasSize(3);
        JsonNode maria = agents.get(0);
        assertThat(maria.path("agent").asText()).isEqualTo("maria");
        assertThat(maria.path("talkdesk").asText()).isEqualTo("available");
        assertThat(maria.path("omni").asText()).isEqualTo("Available_for_Calls");
        assertThat(maria.path("callPhase").asText()).isEqualTo("idle");
        assertThat(maria.path("pendingCommands").asInt()).isZero();
    }

    @Test
    void an_agents_audit_trail_is_its_latest_200_facts_oldest_first() {
        for (int i = 0; i < 210; i++) {
            service.clock.advance(Duration.ofSeconds(1));
            service.postSignedWebhook(
                    statusChanged("many-" + i, "td-1002", i % 2 == 0 ? "lunch" : "away", service.clock.instant()));
        }

        HttpResponse<String> answer = service.admin("GET", "/api/agents/joao/audit", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode facts = json(answer).path("facts");
        assertThat(facts).hasSize(200);
        JsonNode last = facts.get(199);
        assertThat(last.path("kind").asText()).isEqualTo("command");
        assertThat(last.path("reason").asText()).isEqualTo("MAPPING");
        assertThat(last.path("message").asText()).isEqualTo("Omni-Channel set to 'Away_from_Desk' (mapping)");
        Instant newest = Instant.parse(last.path("at").asText());
        assertThat(newest).isBeforeOrEqualTo(service.clock.instant());
        assertThat(Instant.parse(facts.get(0).path("at").asText())).isBeforeOrEqualTo(newest);
    }

    @Test
    void the_audit_trail_of_an_agent_nobody_configured_is_404() {
        HttpResponse<String> answer = service.admin("GET", "/api/agents/nobody/audit", null);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json(answer).path("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(json(answer).path("message").asText()).contains("nobody");
    }

    @Test
    void the_running_configuration_reads_as_the_configuration_file() {
        HttpResponse<String> answer = service.admin("GET", "/api/configuration", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode configuration = json(answer);
        assertThat(configuration.path("agents")).hasSize(3);
        assertThat(configuration.path("vendors").path("talkdesk").path("scopes"))
                .hasSize(3);
        assertThat(configuration.path("integration").path("omniChannelSync").asBoolean())
                .isTrue();
    }

    @Test
    void a_valid_replacement_is_applied_with_its_warnings() {
        ObjectNode replacement = running();
        ((ArrayNode) replacement.path("agents"))
                .addObject()
                .put("id", "rita")
                .put("talkdeskUserId", "td-1004")
                .put("salesforceUserId", "0055e000001RitaAAAA")
                .put("profile", "Contact_Center_Agent")
                .put("talkdeskStatus", "away")
                .put("omniStatus", "Away_from_Desk");
        ((ObjectNode) replacement.path("integration").path("omniToTalkdesk")).remove("Training");

        HttpResponse<String> answer = service.admin("PUT", "/api/configuration", replacement.toString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode problems = json(answer).path("problems");
        assertThat(problems)
                .isNotEmpty()
                .allSatisfy(
                        problem -> assertThat(problem.path("severity").asText()).isEqualTo("WARNING"));
        assertThat(problems.findValuesAsText("code")).contains("UNMAPPED_STATUS");
        assertThat(json(service.admin("GET", "/api/agents", null)).path("agents"))
                .extracting(agent -> agent.path("agent").asText())
                .contains("rita");
    }

    @Test
    void an_invalid_replacement_is_422_with_validates_objects_and_nothing_changes() {
        String before = service.admin("GET", "/api/configuration", null).body();
        ObjectNode replacement = running();
        ((ObjectNode) replacement.path("integration").path("talkdeskToOmni")).put("away", "Offline");

        HttpResponse<String> answer = service.admin("PUT", "/api/configuration", pretty(replacement));

        assertThat(answer.statusCode()).isEqualTo(422);
        JsonNode refusal = json(answer);
        assertThat(refusal.path("error").asText()).isEqualTo("INVALID_CONFIGURATION");
        JsonNode problem = first(refusal.path("problems"), "OFFLINE_AS_TARGET");
        assertThat(problem.path("severity").asText()).isEqualTo("ERROR");
        assertThat(problem.path("path").asText()).isEqualTo("integration.talkdeskToOmni.away");
        assertThat(problem.path("message").asText()).isNotBlank();
        assertThat(problem.path("line").asInt()).isPositive();
        assertThat(service.admin("GET", "/api/configuration", null).body()).isEqualTo(before);
    }

    @Test
    void a_replacement_the_service_could_not_run_is_422_missing_vendor_setting() {
        ObjectNode replacement = running();
        ((ObjectNode) replacement.path("omniChannel").path("presenceStatuses").get(1)).remove("salesforceId");
        replacement.remove("vendors");

        HttpResponse<String> answer = service.admin("PUT", "/api/configuration", pretty(replacement));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(json(answer).path("problems").findValuesAsText("path"))
                .contains("omniChannel.presenceStatuses[1].salesforceId", "vendors.talkdesk");
        List<String> errors = new ArrayList<>();
        json(answer).path("problems").forEach(problem -> {
            if (problem.path("severity").asText().equals("ERROR")) {
                errors.add(problem.path("code").asText());
            }
        });
        assertThat(errors).containsOnly("MISSING_VENDOR_SETTING");
    }

    @Test
    void an_unreadable_replacement_is_400_naming_the_line_and_field() {
        ObjectNode replacement = running();
        ((ObjectNode) replacement.path("talkdesk")).put("statusess", "typo");

        HttpResponse<String> answer = service.admin("PUT", "/api/configuration", pretty(replacement));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).path("error").asText()).isEqualTo("BAD_REQUEST");
        assertThat(json(answer).path("message").asText()).contains("statusess", "the request body:");
    }

    @Test
    void check_lists_every_problem_and_applies_nothing() {
        String before = service.admin("GET", "/api/configuration", null).body();
        ObjectNode draft = running();
        ((ObjectNode) draft.path("integration").path("talkdeskToOmni")).put("away", "Offline");
        ((ObjectNode) draft.path("integration")).put("returnToPreviousStatusAfterCall", true);
        ((ObjectNode) draft.path("talkdesk").path("preferences")).put("nextAgentStatus", true);

        HttpResponse<String> answer = service.admin("POST", "/api/configuration/check", pretty(draft));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).path("problems").findValuesAsText("code"))
                .contains("OFFLINE_AS_TARGET", "CONFLICTING_AFTER_CALL_SETTINGS");
        assertThat(service.admin("GET", "/api/configuration", null).body()).isEqualTo(before);

        HttpResponse<String> valid = service.admin("POST", "/api/configuration/check", before);
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(json(valid).path("problems").findValuesAsText("severity")).doesNotContain("ERROR");
        assertThat(service.admin("POST", "/api/configuration/check", "{\"agents\": [")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void sync_has_a_dry_run_a_business_hours_guard_and_force() {
        assertThat(service.admin("POST", "/api/sync", "{\"enabled\": false}").statusCode())
                .isEqualTo(200);
        service.postSignedWebhook(statusChanged(newEventId(), "td-1002", "lunch", service.clock.instant()));

        JsonNode plan = json(service.admin("POST", "/api/sync", "{\"enabled\": true, \"dryRun\": true}"));
        assertThat(plan.path("commands")).hasSize(1);
        JsonNode command = plan.path("commands").get(0);
        assertThat(command.path("kind").asText()).isEqualTo("command");
        assertThat(command.path("agent").asText()).isEqualTo("joao");
        assertThat(command.path("system").asText()).isEqualTo("omni");
        assertThat(command.path("status").asText()).isEqualTo("Lunch_Break");
        assertThat(plan.path("skipped").findValuesAsText("agent")).contains("maria", "ana");

        HttpResponse<String> guarded = service.admin("POST", "/api/sync", "{\"enabled\": true}");
        assertThat(guarded.statusCode()).isEqualTo(409);
        assertThat(json(guarded).path("error").asText()).isEqualTo("INSIDE_BUSINESS_HOURS");
        assertThat(json(guarded).path("message").asText()).isNotBlank();
        assertThat(settings().path("omniChannelSync").asBoolean()).isFalse();

        HttpResponse<String> forced =
                service.admin("POST", "/api/sync", "{\"enabled\": true, \"force\": true, \"dryRun\": false}");
        assertThat(forced.statusCode()).isEqualTo(200);
        assertThat(json(forced).path("settings").path("omniChannelSync").asBoolean())
                .isTrue();
        assertThat(service.agent("joao").path("pendingCommands").asInt()).isEqualTo(1);
    }

    @Test
    void sync_reads_its_body_strictly() {
        assertThat(message(service.admin("POST", "/api/sync", "{}"))).contains("'enabled'");
        assertThat(message(service.admin("POST", "/api/sync", "{\"enabled\": \"yes\"}")))
                .contains("'enabled'", "true or false");
        assertThat(message(service.admin("POST", "/api/sync", "{\"enabled\": true, \"forse\": true}")))
                .contains("'forse'");
        assertThat(message(service.admin("POST", "/api/sync", "[true]"))).contains("JSON object");
    }

    @Test
    void after_call_settings_change_at_once_and_never_both_on() {
        HttpResponse<String> on =
                service.admin("PATCH", "/api/settings", "{\"returnToPreviousStatusAfterCall\": true}");
        assertThat(on.statusCode()).isEqualTo(200);
        assertThat(json(on).path("settings")
                        .path("returnToPreviousStatusAfterCall")
                        .asBoolean())
                .isTrue();

        HttpResponse<String> conflict = service.admin("PATCH", "/api/settings", "{\"nextAgentStatus\": true}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).path("error").asText()).isEqualTo("CONFLICTING_AFTER_CALL_SETTINGS");
        assertThat(settings().path("nextAgentStatus").asBoolean()).isFalse();

        HttpResponse<String> swapped = service.admin(
                "PATCH", "/api/settings", "{\"returnToPreviousStatusAfterCall\": false, \"nextAgentStatus\": true}");
        assertThat(swapped.statusCode()).isEqualTo(200);
        assertThat(settings().path("returnToPreviousStatusAfterCall").asBoolean())
                .isFalse();
        assertThat(settings().path("nextAgentStatus").asBoolean()).isTrue();

        HttpResponse<String> both = service.admin(
                "PATCH", "/api/settings", "{\"returnToPreviousStatusAfterCall\": true, \"nextAgentStatus\": true}");
        assertThat(both.statusCode()).isEqualTo(409);
        assertThat(settings().path("returnToPreviousStatusAfterCall").asBoolean())
                .isFalse();
        assertThat(message(service.admin("PATCH", "/api/settings", "{}"))).contains("returnToPreviousStatusAfterCall");
    }

    @Test
    void a_rule_is_switched_without_a_save() {
        HttpResponse<String> enabled =
                service.admin("PATCH", "/api/rules/Full%20chat%20load%20blocks%20calls", "{\"enabled\": true}");

        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        assertThat(json(enabled).path("name").asText()).isEqualTo("Full chat load blocks calls");
        assertThat(json(enabled).path("enabled").asBoolean()).isTrue();
        assertThat(running()
                        .path("integration")
                        .path("presenceSyncRules")
                        .get(0)
                        .path("enabled")
                        .asBoolean())
                .isTrue();

        HttpResponse<String> unknown = service.admin("PATCH", "/api/rules/No%20such%20rule", "{\"enabled\": true}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(message(service.admin("PATCH", "/api/rules/Full%20chat%20load%20blocks%20calls", "{}")))
                .contains("'enabled'");
    }

    @Test
    void pending_lists_commands_a_vendor_has_not_answered_with_their_attempts() {
        service.talkdesk.unavailableFor("td-1001");
        service.omniPicks("maria", "Chat_Only");

        JsonNode pending = awaitPending(command -> command.path("attempts").asInt() >= 1);

        assertThat(pending.path("commandId").asText()).isNotBlank();
        assertThat(pending.path("agent").asText()).isEqualTo("maria");
        assertThat(pending.path("system").asText()).isEqualTo("talkdesk");
        assertThat(pending.path("status").asText()).isEqualTo("chat_only");
        assertThat(pending.path("lastError").asText()).contains("503");
        assertThat(service.agent("maria").path("pendingCommands").asInt()).isEqualTo(1);
    }

    @Test
    void the_stream_sends_each_agent_that_changes_and_the_settings() {
        try (StreamReader stream = StreamReader.open(
                service.client(), service.uri("/api/stream"), "Bearer " + RunningService.ADMIN_TOKEN)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(stream.headers().firstValue("Cache-Control")).contains("no-cache, no-transform");
            stream.awaitLine(": ping"::equals);

            service.postSignedWebhook(statusChanged(newEventId(), "td-1001", "lunch", service.clock.instant()));
            String maria = stream.awaitEvent("agent", data -> data.contains("\"maria\""));
            assertThat(read(maria).path("talkdesk").asText()).isEqualTo("lunch");
            assertThat(read(maria).has("pendingCommands")).isTrue();

            service.admin("PATCH", "/api/settings", "{\"returnToPreviousStatusAfterCall\": true}");
            String settings = stream.awaitEvent("settings", data -> data.contains("true"));
            assertThat(read(settings)
                            .path("settings")
                            .path("returnToPreviousStatusAfterCall")
                            .asBoolean())
                    .isTrue();
        }
    }

    @Test
    void an_unknown_api_path_is_404_json() {
        HttpResponse<String> answer = service.admin("GET", "/api/nothing-here", null);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json(answer).path("error").asText()).isEqualTo("NOT_FOUND");
    }

    private JsonNode awaitPending(java.util.function.Predicate<JsonNode> wanted) {
        List<JsonNode> found = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            found.clear();
            json(service.admin("GET", "/api/pending", null)).path("pending").forEach(found::add);
            return found.stream().anyMatch(wanted);
        });
        return found.stream().filter(wanted).findFirst().orElseThrow();
    }

    private JsonNode settings() {
        JsonNode configuration = running();
        return JSON.createObjectNode()
                .put(
                        "omniChannelSync",
                        configuration
                                .path("integration")
                                .path("omniChannelSync")
                                .asBoolean())
                .put(
                        "returnToPreviousStatusAfterCall",
                        configuration
                                .path("integration")
                                .path("returnToPreviousStatusAfterCall")
                                .asBoolean())
                .put(
                        "nextAgentStatus",
                        configuration
                                .path("talkdesk")
                                .path("preferences")
                                .path("nextAgentStatus")
                                .asBoolean());
    }

    private ObjectNode running() {
        return (ObjectNode) json(service.admin("GET", "/api/configuration", null));
    }

    private static JsonNode first(JsonNode problems, String code) {
        for (JsonNode problem : problems) {
            if (problem.path("code").asText().equals(code)) {
                return problem;
            }
        }
        throw new AssertionError("no " + code + " in " + problems);
    }

    private static String pretty(JsonNode node) {
        return node.toPrettyString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(json, e);
        }
    }

    private static String message(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(json(answer).path("error").asText()).isEqualTo("BAD_REQUEST");
        return json(answer).path("message").asText();
    }
}
