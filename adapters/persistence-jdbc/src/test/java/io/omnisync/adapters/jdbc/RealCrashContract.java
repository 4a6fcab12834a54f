package io.omnisync.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a child JVM plays a long day against a store, is killed with SIGKILL in the middle,
 * and is started again on the same store. The store is consistent after the kill, and the day ends
 * exactly as an uninterrupted one does. Every durable store passes it.
 */
public abstract class RealCrashContract {

    private static final int STEPS = 300;
    private static final String CONFIGURATION =
            Path.of("../../examples/contact-center.json").toAbsolutePath().toString();

    @TempDir
    protected Path folder;

    /** The store argument of the day named {@code name}: a new store for a new name. */
    protected abstract String store(String name);

    /** The day's main class: {@link LongDay}, or a store's own that calls {@link LongDay#run}. */
    protected abstract Class<?> day();

    /** What the day's process needs in its environment besides this one's (a password, say). */
    protected Map<String, String> environment() {
        return Map.of();
    }

    /** After the kill: the store is consistent and opens again (and lets go). */
    protected abstract void opensConsistent(String name) throws Exception;

    private Process start(String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder day = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                        day().getName(),
                        store(name),
                        folder.resolve(name + "-vendors.db").toString(),
                        CONFIGURATION,
                        Integer.toString(STEPS))
                .redirectErrorStream(true);
        day.environment().putAll(environment());
        return day.start();
    }

    /** Reads the child's lines until {@code stop} says so; returns them. */
    private static List<String> read(Process child, java.util.function.Predicate<String> stop) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (stop.test(line)) {
                    break;
                }
            }
        }
        return lines;
    }

    private String runToTheEnd(String name) throws Exception {
        Process child = start(name);
        List<String> lines = read(child, line -> line.startsWith("final "));
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(String.join("\n", lines)).isZero();
        return lines.get(lines.size() - 1);
    }

    @Test
    void a_day_killed_with_sigkill_and_started_again_ends_as_an_uninterrupted_day() throws Exception {
        String uninterrupted = runToTheEnd("uninterrupted");

        Process doomed = start("killed");
        List<String> before = read(doomed, line -> line.equals("step " + STEPS / 2));
        doomed.destroyForcibly();
        assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(before).as("the child got half-way before the kill").contains("step " + STEPS / 2);

        opensConsistent("killed");

        String restarted = runToTheEnd("killed");

        assertThat(restarted).isEqualTo(uninterrupted);
    }
}
