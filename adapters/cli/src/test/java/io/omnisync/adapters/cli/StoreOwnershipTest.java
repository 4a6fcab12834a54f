package io.omnisync.adapters.cli;

import static io.omnisync.adapters.cli.CommandLineTest.omnisync;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.cli.CommandLineTest.Run;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, bug 1: one process owns a store at a time. A child JVM holds the store as any Omnisync
 * process does; the command line in this process is refused in one line naming the owner's pid,
 * with exit 2, and changes nothing; once the owner is gone (even killed), the store is free.
 */
class StoreOwnershipTest {

    private static final String CONFIG =
            Path.of("../../examples/contact-center.json").toString();
    private static final String DAY = Path.of("../../examples/guide-day.jsonl").toString();

    @TempDir
    Path folder;

    private Process holder(Path store) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                        HoldStore.class.getName(),
                        store.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void awaitHolding(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the child's first line").startsWith("holding ");
    }

    /** Every file of the folder, but the lock file, with its bytes. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path file : (Iterable<Path>) listing::iterator) {
                if (!file.getFileName().toString().endsWith(".lock")) {
                    files.put(file.getFileName().toString(), java.util.Arrays.toString(Files.readAllBytes(file)));
                }
            }
        }
        return files;
    }

    @Test
    void a_store_held_by_another_process_is_refused_naming_it_and_nothing_changes() throws Exception {
        Path store = folder.resolve("omnisync.db");
        Run first = omnisync("simulate", "--store", store.toString(), "--config", CONFIG, "--scenario", DAY);
        assertThat(first.exit()).as(first.err()).isZero();
        Process owner = holder(store);
        try {
            awaitHolding(owner);
            Map<String, String> before = snapshot();

            Run second = omnisync("simulate", "--store", store.toString(), "--config", CONFIG, "--scenario", DAY);

            assertThat(second.exit()).isEqualTo(2);
            assertThat(second.err().lines())
                    .singleElement()
                    .asString()
                    .contains(store.toString())
                    .contains("in use by process " + owner.pid());
            assertThat(second.out()).isEmpty();
            assertThat(snapshot()).as("the store's files").isEqualTo(before);
        } finally {
            owner.destroyForcibly();
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Run afterTheOwnerDied =
                omnisync("simulate", "--store", store.toString(), "--config", CONFIG, "--scenario", DAY);
        assertThat(afterTheOwnerDied.exit()).as(afterTheOwnerDied.err()).isZero();
    }
}
