package io.omnisync.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, bug 2: an activation of more than 100,000 commands is simulated to the end: the
 * simulation's limit grows with the agents, and nothing ends in a stack trace.
 */
class ActivationAtScaleTest {

    private static final int AGENTS = 100_001;

    @TempDir
    Path folder;

    /** The example contact center's statuses and mappings, sync on, and {@code AGENTS} agents who each need a move. */
    private Path configuration() throws IOException {
        String example = Files.readString(Path.of("../../examples/contact-center.json"));
        String head = example.substring(0, example.indexOf("\"agents\""));
        String tail = example.substring(example.indexOf("\"integration\""))
                .replace("\"omniChannelSync\": false", "\"omniChannelSync\": true");
        Path file = folder.resolve("contact-center-" + AGENTS + ".json");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.write(head);
            out.write("\"agents\": [\n");
            for (int i = 0; i < AGENTS; i++) {
                // away in Talkdesk, Available for Calls in Omni-Channel: activation moves her to Away from Desk
                out.write(String.format(
                        "%s{\"id\": \"a%d\", \"talkdeskUserId\": \"td-%d\", \"salesforceUserId\": \"005%015d\", "
                                + "\"profile\": \"Contact_Center_Agent\", \"permissionSets\": [\"Chat_Team\"], "
                                + "\"talkdeskStatus\": \"away\", \"omniStatus\": \"Available_for_Calls\"}%n",
                        i == 0 ? "" : ",", i, i, i));
            }
            out.write("],\n");
            out.write(tail);
        }
        return file;
    }

    @Test
    void an_activation_of_more_than_a_hundred_thousand_commands_settles() throws IOException {
        Path configuration = configuration();
        Path scenario = Files.writeString(folder.resolve("empty.jsonl"), "");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = OmnisyncCommand.execute(
                new PrintWriter(out),
                new PrintWriter(err, true),
                "simulate",
                "--config",
                configuration.toString(),
                "--scenario",
                scenario.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
        long moves = out.toString()
                .lines()
                .filter(line -> line.contains("-> set a") && line.contains("to 'Away_from_Desk' in Omni-Channel"))
                .count();
        assertThat(moves).isEqualTo(AGENTS);
        assertThat(out.toString().lines().filter(line -> line.matches("a\\d+ +away +Away_from_Desk *")))
                .as("the final table: every agent moved")
                .hasSize(AGENTS);
    }
}
