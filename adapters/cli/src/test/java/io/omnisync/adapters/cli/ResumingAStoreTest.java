package io.omnisync.adapters.cli;

import static io.omnisync.adapters.cli.CommandLineTest.omnisync;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.cli.CommandLineTest.Run;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.jdbc.SqliteStore;
import io.omnisync.adapters.jdbc.SqliteStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, bugs 3 and 4: a second run on a store continues the first (SPEC 6). The store's
 * configuration and run-time settings win, nothing is reconciled, the sandboxes start where the
 * engine last heard the vendors, and their event ids never repeat one of an earlier run. A
 * different configuration is refused unless asked for as a replacement.
 */
class ResumingAStoreTest {

    private static final Path EXAMPLES = Path.of("../../examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Path store() {
        return folder.resolve("omnisync.db");
    }

    private Path file(String name, String... lines) throws IOException {
        return Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n");
    }

    private Path configuration(String name, java.util.function.Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode)
                JSON.readTree(EXAMPLES.resolve("contact-center.json").toFile());
        change.accept(root);
        return Files.writeString(
                folder.resolve(name), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private Run simulate(Path configuration, Path scenario, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "simulate",
                "--json",
                "--store",
                store().toString(),
                "--config",
                configuration.toString(),
                "--scenario",
                scenario.toString()));
        args.addAll(Arrays.asList(more));
        return omnisync(args.toArray(String[]::new));
    }

    private static List<String> commands(Run run) {
        return run.kind("command").stream()
                .map(c -> c.path("agent").asText() + " " + c.path("system").asText() + " "
                        + c.path("status").asText())
                .collect(Collectors.toList());
    }

    private static String agentEnd(Run run, String agent) {
        for (JsonNode each : run.kind("final").get(0).path("agents")) {
            if (each.path("agent").asText().equals(agent)) {
                return each.path("talkdesk").asText() + "/" + each.path("omni").asText();
            }
        }
        throw new AssertionError("no " + agent + " in " + run.out());
    }

    private static String startLine(Run run) {
        return run.kind("event").get(0).path("what").asText();
    }

    @Test
    void a_second_run_continues_the_first_with_event_ids_of_its_own() throws IOException {
        Path syncOn = configuration(
                "sync-on.json", root -> ((ObjectNode) root.path("integration")).put("omniChannelSync", true));
        Run first = simulate(
                syncOn, file("day1.jsonl", "{\"type\":\"talkdesk.status\",\"agent\":\"maria\",\"status\":\"lunch\"}"));
        assertThat(first.exit()).as(first.err()).isZero();

        Run second = simulate(
                syncOn,
                file(
                        "day2.jsonl",
                        "{\"type\":\"talkdesk.status\",\"agent\":\"ana\",\"status\":\"away\"}",
                        "{\"type\":\"talkdesk.status\",\"agent\":\"maria\",\"status\":\"chat_only\"}"));

        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(startLine(second)).contains("resumes").doesNotContain("reconciles every agent");
        assertThat(second.kind("ignored"))
                .as("a true report taken for a redelivery of the first run's")
                .noneSatisfy(
                        ignored -> assertThat(ignored.path("reason").asText()).isIn("DUPLICATE", "STALE"));
        assertThat(commands(second)).containsExactly("maria omni Chat_Only");
        assertThat(agentEnd(second, "maria")).isEqualTo("chat_only/Chat_Only");
        assertThat(agentEnd(second, "joao"))
                .as("moved by the first run's activation")
                .isEqualTo("away/Away_from_Desk");
    }

    @Test
    void a_resumed_run_starts_where_the_last_one_ended_and_reconciles_nothing() throws IOException {
        Path config = EXAMPLES.resolve("contact-center.json");
        Run first = simulate(config, EXAMPLES.resolve("guide-day.jsonl"));
        assertThat(first.exit()).as(first.err()).isZero();

        Run second = simulate(config, file("nothing.jsonl"));

        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.kind("command")).isEmpty();
        assertThat(second.kind("final")).isEqualTo(first.kind("final"));
        assertThat(first.kind("final").get(0).toString())
                .as("not what the file says: the day moved them")
                .contains("{\"agent\":\"maria\",\"talkdesk\":\"available\",\"omni\":\"Offline\"}");
    }

    @Test
    void settings_changed_at_run_time_survive_the_next_run_with_the_same_file() throws IOException {
        Path config = EXAMPLES.resolve("contact-center.json");
        Run first = simulate(config, file("on.jsonl", "{\"type\":\"admin.sync\",\"enabled\":true,\"force\":true}"));
        assertThat(first.exit()).as(first.err()).isZero();

        Run second = simulate(
                config, file("lunch.jsonl", "{\"type\":\"talkdesk.status\",\"agent\":\"joao\",\"status\":\"lunch\"}"));

        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(startLine(second)).contains("sync on");
        assertThat(commands(second)).containsExactly("joao omni Lunch_Break");
        try (SqliteStore kept = SqliteStores.open(store(), new JsonConfigurationCodec())) {
            assertThat(kept.current().get().settings().omniChannelSync())
                    .as("what the store keeps")
                    .isTrue();
        }
    }

    @Test
    void a_different_configuration_is_refused_and_the_store_is_left_as_it_was() throws IOException {
        Run first = simulate(EXAMPLES.resolve("contact-center.json"), EXAMPLES.resolve("guide-day.jsonl"));
        assertThat(first.exit()).as(first.err()).isZero();
        byte[] before = Files.readAllBytes(store());
        Path another = EXAMPLES.resolve("chat-capacity.json");

        Run refused = simulate(another, EXAMPLES.resolve("chat-capacity.jsonl"));

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err().lines())
                .singleElement()
                .asString()
                .contains(store().toString())
                .contains("different configuration")
                .contains("--replace");
        assertThat(refused.out()).isEmpty();
        assertThat(Files.readAllBytes(store())).isEqualTo(before);
    }

    @Test
    void a_replacement_keeps_what_the_store_knows_and_seeds_only_new_agents_from_the_file() throws IOException {
        Path config = EXAMPLES.resolve("contact-center.json");
        Run first = simulate(
                config, file("lunch.jsonl", "{\"type\":\"talkdesk.status\",\"agent\":\"maria\",\"status\":\"lunch\"}"));
        assertThat(first.exit()).as(first.err()).isZero();
        Path withRita = configuration("with-rita.json", root -> {
            var agents = (com.fasterxml.jackson.databind.node.ArrayNode) root.path("agents");
            ((ObjectNode) agents.get(0)).put("talkdeskStatus", "offline");
            ObjectNode rita = agents.get(0).deepCopy();
            rita.put("id", "rita")
                    .put("talkdeskUserId", "td-1009")
                    .put("salesforceUserId", "0055e000001RitaAAAA")
                    .put("talkdeskStatus", "chat_only")
                    .put("omniStatus", "Chat_Only");
            agents.add(rita);
        });

        Run replaced = simulate(withRita, file("nothing.jsonl"), "--replace");

        assertThat(replaced.exit()).as(replaced.err()).isZero();
        assertThat(startLine(replaced)).contains("replaces").contains("agents (1 added)");
        assertThat(agentEnd(replaced, "maria")).as("the store knew her").isEqualTo("lunch/Available_for_Calls");
        assertThat(agentEnd(replaced, "rita")).as("new: as the file says").isEqualTo("chat_only/Chat_Only");
        Run resumed = simulate(withRita, file("nothing.jsonl"));
        assertThat(startLine(resumed))
                .as("the replacement is now the store's configuration")
                .contains("resumes");
    }
}
