package io.omnisync.adapters.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line of SPEC section 8. */
@Command(
        name = "omnisync",
        mixinStandardHelpOptions = true,
        version = "omnisync 0.1.0",
        description = "Keeps Talkdesk agent statuses and Salesforce Omni-Channel presence in step.",
        subcommands = {
            ValidateCommand.class,
            SimulateCommand.class,
            PlanCommand.class,
            DemoCommand.class,
            ServeCommand.class
        },
        exitCodeOnInvalidInput = ExitCode.BAD_INPUT,
        exitCodeOnExecutionException = ExitCode.BAD_INPUT)
final class OmnisyncCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    static CommandLine commandLine() {
        return commandLine(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new OmnisyncCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
