package io.omnisync.adapters.cli;

import io.omnisync.adapters.jdbc.StoreException;
import io.omnisync.adapters.sandbox.SimulationDidNotSettle;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The command line of SPEC section 8. Every failure ends in one line on standard error and an
 * exit code ({@link ExitCode}): 2 for what is wrong with the input or the store, 3 for what should
 * never happen; a stack trace only with {@code --verbose}.
 */
@Command(
        name = "omnisync",
        mixinStandardHelpOptions = true,
        version = "omnisync 0.1.0",
        description = "Keeps Talkdesk agent statuses and Salesforce Omni-Channel presence in step.",
        subcommands = {ValidateCommand.class, SimulateCommand.class, PlanCommand.class, DemoCommand.class},
        exitCodeOnInvalidInput = ExitCode.BAD_INPUT,
        exitCodeOnExecutionException = ExitCode.UNEXPECTED,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ran (a configuration with warnings only is valid)",
            "1:the configuration has errors (every one is listed)",
            "2:bad input, nothing applied (unreadable or too large file, bad scenario line, store not usable)",
            "3:unexpected failure (a defect, or out of memory); --verbose shows the stack trace"
        })
final class OmnisyncCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Set by picocli; read from the parse result, since it may come after the command's name. */
    @SuppressWarnings("UnusedVariable")
    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "log what happens (INFO) and print the stack trace of an unexpected failure")
    private boolean verbose;

    static CommandLine commandLine() {
        return commandLine(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new OmnisyncCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionStrategy(parsed -> {
            if (verbose(parsed)) {
                // read by slf4j-simple when the first logger is made: Flyway's and the engine's INFO lines
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        commandLine.setExecutionExceptionHandler((failure, failed, parsed) -> failed(failure, parsed, err));
        return commandLine;
    }

    /**
     * Runs one command line: its exit code, whatever happens. Failures the JVM itself raises (out
     * of memory) get the same one line as any unexpected failure.
     */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(commandLine(out, err), args);
    }

    /** Runs {@code args} on a command line built by {@link #commandLine(PrintWriter, PrintWriter)}. */
    static int execute(CommandLine commandLine, String... args) {
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        try {
            return commandLine.execute(args);
        } catch (VirtualMachineError | LinkageError | RuntimeException failure) {
            return failed(failure, commandLine.getParseResult(), err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int failed(Throwable failure, ParseResult parsed, PrintWriter err) {
        int exit;
        if (failure instanceof StoreException store) {
            err.println(store.getMessage());
            exit = ExitCode.BAD_INPUT;
        } else if (failure instanceof SimulationDidNotSettle loop) {
            err.println("omnisync: " + loop.getMessage() + ". This is a defect; please report it with the "
                    + "configuration and the scenario.");
            exit = ExitCode.UNEXPECTED;
        } else if (failure instanceof OutOfMemoryError) {
            err.println("omnisync: ran out of memory (" + failure.getMessage() + "); give Java more "
                    + "(JAVA_TOOL_OPTIONS=-Xmx4g) or split the input");
            exit = ExitCode.UNEXPECTED;
        } else {
            err.println("omnisync: unexpected failure, a defect: "
                    + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null
                            ? ""
                            : ": " + failure.getMessage().lines().findFirst().orElse(""))
                    + (verbose(parsed) ? "" : " (run again with --verbose for the stack trace)"));
            exit = ExitCode.UNEXPECTED;
        }
        if (verbose(parsed)) {
            failure.printStackTrace(err);
        }
        err.flush();
        return exit;
    }

    /** Whether {@code --verbose} was given, before or after the command's name. */
    private static boolean verbose(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** No command: what there is, on standard error, and exit 2 (SPEC 8: the command is not optional). */
    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        commandLine.getErr().println("omnisync: which command? One of validate, simulate, plan, demo.");
        commandLine.usage(commandLine.getErr());
        return ExitCode.BAD_INPUT;
    }
}
