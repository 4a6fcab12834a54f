package io.omnisync.adapters.configjson;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.Problem;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Reads a configuration file and validates it whole (SPEC sections 3 and 6): the file's own
 * errors ({@link ReadError}) stay apart from the domain's {@link Problem}s, which come back with
 * the line of the file they are about, errors and warnings together in the order of the file (a
 * problem about something the file does not write at all last), so that an admin reads them top
 * to bottom with the file.
 */
public final class ConfigurationLoader {

    /** By line; a problem without one after the others; the domain's order (errors first) within a line. */
    private static final Comparator<LocatedProblem> FILE_ORDER =
            Comparator.comparing(problem -> problem.line().orElse(Integer.MAX_VALUE));

    private ConfigurationLoader() {}

    public static LoadedConfiguration load(Path file) {
        return validated(JsonConfigurationFile.readAll(file));
    }

    /** The same for text in hand; {@code fileName} is what errors call it. */
    public static LoadedConfiguration load(String text, String fileName) {
        return validated(JsonConfigurationFile.parseAll(text, fileName));
    }

    private static LoadedConfiguration validated(Either<Seq<ReadError>, JsonConfigurationFile.Parsed> read) {
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

    /** Each problem with its line, in the order of the file (a stable sort: the domain's order within a line). */
    static Seq<LocatedProblem> located(Seq<Problem> problems, LineIndex lines) {
        return problems.map(problem -> new LocatedProblem(problem, lines.lineOf(problem.path())))
                .sorted(FILE_ORDER);
    }
}
