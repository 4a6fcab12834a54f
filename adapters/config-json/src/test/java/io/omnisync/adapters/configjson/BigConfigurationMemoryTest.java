package io.omnisync.adapters.configjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validating a big configuration takes a small multiple of its size (issue 12: it took about 20
 * times). A child JVM whose heap is 6.4 times the file validates 50,000 agents (12.5 MB); before the
 * agents were streamed it needed 10 times (128 MB). {@code benchmarks/ConfigurationMemory} measures
 * the same for 200,000 and a million agents.
 */
class BigConfigurationMemoryTest {

    private static final int AGENTS = 50_000;
    private static final String HEAP = "-Xmx80m";

    @TempDir
    Path temp;

    /** The child: validates the file it is given; exit 0 when it is valid with its agents, 1 otherwise. */
    public static void main(String[] args) {
        LoadedConfiguration loaded = ConfigurationLoader.load(Path.of(args[0]));
        boolean valid = loaded instanceof LoadedConfiguration.Valid v
                && v.configuration().agents().size() == Integer.parseInt(args[1]);
        System.out.println(valid ? "valid" : loaded.getClass().getSimpleName());
        System.exit(valid ? 0 : 1);
    }

    @Test
    void fifty_thousand_agents_are_validated_in_a_heap_six_times_the_file() throws Exception {
        Path file = temp.resolve("agents.json");
        write(file, AGENTS);
        assertThat(Files.size(file)).isBetween(12_000_000L, 13_000_000L);

        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        HEAP,
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BigConfigurationMemoryTest.class.getName(),
                        file.toString(),
                        String.valueOf(AGENTS))
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("OutOfMemoryError");
    }

    /** The guide's contact center, with agents laid out as JsonConfigurationFile.write lays them out. */
    private static void write(Path file, int agents) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("""
                    {
                      "talkdesk": {"statuses": [{"id": "lunch", "name": "Lunch", "type": "AWAY"}]},
                      "omniChannel": {
                        "serviceChannels": [{"apiName": "Phone", "label": "Phone", "urgent": true}],
                        "presenceStatuses": [
                          {"apiName": "Available", "label": "Available", "option": "ONLINE", "channels": ["Phone"]},
                          {"apiName": "Away", "label": "Away", "option": "BUSY", "channels": []}
                        ],
                        "profiles": [{"name": "Agent", "presenceStatuses": ["Available", "Away"]}],
                        "permissionSets": [{"name": "Lunch_Team", "presenceStatuses": ["Away"]}]
                      },
                      "integration": {
                        "omniToTalkdesk": {"Available": "available", "Away": "away", "Offline": "offline"},
                        "talkdeskToOmni": {"available": "Available", "away": "Away", "lunch": "Away",
                                           "on_a_call": "Away", "after_call_work": "Away"}
                      },
                      "agents": [""");
            for (int i = 0; i < agents; i++) {
                out.write(String.format(
                        Locale.ROOT,
                        "%s {%n    \"id\": \"agent-%07d\",%n    \"talkdeskUserId\": \"%024x\",%n"
                                + "    \"salesforceUserId\": \"005Hs%010dAAA\",%n    \"profile\": \"Agent\",%n"
                                + "    \"permissionSets\": %s,%n    \"talkdeskStatus\": \"%s\",%n"
                                + "    \"omniStatus\": \"%s\"%n  }",
                        i == 0 ? "" : ",",
                        i,
                        0x5f3a_0000_0000L + i,
                        i,
                        i % 4 == 0 ? "[ \"Lunch_Team\" ]" : "[]",
                        i % 2 == 0 ? "available" : "lunch",
                        i % 2 == 0 ? "Available" : "Away"));
            }
            out.write(" ]\n}\n");
        }
    }
}
