package io.omnisync.adapters.configjson;

import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.configuration.ProblemCode;
import io.omnisync.domain.configuration.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem the domain found in a configuration, with the line of the file it is about when the
 * file has one: what the command line prints as {@code {"severity","code","path","message","line"}}.
 */
public record LocatedProblem(Problem problem, Optional<Integer> line) {

    public LocatedProblem {
        Objects.requireNonNull(problem, "problem");
        line = line == null ? Optional.empty() : line;
    }

    public Severity severity() {
        return problem.severity();
    }

    public ProblemCode code() {
        return problem.code();
    }

    public String path() {
        return problem.path();
    }

    public String message() {
        return problem.message();
    }

    /** {@code contact-center.json:19: ERROR OFFLINE_AS_TARGET at integration.talkdeskToOmni.offline: ...}. */
    public String describe(String file) {
        return file + line.map(number -> ":" + number).orElse("") + ": " + problem.severity() + " " + problem.code()
                + " at " + problem.path() + ": " + problem.message();
    }
}
