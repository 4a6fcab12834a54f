package io.omnisync.adapters.cli.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.cli.scenario.ScenarioStep.CallEnded;
import io.omnisync.adapters.cli.scenario.ScenarioStep.CallOffered;
import io.omnisync.adapters.cli.scenario.ScenarioStep.CallStarted;
import io.omnisync.adapters.cli.scenario.ScenarioStep.NextAgentStatusToggled;
import io.omnisync.adapters.cli.scenario.ScenarioStep.OmniPushTimedOut;
import io.omnisync.adapters.cli.scenario.ScenarioStep.OmniStatusPicked;
import io.omnisync.adapters.cli.scenario.ScenarioStep.OmniWorkAccepted;
import io.omnisync.adapters.cli.scenario.ScenarioStep.OmniWorkDeclined;
import io.omnisync.adapters.cli.scenario.ScenarioStep.OmniWorkloadChanged;
import io.omnisync.adapters.cli.scenario.ScenarioStep.ReturnToPreviousToggled;
import io.omnisync.adapters.cli.scenario.ScenarioStep.RuleToggled;
import io.omnisync.adapters.cli.scenario.ScenarioStep.StatusDeletedAtVendor;
import io.omnisync.adapters.cli.scenario.ScenarioStep.SyncToggled;
import io.omnisync.adapters.cli.scenario.ScenarioStep.TalkdeskStatusPicked;
import io.omnisync.adapters.cli.scenario.ScenarioStep.Vendor;
import io.omnisync.adapters.cli.scenario.ScenarioStep.WrapUpEnded;
import io.omnisync.adapters.configjson.ReadError;
import io.omnisync.domain.event.OmniReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scenario files (SPEC sections 7 and 9): one event a line, read until the first bad line. */
class ScenarioLinesTest {

    private static final Optional<String> NO_ID = Optional.empty();
    private static final Optional<Instant> NO_TIME = Optional.empty();

    private static JsonScenarioFile.Scenario scenario(String... lines) {
        return JsonScenarioFile.parse(String.join("\n", lines), "day.jsonl");
    }

    private static ScenarioStep only(String line) {
        JsonScenarioFile.Scenario scenario = scenario(line);
        assertThat(scenario.error()).isEmpty();
        assertThat(scenario.steps()).hasSize(1);
        return scenario.steps().get(0);
    }

