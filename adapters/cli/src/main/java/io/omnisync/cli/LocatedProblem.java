package io.omnisync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.domain.configuration.Problem;
import io.vavr.control.Option;

/** A configuration problem with the line of the file it is about, when known. */
record LocatedProblem(Problem problem, Option<Integer> line) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code {"severity","code","path","message","line"}}; {@code line} only when known. */
    String toJson() {
        ObjectNode node = JSON.createObjectNode()
                .put("severity", problem.severity().name())
                .put("code", problem.code().name())
                .put("path", problem.path())
                .put("message", problem.message());
        line.forEach(number -> node.put("line", number));
        return node.toString();
    }

    String toHuman(String file) {
        return file + line.map(number -> ":" + number).getOrElse("") + ": " + problem.severity() + " "
                + problem.code() + " at " + problem.path() + ": " + problem.message();
    }
}
