package io.omnisync.adapters.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code java -jar omnisync-cli-all.jar <command>}: what {@code ./omnisync} runs. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs one command and returns its exit code: 0 ran, 1 invalid configuration, 2 bad input
     * (nothing applied), 3 unexpected failure.
     */
    public static int run(String... args) {
        return OmnisyncCommand.execute(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                args);
    }
}
