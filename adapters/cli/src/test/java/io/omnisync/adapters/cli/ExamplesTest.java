package io.omnisync.adapters.cli;

import static io.omnisync.adapters.cli.CommandLineTest.omnisync;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnisync.adapters.cli.CommandLineTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example in {@code examples/} runs in the build, and the examples of the second edition
 * (SPEC 4.2, 4.8, 4.10) show what they are about through {@code simulate --json} and {@code plan}:
 * consistent agents left alone at activation, a pick during the call winning with the toggle off,
 * an ignored push timeout against a synced decline, and a status deleted at a vendor.
 */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("../../examples");
    private static final String CONFIG =
            EXAMPLES.resolve("available-for-all.json").toString();

    /**
     * The configuration a scenario runs with: the example whose name is the longest prefix of the
     * scenario's ({@code chat-capacity.jsonl} → {@code chat-capacity.json}, {@code
     * available-for-all-activation.jsonl} → {@code available-for-all.json}), else the guide's
     * contact center.
     */
    static Path configurationFor(Path scenario) {
        String name = scenario.getFileName().toString().replaceFirst("\\.jsonl$", "");
        for (String prefix = name;
                !prefix.isEmpty();
                prefix = prefix.contains("-") ? prefix.substring(0, prefix.lastIndexOf('-')) : "") {
            Path config = scenario.resolveSibling(prefix + ".json");
            if (Files.exists(config)) {
                return config;
            }
        }
        return scenario.resolveSibling("contact-center.json");
    }

    private static List<Path> examples(String extension) throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(file -> file.toString().endsWith(extension))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static Run simulate(String scenario) {
        return omnisync(
                "simulate",
                "--json",
                "--config",
                CONFIG,
                "--scenario",
                EXAMPLES.resolve(scenario).toString());
    }

    private static List<String> lines(List<JsonNode> nodes, String... fields) {
        return nodes.stream()
                .map(node -> Stream.of(fields)
                        .map(field -> node.path(field).asText())
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.toList());
    }

    /** The lines printed after the event of scenario line {@code line}, up to the next event. */
    private static List<JsonNode> after(Run run, int line) {
        List<JsonNode> all = run.lines();
        int start = -1;
        for (int i = 0; i < all.size(); i++) {
            JsonNode node = all.get(i);
            if (node.path("kind").asText().equals("event") && node.path("line").asInt() == line) {
                start = i;
            }
        }
        assertThat(start).as("the event of line %d", line).isNotNegative();
        int end = start + 1;
        while (end < all.size() && !all.get(end).path("kind").asText().matches("event|final")) {
            end++;
        }
        return all.subList(start + 1, end);
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_in_the_examples_runs_with_its_configuration() throws IOException {
        List<Path> scenarios = examples(".jsonl");
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(8);
        return scenarios.stream()
                .map(scenario -> DynamicTest.dynamicTest(scenario.getFileName().toString(), () -> {
                    Path config = configurationFor(scenario);
                    Run run = omnisync(
                            "simulate", "--json", "--config", config.toString(), "--scenario", scenario.toString());

                    assertThat(run.exit()).as(config + "\n" + run.err()).isZero();
                    assertThat(run.kind("final")).as("the final state, last").hasSize(1);
                    assertThat(run.lines()
                                    .get(run.lines().size() - 1)
                                    .path("kind")
                                    .asText())
                            .isEqualTo("final");
                }));
    }

    @TestFactory
    Stream<DynamicTest> every_valid_example_configuration_has_a_dry_run() throws IOException {
        return examples(".json").stream()
                .filter(config -> !config.getFileName().toString().equals("broken.json"))
                .map(config -> DynamicTest.dynamicTest(config.getFileName().toString(), () -> {
                    assertThat(omnisync("validate", "--config", config.toString())
                                    .exit())
                            .isZero();
                    Run plan = omnisync("plan", "--json", "--config", config.toString());
                    assertThat(plan.exit()).as(plan.err()).isZero();
                    assertThat(plan.lines())
                            .allSatisfy(line ->
                                    assertThat(line.path("kind").asText()).isIn("command", "skipped"));
                }));
    }

    @Test
    void the_dry_run_lists_the_agents_activation_leaves_alone_and_why() {
        Run plan = omnisync("plan", "--json", "--config", CONFIG);
        Run human = omnisync("plan", "--config", CONFIG);

        assertThat(lines(plan.kind("command"), "agent", "system", "status")).containsExactly("rui omni Away_from_Desk");
        assertThat(lines(plan.kind("skipped"), "agent", "reason"))
                .containsExactly(
                        "maria CONSISTENT", "joao CONSISTENT", "ana OMNI_OFFLINE", "bea NOT_GRANTED", "leo UNMAPPED");
        assertThat(human.out())
                .contains("would make 1 change and leave 5 agents alone")
                .contains("maria: Talkdesk 'available' and Omni-Channel 'Available_for_All' already agree")
                .contains("(CONSISTENT)")
                .contains("(OMNI_OFFLINE)")
                .contains("(NOT_GRANTED)")
                .contains("(UNMAPPED)");
    }

    @Test
    void activation_keeps_an_available_for_all_agents_chats_and_a_lunch_break_as_it_is() {
        Run run = simulate("available-for-all-activation.jsonl");

        assertThat(lines(after(run, 2), "kind", "agent", "reason"))
                .contains("skipped maria CONSISTENT", "skipped joao CONSISTENT");
        assertThat(run.kind("command"))
                .extracting(command -> command.path("agent").asText())
                .containsExactly("rui");
        assertThat(after(run, 3)).as("her chat is routed: no vendorRefused").isEmpty();
        assertThat(lines(run.kind("call"), "agent", "rings")).containsExactly("maria true", "maria true", "joao false");
        assertThat(lines(run.kind("final").get(0).path("agents").findParents("agent"), "agent", "talkdesk", "omni"))
                .contains("maria available Available_for_All", "joao away Lunch_Break");
    }

    @Test
    void lunch_picked_during_wrap_up_wins_after_it_with_the_toggle_off() {
        Run run = simulate("available-for-all-lunch-during-call.jsonl");

        assertThat(lines(after(run, 5), "kind", "system", "status", "because"))
                .as("wrap-up ends: Omni stays at lunch, and the mapping sets Talkdesk")
                .contains("command talkdesk away the agent's pick during the call")
                .noneMatch(line -> line.startsWith("command omni"));
        assertThat(lines(after(run, 6), "kind", "rings")).containsExactly("call false");
        assertThat(lines(after(run, 8), "kind", "rings")).containsExactly("call true");
    }

    @Test
    void an_ignored_push_timeout_leaves_talkdesk_alone_and_a_declined_item_is_synced_each_saying_why() {
        Run run = simulate("available-for-all-automatic-changes.jsonl");

        assertThat(after(run, 2))
                .as("the push timeout: no command")
                .singleElement()
                .satisfies(skipped -> {
                    assertThat(skipped.path("kind").asText()).isEqualTo("skipped");
                    assertThat(skipped.path("reason").asText()).isEqualTo("AUTOMATIC_CHANGE_IGNORED");
                    assertThat(skipped.path("omniReason").asText()).isEqualTo("OmniPushTimeout");
                });
        assertThat(lines(after(run, 3), "kind", "rings")).containsExactly("call true");
        assertThat(lines(after(run, 5), "kind", "system", "status", "omniReason"))
                .contains("command talkdesk away OmniDeclineWork");
        assertThat(lines(after(run, 6), "kind", "rings")).containsExactly("call false");
        assertThat(lines(after(run, 7), "kind", "system", "status", "omniReason"))
                .contains("command talkdesk available OmniSupervisorStatusChange");
        for (int omniLine : new int[] {2, 4, 5, 7}) {
            assertThat(after(run, omniLine))
                    .as("every fact about the Omni-Channel report of line %d carries its reason", omniLine)
                    .filteredOn(fact -> !fact.path("detail").asText().startsWith("Talkdesk reported back"))
                    .isNotEmpty()
                    .allSatisfy(fact -> assertThat(fact.has("omniReason")).isTrue());
        }
    }

    @Test
    void a_status_deleted_at_either_vendor_is_unknown_at_vendor_and_the_next_change_goes_through() {
        Run run = simulate("available-for-all-deleted-status.jsonl");

        assertThat(lines(run.kind("failed"), "system", "status", "code"))
                .containsExactly("talkdesk chat_only UNKNOWN_AT_VENDOR", "omni Away_from_Desk UNKNOWN_AT_VENDOR");
        assertThat(lines(after(run, 7), "kind", "system", "status"))
                .as("no longer waiting for an echo that never comes")
                .contains("command omni Available_for_Calls");
        Run human = omnisync(
                "simulate",
                "--config",
                CONFIG,
                "--scenario",
                EXAMPLES.resolve("available-for-all-deleted-status.jsonl").toString());
        assertThat(human.out())
                .contains("an admin deletes the status 'chat_only' in Talkdesk")
                .contains("the vendor no longer knows 'chat_only' (renamed or deleted there; update the configuration)")
                .contains("(UNKNOWN_AT_VENDOR)");
    }

    @Test
    void the_human_timeline_says_when_salesforce_moved_the_agent_by_itself() {
        Run run = omnisync(
                "simulate",
                "--config",
                CONFIG,
                "--scenario",
                EXAMPLES.resolve("available-for-all-automatic-changes.jsonl").toString());

        assertThat(run.out())
                .contains("goes unanswered until it times out")
                .contains("which the configuration says to ignore: Talkdesk is left alone (AUTOMATIC_CHANGE_IGNORED)")
                .contains("-> set maria to 'away' in Talkdesk (mapping) [OmniDeclineWork]")
                .contains("Omni-Channel moves maria to 'Available_for_All' (OmniSupervisorStatusChange)")
                .contains("x  Talkdesk routes no call to maria in 'away' (AWAY)")
                .doesNotContain("[OmniManualStatusChange]");
    }
}