    static Stream<Arguments> everyLineOfTheSpecification() {
        return Stream.of(
                Arguments.of(
                        "{\"type\":\"talkdesk.status\",\"agent\":\"maria\",\"status\":\"break\"}",
                        new TalkdeskStatusPicked(1, NO_ID, NO_TIME, "maria", "break")),
                Arguments.of(
                        "{\"type\":\"talkdesk.call.started\",\"agent\":\"maria\"}",
                        new CallStarted(1, NO_ID, NO_TIME, "maria")),
                Arguments.of(
                        "{\"type\":\"talkdesk.call.ended\",\"agent\":\"maria\"}",
                        new CallEnded(1, NO_ID, NO_TIME, "maria")),
                Arguments.of(
                        "{\"type\":\"talkdesk.wrapup.ended\",\"agent\":\"maria\"}",
                        new WrapUpEnded(1, NO_ID, NO_TIME, "maria", Optional.empty())),
                Arguments.of(
                        "{\"type\":\"talkdesk.wrapup.ended\",\"agent\":\"maria\",\"nextStatus\":\"break\"}",
                        new WrapUpEnded(1, NO_ID, NO_TIME, "maria", Optional.of("break"))),
                Arguments.of(
                        "{\"type\":\"omni.status\",\"agent\":\"maria\",\"status\":\"Online_Email\"}",
                        new OmniStatusPicked(1, NO_ID, NO_TIME, "maria", "Online_Email")),
                Arguments.of(
                        "{\"type\":\"omni.status\",\"agent\":\"maria\",\"status\":\"Offline\"}",
                        new OmniStatusPicked(1, NO_ID, NO_TIME, "maria", "Offline")),
                Arguments.of(
                        "{\"type\":\"omni.status\",\"agent\":\"maria\",\"status\":\"Break\",\"reason\":\"OmniPushTimeout\"}",
                        new OmniStatusPicked(
                                1, NO_ID, NO_TIME, "maria", "Break", Optional.of(OmniReason.PUSH_TIMEOUT))),
                Arguments.of(
                        "{\"type\":\"omni.status\",\"agent\":\"maria\",\"status\":\"Break\","
                                + "\"reason\":\"OmniManualStatusChange\"}",
                        new OmniStatusPicked(1, NO_ID, NO_TIME, "maria", "Break", Optional.of(OmniReason.MANUAL))),
                Arguments.of(
                        "{\"type\":\"omni.work.declined\",\"agent\":\"maria\"}",
                        new OmniWorkDeclined(1, NO_ID, NO_TIME, "maria")),
                Arguments.of(
                        "{\"type\":\"omni.push.timeout\",\"agent\":\"maria\"}",
                        new OmniPushTimedOut(1, NO_ID, NO_TIME, "maria")),
                Arguments.of(
                        "{\"type\":\"talkdesk.call.offered\",\"agent\":\"maria\"}",
                        new CallOffered(1, NO_ID, NO_TIME, "maria")),
                Arguments.of(
                        "{\"type\":\"talkdesk.status.deleted\",\"status\":\"lunch\"}",
                        new StatusDeletedAtVendor(1, NO_ID, NO_TIME, Vendor.TALKDESK, "lunch")),
                Arguments.of(
                        "{\"type\":\"omni.status.deleted\",\"status\":\"Break\"}",
                        new StatusDeletedAtVendor(1, NO_ID, NO_TIME, Vendor.OMNI, "Break")),
                Arguments.of(
                        "{\"type\":\"admin.sync\",\"enabled\":true}", new SyncToggled(1, NO_ID, NO_TIME, true, false)),
                Arguments.of(
                        "{\"type\":\"admin.sync\",\"enabled\":true,\"force\":true}",
                        new SyncToggled(1, NO_ID, NO_TIME, true, true)),
                Arguments.of(
                        "{\"type\":\"admin.returnToPrevious\",\"enabled\":true}",
                        new ReturnToPreviousToggled(1, NO_ID, NO_TIME, true)),
                Arguments.of(
                        "{\"type\":\"admin.nextAgentStatus\",\"enabled\":false}",
                        new NextAgentStatusToggled(1, NO_ID, NO_TIME, false)),
                Arguments.of(
                        "{\"type\":\"omni.workload\",\"agent\":\"maria\",\"workload\":3}",
                        new OmniWorkloadChanged(1, NO_ID, NO_TIME, "maria", 3)),
                Arguments.of(
                        "{\"type\":\"omni.work.accepted\",\"agent\":\"maria\",\"channel\":\"Email\"}",
                        new OmniWorkAccepted(1, NO_ID, NO_TIME, "maria", "Email")),
                Arguments.of(
                        "{\"type\":\"admin.rule\",\"name\":\"Full chat load blocks calls\",\"enabled\":false}",
                        new RuleToggled(1, NO_ID, NO_TIME, "Full chat load blocks calls", false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyLineOfTheSpecification")
    void every_line_of_the_specification_reads_into_its_step(String line, ScenarioStep expected) {
        assertThat(only(line)).isEqualTo(expected);
    }

    @Test
    void agent_lines_name_their_agent_and_admin_lines_none() {
        assertThat(only("{\"type\":\"omni.workload\",\"agent\":\"joao\",\"workload\":0}")
                        .agent())
                .contains("joao");
        assertThat(only("{\"type\":\"talkdesk.status\",\"agent\":\"ana\",\"status\":\"away\"}")
                        .agent())
                .contains("ana");
        assertThat(only("{\"type\":\"admin.sync\",\"enabled\":false}").agent()).isEmpty();
        assertThat(only("{\"type\":\"omni.status.deleted\",\"status\":\"Break\"}")
                        .agent())
                .isEmpty();
        assertThat(only("{\"type\":\"admin.rule\",\"name\":\"r\",\"enabled\":true}")
                        .agent())
                .isEmpty();
    }

    @Test
    void the_vendor_event_id_and_the_time_are_optional_on_every_line() {
        ScenarioStep step = only("{\"type\":\"admin.nextAgentStatus\",\"enabled\":true,\"id\":\"evt-1\","
                + "\"at\":\"2026-01-06T09:00:00Z\"}");

        assertThat(step.id()).contains("evt-1");
        assertThat(step.at()).contains(Instant.parse("2026-01-06T09:00:00Z"));
        assertThat(only("{\"type\":\"talkdesk.call.ended\",\"agent\":\"maria\",\"at\":\"2026-01-06T09:07:00.5+01:00\"}")
                        .at())
                .contains(Instant.parse("2026-01-06T08:07:00.5Z"));
    }

    @Test
    void blank_lines_are_skipped_and_each_step_keeps_the_line_it_came_from() {
        JsonScenarioFile.Scenario scenario = scenario(
                "",
                "{\"type\":\"talkdesk.call.started\",\"agent\":\"maria\"}",
                "   ",
                "\t",
                "{\"type\":\"talkdesk.call.ended\",\"agent\":\"maria\"}",
                "");

        assertThat(scenario.error()).isEmpty();
        assertThat(scenario.steps()).extracting(ScenarioStep::line).containsExactly(2, 5);
    }

    @Test
    void a_redelivered_line_reads_as_a_second_step_with_the_same_id() {
        JsonScenarioFile.Scenario scenario = scenario(
                "{\"type\":\"omni.status\",\"agent\":\"maria\",\"status\":\"Break\",\"id\":\"sf-7\"}",
                "{\"type\":\"omni.status\",\"agent\":\"maria\",\"status\":\"Break\",\"id\":\"sf-7\"}");

        assertThat(scenario.steps())
                .extracting(ScenarioStep::id)
                .containsExactly(Optional.of("sf-7"), Optional.of("sf-7"));
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of(
                        "malformed JSON", "{\"type\":\"talkdesk.call.started\",\"agent\":", 0, "", "malformed JSON"),
                Arguments.of(
                        "not an object", "[\"talkdesk.call.started\"]", 1, "", "a scenario line is one JSON object"),
                Arguments.of(
                        "an unknown type",
                        "{\"type\":\"talkdesk.teleport\",\"agent\":\"maria\"}",
                        2,
                        "type",
                        "unknown type 'talkdesk.teleport'; one of admin.nextAgentStatus, admin.returnToPrevious"),
                Arguments.of("no type", "{\"agent\":\"maria\"}", 0, "type", "missing field 'type'"),
                Arguments.of(
                        "an unknown field",
                        "{\"type\":\"admin.sync\",\"enabled\":true,\"forse\":true}",
                        37,
                        "forse",
                        "unknown field 'forse' for admin.sync (known: at, enabled, force, id, type)"),
                Arguments.of(
                        "a field of another type of line",
                        "{\"type\":\"talkdesk.call.started\",\"agent\":\"maria\"," + "\"status\":\"break\"}",
                        49,
                        "status",
                        "unknown field 'status' for talkdesk.call.started"),
                Arguments.of(
                        "a missing agent",
                        "{\"type\":\"talkdesk.call.started\"}",
                        0,
                        "agent",
                        "missing field 'agent' for talkdesk.call.started"),
                Arguments.of(
                        "a missing status",
                        "{\"type\":\"omni.status\",\"agent\":\"maria\"}",
                        0,
                        "status",
                        "missing field 'status' for omni.status"),
                Arguments.of(
                        "a missing toggle",
                        "{\"type\":\"admin.rule\",\"name\":\"r\"}",
                        0,
                        "enabled",
                        "missing field 'enabled' for admin.rule"),
                Arguments.of(
                        "a number as agent",
                        "{\"type\":\"talkdesk.call.ended\",\"agent\":7}",
                        31,
                        "agent",
                        "wrong type for 'agent': expected non-empty text, found the number 7"),
                Arguments.of(
                        "an empty status",
                        "{\"type\":\"talkdesk.status\",\"agent\":\"maria\",\"status\":\"\"}",
                        43,
                        "status",
                        "expected non-empty text, found the text \"\""),
                Arguments.of(
                        "text as a toggle",
                        "{\"type\":\"admin.sync\",\"enabled\":\"yes\"}",
                        22,
                        "enabled",
                        "wrong type for 'enabled': expected true or false, found the text \"yes\""),
                Arguments.of(
                        "text as a workload",
                        "{\"type\":\"omni.workload\",\"agent\":\"maria\",\"workload\":\"three\"}",
                        41,
                        "workload",
                        "expected a whole number of units, 0 or more, found the text \"three\""),
                Arguments.of(
                        "a negative workload",
                        "{\"type\":\"omni.workload\",\"agent\":\"maria\",\"workload\":-1}",
                        41,
                        "workload",
                        "found the number -1"),
                Arguments.of(
                        "a fractional workload",
                        "{\"type\":\"omni.workload\",\"agent\":\"maria\",\"workload\":1.5}",
                        41,
                        "workload",
                        "found the number 1.5"),
                Arguments.of(
                        "a reason Omni-Channel does not report",
                        "{\"type\":\"omni.status\",\"agent\":\"maria\",\"status\":\"Break\",\"reason\":\"PushTimeout\"}",
                        56,
                        "reason",
                        "wrong value for 'reason': expected one of OmniManualStatusChange, OmniToolkitStatusChange, "
                                + "OmniDeclineWork, OmniPushTimeout, OmniSupervisorStatusChange, OmniLoginStatusChange, "
                                + "found the text \"PushTimeout\""),
                Arguments.of(
                        "a reason on a line that takes none",
                        "{\"type\":\"omni.push.timeout\",\"agent\":\"maria\",\"reason\":\"OmniPushTimeout\"}",
                        45,
                        "reason",
                        "unknown field 'reason' for omni.push.timeout"),
                Arguments.of(
                        "a time that is not an instant",
                        "{\"type\":\"talkdesk.call.started\",\"agent\":\"maria\"," + "\"at\":\"tuesday\"}",
                        49,
                        "at",
                        "expected an ISO-8601 instant"),
                Arguments.of(
                        "a field written twice",
                        "{\"type\":\"admin.sync\",\"enabled\":true,\"enabled\":false}",
                        37,
                        "enabled",
                        "duplicate field 'enabled' at the top level"),
                Arguments.of(
                        "two events on one line",
                        "{\"type\":\"admin.sync\",\"enabled\":true} {\"type\":\"admin.sync\"}",
                        38,
                        "",
                        "unexpected content after the end of the JSON value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void a_bad_line_names_file_line_and_field_and_stops_the_reading_there(
            String kind, String bad, int column, String field, String message) {
        JsonScenarioFile.Scenario scenario = scenario(
                "{\"type\":\"talkdesk.call.started\",\"agent\":\"maria\"}",
                "",
                bad,
                "{\"type\":\"talkdesk.call.ended\",\"agent\":\"maria\"}");

        assertThat(scenario.steps()).containsExactly(new CallStarted(1, NO_ID, NO_TIME, "maria"));
        assertThat(scenario.error()).hasValueSatisfying(error -> {
            assertThat(error.file()).isEqualTo("day.jsonl");
            assertThat(error.line()).isEqualTo(3);
            if (column > 0) {
                assertThat(error.column()).as("column").isEqualTo(column);
            }
            assertThat(error.path()).as("field").isEqualTo(field);
            assertThat(error.message()).contains(message);
            assertThat(error.toString()).startsWith("day.jsonl:3");
        });
    }

    @Test
    void a_bad_line_reads_as_file_line_column_and_message() {
        ReadError error = scenario("{\"type\":\"admin.sync\",\"enabled\":true,\"forse\":true}")
                .error()
                .get();

        assertThat(error.toString())
                .isEqualTo(
                        "day.jsonl:1:37: unknown field 'forse' for admin.sync (known: at, enabled, force, id, type)");
    }

    @Test
    void a_scenario_file_that_cannot_be_opened_is_an_error_at_line_zero_with_no_step() {
        JsonScenarioFile.Scenario scenario = JsonScenarioFile.read(Path.of("no/such/day.jsonl"));

        assertThat(scenario.steps()).isEmpty();
        assertThat(scenario.error()).hasValueSatisfying(error -> {
            assertThat(error.line()).isZero();
            assertThat(error.toString()).startsWith("no/such/day.jsonl: cannot read the file");
        });
    }

    @Test
    void every_scenario_in_the_examples_folder_reads_to_the_end() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../../examples"))) {
            assertThat(files.filter(file -> file.toString().endsWith(".jsonl")))
                    .isNotEmpty()
                    .allSatisfy(file -> {
                        JsonScenarioFile.Scenario scenario = JsonScenarioFile.read(file);
                        assertThat(scenario.error()).as(file.toString()).isEmpty();
                        assertThat(scenario.steps()).as(file.toString()).isNotEmpty();
                    });
        }
    }
}
