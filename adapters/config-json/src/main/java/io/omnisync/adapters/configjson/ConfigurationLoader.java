package io.omnisync.adapters.configjson;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.Problem;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.nio.file.Path;

/**
 * Reads a configuration file and validates it whole (SPEC sections 3 and 6): the file's own
 * errors ({@link ReadError}) stay apart from the domain's {@link Problem}s, which come back with
 * the line of the file they are about.
 */
public final class ConfigurationLoader {

    private ConfigurationLoader() {}

    public static LoadedConfiguration load(Path file) {
        return validated(JsonConfigurationFile.read(file));
    }

    /** The same for text in hand; {@code fileName} is what errors call it. */
    public static LoadedConfiguration load(String text, String fileName) {
        return validated(JsonConfigurationFile.parse(text, fileName));
    }

    private static LoadedConfiguration validated(Either<ReadError, JsonConfigurationFile.Parsed> read) {
        return read.fold(
                LoadedConfiguration.Unreadable::new,
                parsed -> Configuration.validate(parsed.draft())
                        .fold(
                                problems -> new LoadedConfiguration.Invalid(
                                        parsed.draft(), located(problems, parsed.lines())),
                                configuration -> new LoadedConfiguration.Valid(
                                        parsed.draft(),
                                        configuration,
                                        located(configuration.warnings(), parsed.lines()))));
    }

    static Seq<LocatedProblem> located(Seq<Problem> problems, LineIndex lines) {
        return problems.map(problem -> new LocatedProblem(problem, lines.lineOf(problem.path())));
    }
}
