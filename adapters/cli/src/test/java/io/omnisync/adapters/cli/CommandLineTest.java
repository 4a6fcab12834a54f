package io.omnisync.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of SPEC section 8, driven through the picocli entry point on the examples and on broken inputs. */
class CommandLineTest {

    private static final Path EXAMPLES = Path.of("../../examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {
        List<JsonNode> lines() {
            return out.lines()
                    .filter(line -> !line.isBlank())
                    .map(line -> {
                        try {
                            return JSON.readTree(line);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.toList());
        }

        List<JsonNode> kind(String kind) {
            return lines().stream()
                    .filter(node -> node.path("kind").asText().equals(kind))
                    .collect(Collectors.toList());
        }
    }

    static Run omnisync(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OmnisyncCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path file(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void the_documented_configuration_is_valid_with_warnings_only() {
        Run run = omnisync(
                "validate", "--config", EXAMPLES.resolve("contact-center.json").toString());

        assertThat(run.exit()).isZero();
        assertThat(run.lines()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.path("severity").asText()).isEqualTo("WARNING");
            assertThat(problem.has("code")).isTrue();
            assertThat(problem.has("path")).isTrue();
            assertThat(problem.has("message")).isTrue();
        });
    }

    @Test
    void a_broken_configuration_lists_every_error_at_once_and_exits_1() {
        Run run =
                omnisync("validate", "--config", EXAMPLES.resolve("broken.json").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines())
                .extracting(problem -> problem.path("code").asText())
                .contains(
                        "MULTIPLE_URGENT_CHANNELS",
                        "CHANNELS_ON_BUSY_STATUS",
                        "RESERVED_STATUS_AS_TARGET",
                        "OFFLINE_AS_TARGET");
        assertThat(run.lines())
                .filteredOn(problem -> problem.path("code").asText().equals("OFFLINE_AS_TARGET"))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.path("path").asText()).isEqualTo("integration.talkdeskToOmni.offline");
                    assertThat(problem.path("line").asInt()).isEqualTo(19);
                });
    }

    @Test
    void an_unknown_field_is_unreadable_input_naming_file_line_and_field() throws IOException {
        Path config = file("typo.json", "{\n  \"talkdesk\": {\n    \"statusess\": []\n  }\n}\n");

        Run run = omnisync("validate", "--config", config.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("typo.json").contains(":3").contains("statusess");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void malformed_json_and_a_missing_file_are_unreadable_input() throws IOException {
        Run malformed = omnisync(
                "validate", "--config", file("bad.json", "{\n \"agents\": [ \n").toString());
        Run missing =
                omnisync("validate", "--config", temp.resolve("nowhere.json").toString());

        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains("bad.json");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere.json");
    }

    @Test
    void simulate_json_tells_commands_skips_refusals_and_the_final_state() {
        Run run = omnisync(
                "simulate",
                "--json",
                "--config",
                EXAMPLES.resolve("contact-center.json").toString(),
                "--scenario",
                EXAMPLES.resolve("guide-day.jsonl").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.kind("refused"))
                .extracting(refusal -> refusal.path("code").asText())
                .containsExactly("INSIDE_BUSINESS_HOURS", "CONFLICTING_AFTER_CALL_SETTINGS");
        assertThat(run.kind("command")).allSatisfy(command -> {
            assertThat(command.path("system").asText()).isIn("talkdesk", "omni");
            assertThat(command.path("status").asText()).isNotIn("Offline", "on_a_call", "after_call_work");
        });
        assertThat(run.kind("skipped"))
                .extracting(skip -> skip.path("reason").asText())
                .contains("OMNI_OFFLINE", "ALREADY_IN_STATUS");
        List<JsonNode> last = run.kind("final");
        assertThat(last).hasSize(1);
        assertThat(run.lines().get(run.lines().size() - 1).path("kind").asText())
                .isEqualTo("final");
        assertThat(last.get(0).path("agents")).anySatisfy(agent -> {
            assertThat(agent.path("agent").asText()).isEqualTo("joao");
            assertThat(agent.path("talkdesk").asText()).isEqualTo("away");
            assertThat(agent.path("omni").asText()).isEqualTo("On_a_Call");
        });
    }

    @Test
    void the_guides_return_to_previous_status_example_ends_online_and_available() throws IOException {
        Path scenario = file("guide.jsonl", """
                {"type":"admin.sync","enabled":true,"force":true}
                {"type":"admin.returnToPrevious","enabled":true}
                {"type":"talkdesk.call.started","agent":"maria"}
                {"type":"talkdesk.call.ended","agent":"maria"}
                {"type":"talkdesk.wrapup.ended","agent":"maria"}
                """);

        Run run = omnisync(
                "simulate",
                "--json",
                "--config",
                EXAMPLES.resolve("contact-center.json").toString(),
                "--scenario",
                scenario.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.kind("command"))
                .extracting(c -> c.path("agent").asText() + " "
                        + c.path("system").asText() + " " + c.path("status").asText())
                .containsSubsequence(
                        "maria omni On_a_Call", "maria omni After_Call_Work", "maria omni Available_for_Calls");
        assertThat(run.kind("final").get(0).path("agents")).anySatisfy(agent -> {
            assertThat(agent.path("agent").asText()).isEqualTo("maria");
            assertThat(agent.path("talkdesk").asText()).isEqualTo("available");
            assertThat(agent.path("omni").asText()).isEqualTo("Available_for_Calls");
        });
    }

    @Test
    void a_bad_scenario_line_stops_the_run_at_that_line_before_anything_is_applied() throws IOException {
        Path scenario = file("bad.jsonl", """
                {"type":"admin.sync","enabled":true,"force":true}
                {"type":"talkdesk.status","agent":"maria","status":"lunch"}
                {"type":"talkdesk.teleport","agent":"maria"}
                {"type":"talkdesk.status","agent":"maria","status":"away"}
                """);

        Run run = omnisync(
                "simulate",
                "--json",
                "--config",
                EXAMPLES.resolve("contact-center.json").toString(),
                "--scenario",
                scenario.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("bad.jsonl:3").contains("talkdesk.teleport");
        assertThat(run.out())
                .as("the whole scenario is checked before the engine starts")
                .isEmpty();
    }

    @Test
    void an_unknown_agent_in_a_scenario_is_bad_input_naming_the_line() throws IOException {
        Path scenario = file("ghost.jsonl", "{\"type\":\"talkdesk.status\",\"agent\":\"ghost\",\"status\":\"away\"}\n");

        Run run = omnisync(
                "simulate",
                "--config",
                EXAMPLES.resolve("contact-center.json").toString(),
                "--scenario",
                scenario.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("ghost.jsonl:1").contains("ghost");
    }

    @Test
    void simulate_with_an_invalid_configuration_exits_1() {
        Run run = omnisync(
                "simulate",
                "--config",
                EXAMPLES.resolve("broken.json").toString(),
                "--scenario",
                EXAMPLES.resolve("guide-day.jsonl").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("OFFLINE_AS_TARGET");
    }

    @Test
    void plan_lists_what_activation_would_do_and_sends_nothing() {
        Run run = omnisync(
                "plan",
                "--json",
                "--config",
                EXAMPLES.resolve("contact-center.json").toString());

        assertThat(run.exit()).isZero();
        assertThat(run.kind("command"))
                .extracting(
                        c -> c.path("agent").asText() + " " + c.path("status").asText())
                .containsExactly("joao Away_from_Desk");
        assertThat(run.kind("skipped"))
                .extracting(
                        s -> s.path("agent").asText() + " " + s.path("reason").asText())
                .containsExactly("maria CONSISTENT", "ana OMNI_OFFLINE");
    }

    @Test
    void the_demo_tells_the_guides_day() {
        Run run = omnisync("demo");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("maria answers a call")
                .contains("set maria to 'Available_for_Calls' in Omni-Channel (return to previous status after a call)")
                .contains("INSIDE_BUSINESS_HOURS");
    }

    @Test
    void simulated_faults_still_converge_to_the_same_final_state() {
        String config = EXAMPLES.resolve("contact-center.json").toString();
        String scenario = EXAMPLES.resolve("guide-day.jsonl").toString();

        Run reliable = omnisync("simulate", "--json", "--config", config, "--scenario", scenario);
        Run unreliable = omnisync("simulate", "--json", "--faults", "7", "--config", config, "--scenario", scenario);

        assertThat(unreliable.exit()).isZero();
        assertThat(unreliable.kind("final")).isEqualTo(reliable.kind("final"));
    }

    @Test
    void simulate_keeps_the_engine_state_in_a_store_file_when_asked() throws IOException {
        Path store = temp.resolve("omnisync.db");

        Run run = omnisync(
                "simulate",
                "--json",
                "--store",
                store.toString(),
                "--config",
                EXAMPLES.resolve("contact-center.json").toString(),
                "--scenario",
                EXAMPLES.resolve("return-after-call.jsonl").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.size(store)).isPositive();
        try (var sqlite = io.omnisync.adapters.jdbc.SqliteStores.open(
                store, new io.omnisync.adapters.configjson.JsonConfigurationCodec())) {
            assertThat(sqlite.find(io.omnisync.domain.agent.AgentId.of("maria"))
                            .get()
                            .talkdeskStatus()
                            .value())
                    .isEqualTo("chat_only");
            assertThat(sqlite.current().get().settings().returnToPreviousStatusAfterCall())
                    .isTrue();
        }
    }

    @Test
    void a_store_file_that_is_not_a_store_is_bad_input_and_left_untouched() throws IOException {
        Path notAStore = file("notes.db", "not a database");

        Run run = omnisync(
                "simulate",
                "--store",
                notAStore.toString(),
                "--config",
                EXAMPLES.resolve("contact-center.json").toString(),
                "--scenario",
                EXAMPLES.resolve("return-after-call.jsonl").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("notes.db").contains("not an Omnisync store");
        assertThat(Files.readString(notAStore)).isEqualTo("not a database");
    }
}
