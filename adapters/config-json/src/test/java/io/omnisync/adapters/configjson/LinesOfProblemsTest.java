package io.omnisync.adapters.configjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.omnisync.domain.configuration.ProblemCode;
import io.omnisync.domain.configuration.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each problem the domain reports comes back with the line of the file it is about (SPEC section 8). */
class LinesOfProblemsTest {

    private static final String FILE = "problems-on-known-lines.json";

    private static String resource(String name) {
        try (InputStream in = LinesOfProblemsTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LineIndex lines() {
        return JsonConfigurationFile.parse(resource(FILE), FILE).get().lines();
    }

    @Test
    void an_invalid_configuration_lists_every_problem_with_its_line_errors_first() {
        LoadedConfiguration loaded = ConfigurationLoader.load(resource(FILE), FILE);

        assertThat(loaded).isInstanceOfSatisfying(LoadedConfiguration.Invalid.class, invalid -> {
            assertThat(invalid.problems())
                    .extracting(LocatedProblem::code, LocatedProblem::path, LocatedProblem::line)
                    .contains(
                            tuple(ProblemCode.DUPLICATE_ID, "talkdesk.statuses[1].id", Optional.of(5)),
                            tuple(
                                    ProblemCode.MULTIPLE_URGENT_CHANNELS,
                                    "omniChannel.presenceStatuses[2].channels",
                                    Optional.of(17)),
                            tuple(ProblemCode.UNKNOWN_STATUS, "agents[0].profile", Optional.of(24)),
                            tuple(
                                    ProblemCode.UNKNOWN_STATUS,
                                    "integration.omniToTalkdesk.Away: lunch [break]",
                                    Optional.of(29)),
                            tuple(
                                    ProblemCode.RESERVED_STATUS_AS_TARGET,
                                    "integration.omniToTalkdesk.Away",
                                    Optional.of(30)),
                            tuple(
                                    ProblemCode.OFFLINE_AS_TARGET,
                                    "integration.talkdeskToOmni.offline",
                                    Optional.of(32)));
            assertThat(invalid.problems())
                    .allSatisfy(problem -> assertThat(problem.line()).isPresent());
            assertThat(invalid.problems().head().severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void a_located_problem_reads_as_file_line_severity_code_path_and_message() {
        LoadedConfiguration.Invalid invalid =
                (LoadedConfiguration.Invalid) ConfigurationLoader.load(resource(FILE), FILE);

        LocatedProblem offline = invalid.problems()
                .find(p -> p.code() == ProblemCode.OFFLINE_AS_TARGET)
                .get();

        assertThat(offline.describe(FILE))
                .startsWith(FILE + ":32: ERROR OFFLINE_AS_TARGET at " + "integration.talkdeskToOmni.offline: ");
    }

    @Test
    void fields_list_elements_nested_elements_and_mapping_keys_have_their_own_lines() {
        LineIndex lines = lines();

        assertThat(lines.lineOf("talkdesk")).contains(2);
        assertThat(lines.lineOf("talkdesk.statuses")).contains(3);
        assertThat(lines.lineOf("talkdesk.statuses[1]")).contains(5);
        assertThat(lines.lineOf("omniChannel.serviceChannels[1].urgent")).contains(11);
        assertThat(lines.lineOf("omniChannel.presenceStatuses[2]")).contains(16);
        assertThat(lines.lineOf("omniChannel.presenceStatuses[2].channels[0]")).contains(17);
        assertThat(lines.lineOf("omniChannel.presenceStatuses[2].channels[1]")).contains(18);
        assertThat(lines.lineOf("omniChannel.profiles[0].presenceStatuses[2]")).contains(20);
        assertThat(lines.lineOf("integration.omniToTalkdesk")).contains(27);
        assertThat(lines.lineOf("integration.omniToTalkdesk.Online")).contains(28);
        assertThat(lines.lineOf("integration.talkdeskToOmni.available")).contains(32);
    }

    @Test
    void a_value_the_file_does_not_write_is_placed_at_its_closest_enclosing_element() {
        LineIndex lines = lines();

        assertThat(lines.lineOf("agents[0].permissionSets")).contains(23);
        assertThat(lines.lineOf("agents[7]")).contains(22);
        assertThat(lines.lineOf("integration.businessHours.end")).contains(26);
        assertThat(lines.lineOf("integration.omniToTalkdesk.Chat")).contains(27);
    }

    @Test
    void a_path_none_of_whose_parts_is_in_the_file_has_no_line() {
        LineIndex lines = lines();

        assertThat(lines.lineOf("nothing.here")).isEmpty();
        assertThat(lines.lineOf("agent[0]")).isEmpty();
        assertThat(lines.lineOf("")).isEmpty();
    }

    @Test
    void mapping_keys_with_brackets_spaces_or_colons_are_found_whole() {
        LineIndex lines = JsonConfigurationFile.parse("""
                {"integration": {
                  "talkdeskToOmni": {
                    "x[0]": "A",
                    "on call: [urgent]": "B",
                    "x": "C"
                  }}}
                """, "keys.json").get().lines();

        assertThat(lines.lineOf("integration.talkdeskToOmni.x[0]")).contains(3);
        assertThat(lines.lineOf("integration.talkdeskToOmni.on call: [urgent]")).contains(4);
        assertThat(lines.lineOf("integration.talkdeskToOmni.x")).contains(5);
        assertThat(lines.lineOf("integration.talkdeskToOmni.y[3]")).contains(2);
    }

    @Test
    void a_valid_configuration_brings_its_warnings_with_their_lines() {
        LoadedConfiguration loaded =
                ConfigurationLoader.load(ReadingTheConfigurationFileTest.specExample(), "spec-example.json");

        assertThat(loaded).isInstanceOfSatisfying(LoadedConfiguration.Valid.class, valid -> {
            assertThat(valid.warnings()).isNotEmpty();
            assertThat(valid.warnings()).allSatisfy(warning -> {
                assertThat(warning.severity()).isEqualTo(Severity.WARNING);
                assertThat(warning.line()).as(warning.path()).isPresent();
            });
            assertThat(valid.warnings().filter(w -> w.path().equals("integration.talkdeskToOmni")))
                    .allSatisfy(warning -> assertThat(warning.line()).contains(28));
        });
    }

    @Test
    void an_unreadable_file_is_neither_invalid_nor_valid() {
        LoadedConfiguration loaded = ConfigurationLoader.load("{\"talkdesk\": {\"statusess\": []}}", "typo.json");

        assertThat(loaded)
                .isInstanceOfSatisfying(
                        LoadedConfiguration.Unreadable.class,
                        unreadable -> assertThat(unreadable.error().toString())
                                .startsWith("typo.json:1:15: unknown field 'statusess'"));
    }
}
