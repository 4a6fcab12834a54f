package io.omnisync.adapters.configjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input that is not a configuration at all (the command line's exit 2): each kind names the file,
 * the line and column, and the field, and none of them throws.
 */
class UnreadableConfigurationTest {

    private static ReadError error(String json) {
        return JsonConfigurationFile.parse(json, "examples/bad.json").getLeft();
    }

    @Test
    void an_unknown_field_names_file_line_column_its_parent_and_the_known_fields() {
        ReadError error = error("{\n  \"talkdesk\": {\n    \"statuses\": [],\n      \"statusess\": []\n  }\n}");

        assertThat(error)
                .isEqualTo(new ReadError(
                        "examples/bad.json",
                        4,
                        7,
                        "talkdesk.statusess",
                        "unknown field 'statusess' at talkdesk (known: preferences, statuses)"));
        assertThat(error.toString())
                .isEqualTo(
                        "examples/bad.json:4:7: unknown field 'statusess' at talkdesk (known: preferences, statuses)");
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of(
                        "an unknown field at the top level",
                        "{\n \"talkdesk\": {},\n \"agent\": []\n}",
                        3,
                        2,
                        "agent",
                        "unknown field 'agent' at the top level (known: agents, integration, omniChannel, talkdesk, vendors)"),
                Arguments.of(
                        "an unknown field in an agent",
                        "{\"agents\": [\n {\"id\": \"a\"},\n {\"id\": \"b\", \"nme\": \"B\"}]}",
                        3,
                        14,
                        "agents[1].nme",
                        "unknown field 'nme' at agents[1]"),
                Arguments.of(
                        "an unknown field in a rule's condition",
                        "{\"integration\": {\"presenceSyncRules\": [{\"name\": \"r\",\n"
                                + " \"conditions\": [{\"left\": \"omni.workload\", \"op\": \"=\"}]}]}}",
                        2,
                        43,
                        "integration.presenceSyncRules[0].conditions[0].op",
                        "known: left, operator, right"),
                Arguments.of(
                        "text where true or false is expected",
                        "{\"integration\": {\n  \"omniChannelSync\": \"yes\"}}",
                        2,
                        3,
                        "integration.omniChannelSync",
                        "wrong type at integration.omniChannelSync: expected true or false, found the text \"yes\""),
                Arguments.of(
                        "a number where a name is expected",
                        "{\"agents\": [{\"id\": 42}]}",
                        1,
                        14,
                        "agents[0].id",
                        "expected text, found the number 42"),
                Arguments.of(
                        "true where a name is expected",
                        "{\"omniChannel\": {\"profiles\": [{\"name\": true}]}}",
                        1,
                        32,
                        "omniChannel.profiles[0].name",
                        "expected text, found true"),
                Arguments.of(
                        "a fraction where a capacity is expected",
                        "{\"omniChannel\": {\"presenceConfigurations\": [{\"name\": \"D\", \"capacity\": 4.5}]}}",
                        1,
                        59,
                        "omniChannel.presenceConfigurations[0].capacity",
                        "expected a whole number, found the number 4.5"),
                Arguments.of(
                        "text where a capacity is expected",
                        "{\"omniChannel\": {\"presenceConfigurations\": [{\"name\": \"D\", \"capacity\": \"4\"}]}}",
                        1,
                        59,
                        "omniChannel.presenceConfigurations[0].capacity",
                        "expected a whole number, found the text \"4\""),
                Arguments.of(
                        "a capacity too large for a number",
                        "{\"omniChannel\": {\"presenceConfigurations\": [{\"capacity\": 99999999999}]}}",
                        1,
                        46,
                        "omniChannel.presenceConfigurations[0].capacity",
                        "number out of range"),
                Arguments.of(
                        "a name where a list is expected",
                        "{\"agents\": [{\"id\": \"a\",\n \"permissionSets\": \"Email_Team\"}]}",
                        2,
                        2,
                        "agents[0].permissionSets",
                        "expected a list, found the text \"Email_Team\""),
                Arguments.of(
                        "a list where a section is expected",
                        "{\"talkdesk\": []}",
                        1,
                        2,
                        "talkdesk",
                        "wrong type at talkdesk: expected an object, found a list"),
                Arguments.of(
                        "a list where a mapping table is expected",
                        "{\"integration\": {\"omniToTalkdesk\": [\"A\"]}}",
                        1,
                        18,
                        "integration.omniToTalkdesk",
                        "expected an object of names, found a list"),
                Arguments.of(
                        "an object as a mapping target",
                        "{\"integration\": {\"omniToTalkdesk\": {\n \"On_Call\": {}}}}",
                        2,
                        2,
                        "integration.omniToTalkdesk.On_Call",
                        "expected text, found an object"),
                Arguments.of(
                        "null inside a list",
                        "{\"omniChannel\": {\"presenceStatuses\": [{\"apiName\": \"A\",\n \"channels\": [\"Voice\", null]}]}}",
                        2,
                        24,
                        "omniChannel.presenceStatuses[0].channels[1]",
                        "null is not allowed at omniChannel.presenceStatuses[0].channels[1]"),
                Arguments.of(
                        "null as an agent",
                        "{\"agents\": [\n null]}",
                        2,
                        2,
                        "agents[0]",
                        "null is not allowed at agents[0]"),
                Arguments.of(
                        "null as a mapping target",
                        "{\"integration\": {\"talkdeskToOmni\": {\"available\": null}}}",
                        1,
                        37,
                        "integration.talkdeskToOmni.available",
                        "null is not allowed"),
                Arguments.of(
                        "an unknown Talkdesk status type",
                        "{\"talkdesk\": {\"statuses\": [\n {\"id\": \"x\", \"name\": \"X\", \"type\": \"SLEEPING\"}]}}",
                        2,
                        27,
                        "talkdesk.statuses[0].type",
                        "unknown Talkdesk status type 'SLEEPING' at talkdesk.statuses[0].type; one of AVAILABLE, BUSY, AWAY, OFFLINE"),
                Arguments.of(
                        "a presence status option that is not ONLINE or BUSY",
                        "{\"omniChannel\": {\"presenceStatuses\": [{\"apiName\": \"A\", \"option\": \"AWAY\"}]}}",
                        1,
                        56,
                        "omniChannel.presenceStatuses[0].option",
                        "one of ONLINE, BUSY"),
                Arguments.of(
                        "a day that is not a day of the week",
                        "{\"integration\": {\"businessHours\": {\"timeZone\": \"UTC\",\n \"days\": [\"MONDAY\", \"Funday\"], \"start\": \"08:00\", \"end\": \"20:00\"}}}",
                        2,
                        21,
                        "integration.businessHours.days[1]",
                        "unknown day 'Funday'"),
                Arguments.of(
                        "an unknown time zone",
                        "{\"integration\": {\"businessHours\": {\n \"timeZone\": \"Mars/Olympus\", \"days\": [\"MONDAY\"], \"start\": \"08:00\", \"end\": \"20:00\"}}}",
                        2,
                        2,
                        "integration.businessHours.timeZone",
                        "'Mars/Olympus'"),
                Arguments.of(
                        "a time that is not a time",
                        "{\"integration\": {\"businessHours\": {\"timeZone\": \"UTC\", \"days\": [\"MONDAY\"],\n \"start\": \"8am\", \"end\": \"20:00\"}}}",
                        2,
                        2,
                        "integration.businessHours.start",
                        "'8am' at integration.businessHours.start is not a time"),
                Arguments.of(
                        "true as a condition's right side",
                        "{\"integration\": {\"presenceSyncRules\": [{\"name\": \"r\",\n \"conditions\": [{\"left\": \"omni.workload\", \"operator\": \"=\", \"right\": true}]}]}}",
                        2,
                        60,
                        "integration.presenceSyncRules[0].conditions[0].right",
                        "expected an operand name, a text or a number, found true"),
                Arguments.of(
                        "a mapping key written twice",
                        "{\"integration\": {\"omniToTalkdesk\": {\"Break\": \"away\",\n   \"Break\": \"lunch\"}}}",
                        2,
                        4,
                        "integration.omniToTalkdesk.Break",
                        "duplicate field 'Break' at integration.omniToTalkdesk: each field may be written once"),
                Arguments.of(
                        "malformed JSON", "{\n \"agents\": [\n", 3, 1, "", "malformed JSON: Unexpected end-of-input"),
                Arguments.of("a missing comma", "{\n \"talkdesk\": {}\n \"agents\": []\n}", 3, 2, "", "malformed JSON"),
                Arguments.of(
                        "content after the configuration",
                        "{}\n{}",
                        2,
                        1,
                        "",
                        "unexpected content after the end of the JSON value"),
                Arguments.of(
                        "a list instead of a configuration",
                        "[]",
                        1,
                        1,
                        "",
                        "a configuration is a JSON object, not a list"),
                Arguments.of(
                        "null instead of a configuration",
                        "null",
                        1,
                        1,
                        "",
                        "a configuration is a JSON object, not null"),
                Arguments.of("an empty file", "  \n", 1, 1, "", "the file is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void each_kind_of_unreadable_input_names_its_line_column_and_field(
            String kind, String json, int line, int column, String path, String message) {
        ReadError error = error(json);

        assertThat(error.file()).isEqualTo("examples/bad.json");
        assertThat(error.line()).as("line").isEqualTo(line);
        assertThat(error.column()).as("column").isEqualTo(column);
        assertThat(error.path()).as("path").isEqualTo(path);
        assertThat(error.message()).contains(message);
        assertThat(error.toString()).startsWith("examples/bad.json:" + line + ":" + column + ": ");
    }

    @Test
    void a_file_that_cannot_be_opened_is_unreadable_at_line_zero() {
        ReadError error =
                JsonConfigurationFile.read(Path.of("no/such/config.json")).getLeft();

        assertThat(error.line()).isZero();
        assertThat(error.column()).isZero();
        assertThat(error.toString())
                .isEqualTo("no/such/config.json: cannot read the file: no such file")
                .doesNotContain("Exception");
        assertThat(ConfigurationLoader.load(Path.of("no/such/config.json")))
                .isEqualTo(new LoadedConfiguration.Unreadable(error));
    }

    @Test
    void no_truncation_of_a_valid_file_makes_the_reader_throw() {
        String example = ReadingTheConfigurationFileTest.specExample();

        for (int length = 0; length < example.length(); length++) {
            String truncated = example.substring(0, length);
            assertThatCode(() -> JsonConfigurationFile.parse(truncated, "cut.json"))
                    .as("first %d characters", length)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void no_character_swapped_into_a_valid_file_makes_the_reader_or_the_validation_throw() {
        String example = ReadingTheConfigurationFileTest.specExample();
        String[] replacements = {"", "\"", "}", "]", ",", "0", "null", "[]", "{}", "x"};

        for (int at = 0; at < example.length(); at += 3) {
            for (String replacement : replacements) {
                String mutated = example.substring(0, at) + replacement + example.substring(at + 1);
                assertThatCode(() -> ConfigurationLoader.load(mutated, "mutated.json"))
                        .as("'%s' at %d", replacement, at)
                        .doesNotThrowAnyException();
            }
        }
    }
}
