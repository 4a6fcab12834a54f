package io.omnisync.adapters.configjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.omnisync.domain.configuration.ProblemCode;
import io.omnisync.domain.configuration.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What {@code validate} prints for a configuration that reads (SPEC 3 and 8): every problem,
 * errors and warnings alike, each with its line, in the order of the file (issue 12).
 */
class EveryProblemInFileOrderTest {

    private static final Path EXAMPLE = Path.of("../../examples/contact-center.json");

    private static String example() throws IOException {
        return Files.readString(EXAMPLE, StandardCharsets.UTF_8);
    }

    @Test
    void an_invalid_configuration_reports_its_warnings_with_its_errors_each_with_its_line() throws IOException {
        String valid = example();
        String conflicting = valid.replace("\"nextAgentStatus\": false", "\"nextAgentStatus\": true")
                .replace("\"returnToPreviousStatusAfterCall\": false", "\"returnToPreviousStatusAfterCall\": true");
        var warningsOfTheValidOne =
                ((LoadedConfiguration.Valid) ConfigurationLoader.load(valid, "contact-center.json")).warnings();

        LoadedConfiguration loaded = ConfigurationLoader.load(conflicting, "conflicting.json");

        assertThat(loaded).isInstanceOfSatisfying(LoadedConfiguration.Invalid.class, invalid -> {
            assertThat(invalid.problems().filter(p -> p.severity() == Severity.ERROR))
                    .extracting(LocatedProblem::code, LocatedProblem::line)
                    .containsExactly(tuple(ProblemCode.CONFLICTING_AFTER_CALL_SETTINGS, Optional.of(47)));
            assertThat(invalid.problems().filter(p -> p.severity() == Severity.WARNING))
                    .isNotEmpty()
                    .containsExactlyElementsOf(warningsOfTheValidOne);
            assertThat(invalid.problems())
                    .allSatisfy(problem ->
                            assertThat(problem.line()).as(problem.path()).isPresent());
        });
    }

    @Test
    void errors_and_warnings_come_in_the_order_of_the_file() {
        String file = """
                {
                  "omniChannel": {
                    "serviceChannels": [{"apiName": "Phone", "urgent": true}],
                    "presenceStatuses": [
                      {"apiName": "Online", "option": "ONLINE", "channels": ["Phone"]},
                      {"apiName": "Quiet", "option": "ONLINE", "channels": []}
                    ],
                    "profiles": [{"name": "Agent", "presenceStatuses": ["Online"]}]
                  },
                  "agents": [{"id": "maria", "talkdeskUserId": "td-1", "salesforceUserId": "005A", "profile": "Agent"}],
                  "integration": {
                    "omniToTalkdesk": {"Online": "available", "Quiet": "away"},
                    "talkdeskToOmni": {"available": "Online", "away": "Quiet", "lunch": "Online"}
                  }
                }
                """;

        LoadedConfiguration.Invalid invalid =
                (LoadedConfiguration.Invalid) ConfigurationLoader.load(file, "order.json");

        assertThat(invalid.problems())
                .extracting(LocatedProblem::severity, LocatedProblem::code, LocatedProblem::line)
                .containsExactly(
                        tuple(Severity.ERROR, ProblemCode.NO_CHANNEL_ON_ONLINE_STATUS, Optional.of(6)),
                        tuple(Severity.ERROR, ProblemCode.UNKNOWN_STATUS, Optional.of(13)),
                        tuple(Severity.WARNING, ProblemCode.TARGET_NOT_GRANTED, Optional.of(13)),
                        tuple(Severity.WARNING, ProblemCode.UNMAPPED_STATUS, Optional.of(13)),
                        tuple(Severity.WARNING, ProblemCode.UNMAPPED_STATUS, Optional.of(13)),
                        tuple(Severity.WARNING, ProblemCode.UNMAPPED_STATUS, Optional.of(13)));
        assertThat(invalid.problems().get(1).path()).isEqualTo("integration.talkdeskToOmni.lunch");
    }

    @Test
    void an_id_with_a_newline_tab_nul_or_zero_width_character_is_an_invalid_value_with_its_line() {
        for (String hidden : new String[] {"\\n", "\\t", "\\u0000", "\\u200B", "\\uFEFF", "\\u2028"}) {
            String file = """
                    {
                      "omniChannel": {
                        "profiles": [{"name": "Agent%s", "presenceStatuses": []}]
                      },
                      "agents": [
                        {"id": "mar%sia", "talkdeskUserId": "td-1", "salesforceUserId": "005A",
                         "profile": "Agent%s"}
                      ]
                    }
                    """.formatted(hidden, hidden, hidden);

            LoadedConfiguration loaded = ConfigurationLoader.load(file, "hidden.json");

            assertThat(loaded)
                    .as(hidden)
                    .isInstanceOfSatisfying(
                            LoadedConfiguration.Invalid.class,
                            invalid -> assertThat(invalid.problems().filter(p -> p.code() == ProblemCode.INVALID_VALUE))
                                    .extracting(LocatedProblem::path, LocatedProblem::line)
                                    .containsExactly(
                                            tuple("omniChannel.profiles[0].name", Optional.of(3)),
                                            tuple("agents[0].id", Optional.of(6))));
        }
    }

    @Test
    void an_empty_configuration_is_valid_with_a_warning_that_nothing_will_be_synced() {
        LoadedConfiguration loaded = ConfigurationLoader.load("{}", "empty.json");

        assertThat(loaded)
                .isInstanceOfSatisfying(
                        LoadedConfiguration.Valid.class,
                        valid -> assertThat(valid.warnings())
                                .extracting(LocatedProblem::code)
                                .containsExactly(
                                        ProblemCode.UNMAPPED_STATUS,
                                        ProblemCode.UNMAPPED_STATUS,
                                        ProblemCode.UNMAPPED_STATUS,
                                        ProblemCode.UNMAPPED_STATUS,
                                        ProblemCode.UNMAPPED_STATUS,
                                        ProblemCode.NO_AGENTS));
        assertThat(ConfigurationLoader.load("{\"agents\": []}", "no-agents.json"))
                .isInstanceOfSatisfying(
                        LoadedConfiguration.Valid.class,
                        valid -> assertThat(valid.warnings().filter(w -> w.code() == ProblemCode.NO_AGENTS))
                                .singleElement()
                                .satisfies(warning -> {
                                    assertThat(warning.line()).contains(1);
                                    assertThat(warning.message()).contains("nothing will be synced");
                                }));
    }
}
