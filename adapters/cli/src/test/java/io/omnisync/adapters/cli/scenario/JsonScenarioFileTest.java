package io.omnisync.adapters.cli.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonScenarioFileTest {

    @TempDir
    Path temp;

    private JsonScenarioFile.Scenario read(String... lines) throws IOException {
        Path file = temp.resolve("day.jsonl");
        Files.writeString(file, String.join("\n", lines));
        return JsonScenarioFile.read(file);
    }

    @Test
    void every_line_type_reads_into_its_step() throws IOException {
        var scenario = read(
                "{\"type\":\"talkdesk.status\",\"agent\":\"maria\",\"status\":\"break\"}",
                "{\"type\":\"talkdesk.call.started\",\"agent\":\"maria\"}",
                "{\"type\":\"talkdesk.call.ended\",\"agent\":\"maria\"}",
                "{\"type\":\"talkdesk.wrapup.ended\",\"agent\":\"maria\",\"nextStatus\":\"break\"}",
                "{\"type\":\"omni.status\",\"agent\":\"maria\",\"status\":\"Offline\"}",
                "{\"type\":\"admin.sync\",\"enabled\":true,\"force\":true}",
                "{\"type\":\"admin.returnToPrevious\",\"enabled\":true}",
                "{\"type\":\"admin.nextAgentStatus\",\"enabled\":false}",
                "{\"type\":\"omni.workload\",\"agent\":\"maria\",\"workload\":3}",
                "{\"type\":\"omni.work.accepted\",\"agent\":\"maria\",\"channel\":\"Email\"}",
                "{\"type\":\"admin.rule\",\"name\":\"Full chat load blocks calls\",\"enabled\":false}");

        assertThat(scenario.error()).isEmpty();
        assertThat(scenario.steps())
                .extracting(step -> step.getClass().getSimpleName())
                .containsExactly(
                        "TalkdeskStatusPicked",
                        "CallStarted",
                        "CallEnded",
                        "WrapUpEnded",
                        "OmniStatusPicked",
                        "SyncToggled",
                        "ReturnToPreviousToggled",
                        "NextAgentStatusToggled",
                        "OmniWorkloadChanged",
                        "OmniWorkAccepted",
                        "RuleToggled");
        assertThat(scenario.steps().get(3))
                .isEqualTo(new ScenarioStep.WrapUpEnded(
                        4, Optional.empty(), Optional.empty(), "maria", Optional.of("break")));
        assertThat(scenario.steps().get(5))
                .isEqualTo(new ScenarioStep.SyncToggled(6, Optional.empty(), Optional.empty(), true, true));
        assertThat(scenario.steps().get(8))
                .isEqualTo(new ScenarioStep.OmniWorkloadChanged(9, Optional.empty(), Optional.empty(), "maria", 3));
    }

    @Test
    void ids_and_times_are_optional_on_every_line_and_blank_lines_are_skipped() throws IOException {
        var scenario = read(
                "",
                "{\"type\":\"talkdesk.call.started\",\"agent\":\"maria\",\"id\":\"td-9\","
                        + "\"at\":\"2026-01-06T09:00:00Z\"}",
                "   ");

        ScenarioStep step = scenario.steps().get(0);
        assertThat(step.line()).isEqualTo(2);
        assertThat(step.id()).contains("td-9");
        assertThat(step.at()).contains(Instant.parse("2026-01-06T09:00:00Z"));
        assertThat(step.agent()).contains("maria");
    }

    @Test
    void reading_stops_at_the_first_bad_line_keeping_what_came_before() throws IOException {
        var scenario = read(
                "{\"type\":\"talkdesk.call.started\",\"agent\":\"maria\"}",
                "{\"type\":\"talkdesk.teleport\",\"agent\":\"maria\"}",
                "{\"type\":\"talkdesk.call.ended\",\"agent\":\"maria\"}");

        assertThat(scenario.steps()).hasSize(1);
        assertThat(scenario.error()).hasValueSatisfying(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.message()).contains("talkdesk.teleport");
        });
    }

    @Test
    void malformed_json_unknown_fields_missing_and_ill_typed_fields_are_bad_lines() throws IOException {
        assertThat(read("{\"type\":").error().get().message()).startsWith("malformed JSON");
        assertThat(read("{\"type\":\"admin.sync\",\"enabled\":true,\"forse\":true}")
                        .error()
                        .get())
                .satisfies(error -> assertThat(error.path()).isEqualTo("forse"));
        assertThat(read("{\"type\":\"omni.status\",\"agent\":\"maria\"}")
                        .error()
                        .get()
                        .message())
                .contains("missing field 'status'");
        assertThat(read("{\"type\":\"omni.workload\",\"agent\":\"maria\",\"workload\":\"three\"}")
                        .error()
                        .get()
                        .message())
                .contains("whole number");
        assertThat(read("{\"type\":\"admin.sync\",\"enabled\":\"yes\"}")
                        .error()
                        .get()
                        .message())
                .contains("true or false");
        assertThat(read("{\"type\":\"talkdesk.call.started\",\"agent\":\"maria\",\"at\":\"tuesday\"}")
                        .error()
                        .get()
                        .message())
                .contains("ISO-8601");
        assertThat(read("[1,2]").error().get().message()).contains("one JSON object");
    }
}
