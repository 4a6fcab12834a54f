package io.omnisync.adapters.cli;

import io.omnisync.adapters.configjson.LoadedConfiguration;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code validate --config C}: every problem, one JSON object a line. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check a configuration: every problem, one JSON object a line. "
                + "Exit 0 valid (warnings allowed), 1 errors, 2 unreadable input, 3 unexpected failure.")
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "C", description = "the configuration file (JSON)")
    private Path config;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        var read = Inputs.configuration(config, err);
        if (read.isLeft()) {
            return read.getLeft();
        }
        LoadedConfiguration input = read.get();
        if (input instanceof LoadedConfiguration.Invalid invalid) {
            invalid.problems().forEach(problem -> out.println(Inputs.toJson(problem)));
            out.flush();
            return ExitCode.INVALID_CONFIGURATION;
        }
        ((LoadedConfiguration.Valid) input).warnings().forEach(problem -> out.println(Inputs.toJson(problem)));
        out.flush();
        return ExitCode.OK;
    }
}
