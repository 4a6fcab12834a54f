package io.omnisync.adapters.cli;

import static io.omnisync.adapters.cli.CommandLineTest.omnisync;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.cli.CommandLineTest.Run;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 12, bugs 6 and 8 and the command line's rough edges: bad input never starts the engine
 * (every input is read and checked first; no store file is created), inputs have size limits, an
 * unexpected failure has an exit code of its own (3) and no stack trace unless --verbose, and
 * messages are in words, with a line and column, not Java class names.
 */
class BadInputTest {

    private static final String CONFIG =
            Path.of("../../examples/contact-center.json").toString();
    private static final String DAY = Path.of("../../examples/guide-day.jsonl").toString();

    @TempDir
    Path folder;

    @Test
    void a_missing_scenario_file_starts_nothing_and_creates_no_store() {
        Path store = folder.resolve("omnisync.db");
        Path missing = folder.resolve("no-such-day.jsonl");

        Run run =
                omnisync("simulate", "--store", store.toString(), "--config", CONFIG, "--scenario", missing.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).as("no timeline: the engine never started").isEmpty();
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .isEqualTo(missing + ": cannot read the file (no such file)");
        assertThat(folder.toFile().list()).as("no store file, no lock file").isEmpty();
    }

    @Test
    void a_bad_line_anywhere_in_the_scenario_starts_nothing_and_creates_no_store() throws IOException {
        Path store = folder.resolve("omnisync.db");
        Path scenario = Files.writeString(folder.resolve("day.jsonl"), """
                {"type":"admin.sync","enabled":true,"force":true}
                {"type":"talkdesk.status","agent":"maria","status":"lunch"}
                {"type":"talkdesk.status","agent":"nobody","status":"lunch"}
                """);

        Run run = omnisync(
                "simulate", "--store", store.toString(), "--config", CONFIG, "--scenario", scenario.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("day.jsonl:3").contains("unknown agent 'nobody'");
        assertThat(run.out()).isEmpty();
        assertThat(Files.exists(store)).isFalse();
    }

    @Test
    void deleting_a_status_the_configuration_does_not_have_at_the_vendor_is_bad_input() throws IOException {
        Path scenario = Files.writeString(folder.resolve("day.jsonl"), """
                {"type":"omni.status.deleted","status":"Lunch_Break"}
                {"type":"talkdesk.status.deleted","status":"available"}
                """);

        Run run = omnisync("simulate", "--config", CONFIG, "--scenario", scenario.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .isEqualTo(scenario + ":2: 'available' is not a status an admin can delete there; the "
                        + "configuration's are chat_only, lunch");
    }

    @Test
    void a_line_that_is_not_utf8_is_named_by_line_and_column_in_words() throws IOException {
        Path scenario = folder.resolve("latin1.jsonl");
        Files.write(
                scenario,
                "{\"type\":\"talkdesk.status\",\"agent\":\"maria\",\"status\":\"caf\u00e9\"}\n"
                        .getBytes(StandardCharsets.ISO_8859_1));

        Run run = omnisync("simulate", "--config", CONFIG, "--scenario", scenario.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith(scenario + ":1:56: not UTF-8 text")
                .doesNotContain("Exception", "Input length");
    }

    @Test
    void a_scenario_over_the_size_limit_or_without_line_ends_is_refused_in_one_line() throws IOException {
        Path huge = folder.resolve("huge.jsonl");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(300L * 1024 * 1024);
        }

        Run tooLarge = omnisync("simulate", "--config", CONFIG, "--scenario", huge.toString());
        Run endless = omnisync("simulate", "--config", CONFIG, "--scenario", "/dev/zero");

        assertThat(tooLarge.exit()).isEqualTo(2);
        assertThat(tooLarge.err().lines()).singleElement().asString().contains("larger than 256 MiB");
        assertThat(endless.exit()).isEqualTo(2);
        assertThat(endless.err().lines())
                .singleElement()
                .asString()
                .startsWith("/dev/zero:1: the line is longer than 1024 KiB");
        assertThat(endless.out()).isEmpty();
    }

    @Test
    void validate_of_an_endless_device_ends_in_one_clear_line_with_exit_2() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "validate",
                        "--config",
                        "/dev/zero")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(err).isEqualTo(2);
        assertThat(err.lines())
                .singleElement()
                .asString()
                .startsWith("/dev/zero")
                .doesNotContain("Exception");
    }

    @Test
    void omnisync_with_no_command_is_usage_on_standard_error_and_exit_2() {
        Run run = omnisync();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Usage: omnisync").contains("simulate");
    }

    @Test
    void a_run_on_a_store_prints_its_timeline_and_no_log_lines() {
        Run run = omnisync(
                "simulate", "--store", folder.resolve("omnisync.db").toString(), "--config", CONFIG, "--scenario", DAY);

        assertThat(run.exit()).isZero();
        assertThat(run.err()).as("no Flyway INFO lines").isEmpty();
    }

    /** A command that fails as no command should: what a defect looks like to the command line. */
    @CommandLine.Command(name = "defect")
    static final class Defect implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the engine lost track");
        }
    }

    private static Run withDefect(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OmnisyncCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        commandLine.addSubcommand(new Defect());
        int exit = OmnisyncCommand.execute(commandLine, args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void an_unexpected_failure_has_exit_3_and_one_line_and_a_trace_only_when_asked() {
        Run quiet = withDefect("defect");
        Run verbose = withDefect("defect", "--verbose");

        assertThat(quiet.exit()).isEqualTo(3);
        assertThat(quiet.err().lines())
                .singleElement()
                .asString()
                .contains("unexpected failure")
                .contains("the engine lost track")
                .contains("--verbose");
        assertThat(verbose.exit()).isEqualTo(3);
        assertThat(verbose.err()).contains("\tat io.omnisync.adapters.cli.BadInputTest$Defect.call");
    }
}
