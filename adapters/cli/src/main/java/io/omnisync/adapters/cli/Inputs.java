package io.omnisync.adapters.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.cli.scenario.JsonScenarioFile;
import io.omnisync.adapters.cli.scenario.ScenarioStep;
import io.omnisync.adapters.configjson.ConfigurationLoader;
import io.omnisync.adapters.configjson.LoadedConfiguration;
import io.omnisync.adapters.configjson.LocatedProblem;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The command line's files, and how it tells what is wrong with them. Every input is read and
 * checked whole before anything is applied: a command that gets past these has a valid
 * configuration and a scenario whose every line can be played.
 */
final class Inputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Inputs() {}

    static LoadedConfiguration readConfiguration(Path file) {
        return ConfigurationLoader.load(file);
    }

    /**
     * The configuration file read and validated, or exit 2 after one line on {@code err}: the
     * file cannot be read as a configuration (the JSON adapter says where), or it is too large to
     * hold in memory (a device that never ends, such as {@code /dev/zero}, or a file far larger than
     * any configuration: the memory it took is garbage once the reading gave up).
     */
    static Either<Integer, LoadedConfiguration> configuration(Path file, PrintWriter err) {
        LoadedConfiguration input;
        try {
            input = readConfiguration(file);
        } catch (OutOfMemoryError tooLarge) {
            err.println(file + ": too large to read: reading it ran out of memory (a configuration of a million "
                    + "agents takes a few hundred MB; is this a configuration file?)");
            return Either.left(ExitCode.BAD_INPUT);
        }
        if (input instanceof LoadedConfiguration.Unreadable unreadable) {
            err.println(unreadable.error());
            return Either.left(ExitCode.BAD_INPUT);
        }
        return Either.right(input);
    }

    /**
     * A configuration the engine can run, or the exit code after telling why not on {@code err}:
     * 2 for an unreadable file, 1 for an invalid one (every problem, with its line).
     */
    static Either<Integer, LoadedConfiguration.Valid> runnable(Path file, PrintWriter err) {
        Either<Integer, LoadedConfiguration> read = configuration(file, err);
        if (read.isLeft()) {
            return Either.left(read.getLeft());
        }
        LoadedConfiguration input = read.get();
        if (input instanceof LoadedConfiguration.Invalid invalid) {
            invalid.problems().forEach(problem -> err.println(problem.describe(file.toString())));
            return Either.left(ExitCode.INVALID_CONFIGURATION);
        }
        return Either.right((LoadedConfiguration.Valid) input);
    }

    /**
     * Every line of the scenario read and checked against the configuration that will run (each
     * agent it names exists), or exit 2 after naming the file and the first bad line: then nothing
     * is applied, not even the lines before it.
     */
    static Either<Integer, JsonScenarioFile.Scenario> playable(
            Path file, Configuration configuration, PrintWriter err) {
        JsonScenarioFile.Scenario scenario = JsonScenarioFile.read(file);
        if (scenario.error().isPresent()) {
            err.println(scenario.error().get());
            return Either.left(ExitCode.BAD_INPUT);
        }
        for (ScenarioStep step : scenario.steps()) {
            String agent = step.agent().orElse(null);
            if (agent != null && configuration.agent(AgentId.of(agent)).isEmpty()) {
                err.println(scenario.file() + ":" + step.line() + ": unknown agent '" + agent
                        + "'; the configuration has "
                        + configuration.agents().keySet().toList().sorted().mkString(", "));
                return Either.left(ExitCode.BAD_INPUT);
            }
            if (step instanceof ScenarioStep.StatusDeletedAtVendor deleted) {
                Seq<String> deletable = deletable(configuration, deleted.vendor());
                if (!deletable.contains(deleted.status())) {
                    err.println(scenario.file() + ":" + step.line() + ": '" + deleted.status() + "' is not a status "
                            + "an admin can delete there; the configuration's are "
                            + (deletable.isEmpty() ? "none" : deletable.mkString(", ")));
                    return Either.left(ExitCode.BAD_INPUT);
                }
            }
        }
        return Either.right(scenario);
    }

    /** The statuses a vendor's admin may delete: Talkdesk's custom ones (not its built-ins), every presence status. */
    private static Seq<String> deletable(Configuration configuration, ScenarioStep.Vendor vendor) {
        if (vendor == ScenarioStep.Vendor.TALKDESK) {
            Set<TalkdeskStatusId> builtIns =
                    TalkdeskStatus.builtIns().map(TalkdeskStatus::id).toSet();
            return configuration
                    .talkdeskStatuses()
                    .keySet()
                    .filter(id -> !builtIns.contains(id))
                    .map(TalkdeskStatusId::value)
                    .toList()
                    .sorted();
        }
        return configuration
                .presenceStatuses()
                .keySet()
                .map(PresenceStatusId::apiName)
                .toList()
                .sorted();
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
