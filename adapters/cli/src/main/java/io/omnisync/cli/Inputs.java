package io.omnisync.cli;

import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.configjson.JsonScenarioFile;
import io.omnisync.adapters.configjson.LineIndex;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.Problem;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.nio.file.Path;

/** The command line's files: a configuration (read, located, validated) and a scenario. */
final class Inputs {

    private Inputs() {
    }

    static ConfigInput readConfiguration(Path file) {
        return JsonConfigurationFile.read(file).fold(
                error -> new ConfigInput.Unreadable(error.toString()),
                parsed -> Configuration.validate(parsed.draft()).fold(
                        problems -> new ConfigInput.Invalid(located(problems, parsed.lines())),
                        configuration -> new ConfigInput.Valid(parsed.draft(), configuration,
                                located(configuration.warnings(), parsed.lines()))));
    }

    static JsonScenarioFile.Scenario readScenario(Path file) {
        return JsonScenarioFile.read(file);
    }

    private static Seq<LocatedProblem> located(Seq<Problem> problems, LineIndex lines) {
        return problems.map(problem -> new LocatedProblem(problem,
                Option.ofOptional(lines.lineOf(problem.path()))));
    }
}
