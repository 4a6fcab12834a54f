package io.omnisync.adapters.cli;

/** {@code java -jar omnisync-cli-all.jar <command>}: what {@code ./omnisync} runs. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code (0 ran, 1 invalid configuration, 2 bad input). */
    public static int run(String... args) {
        return OmnisyncCommand.commandLine().execute(args);
    }
}
