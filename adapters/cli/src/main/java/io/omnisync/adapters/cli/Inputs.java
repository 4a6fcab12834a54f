package io.omnisync.adapters.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.cli.scenario.JsonScenarioFile;
import io.omnisync.adapters.configjson.ConfigurationLoader;
import io.omnisync.adapters.configjson.LoadedConfiguration;
import io.omnisync.adapters.configjson.LocatedProblem;
import java.nio.file.Path;

/** The command line's files, and how it prints a configuration problem. */
final class Inputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Inputs() {}

    static LoadedConfiguration readConfiguration(Path file) {
        return ConfigurationLoader.load(file);
    }

    /**
     * A configuration the engine can run, or the exit code after telling why not on {@code err}:
     * 2 for an unreadable file, 1 for an invalid one (every problem, with its line).
     */
    static io.vavr.control.Either<Integer, LoadedConfiguration.Valid> runnable(Path file, java.io.PrintWriter err) {
        LoadedConfiguration input = readConfiguration(file);
        if (input instanceof LoadedConfiguration.Unreadable unreadable) {
            err.println(unreadable.error());
            return io.vavr.control.Either.left(ExitCode.BAD_INPUT);
        }
        if (input instanceof LoadedConfiguration.Invalid invalid) {
            invalid.problems().forEach(problem -> err.println(problem.describe(file.toString())));
            return io.vavr.control.Either.left(ExitCode.INVALID_CONFIGURATION);
        }
        return io.vavr.control.Either.right((LoadedConfiguration.Valid) input);
    }

    static JsonScenarioFile.Scenario readScenario(Path file) {
        return JsonScenarioFile.read(file);
    }

    /** {@code {"severity","code","path","message","line"}}; {@code line} only when the file has one. */
    static String toJson(LocatedProblem problem) {
        ObjectNode node = JSON.createObjectNode()
                .put("severity", problem.severity().name())
                .put("code", problem.code().name())
                .put("path", problem.path())
                .put("message", problem.message());
        problem.line().ifPresent(number -> node.put("line", number));
        return node.toString();
    }
}
