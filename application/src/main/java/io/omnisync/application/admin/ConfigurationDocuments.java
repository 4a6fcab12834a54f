package io.omnisync.application.admin;

import io.omnisync.domain.configuration.ConfigurationDraft;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.Function;

/**
 * Driven port: configuration files as text, for adapters that take and give them whole (the admin API's {@code PUT
 * /api/configuration}): text read into a draft, with the line each element is on so that problems can say where they
 * are, and a draft written back as the file it came from. The JSON adapter implements it.
 */
public interface ConfigurationDocuments {

    /**
     * Reads configuration text; {@code name} is what errors call it ("the request body").
     *
     * @return the draft and its lines, or why the text is no configuration file, naming the line and the field
     */
    Either<String, Read> read(String text, String name);

    /** The draft as a configuration file, in the format it is read in. */
    String write(ConfigurationDraft draft);

    /** A configuration file read: its draft, and the line of each element's path ({@code agents[0].profile}). */
    record Read(ConfigurationDraft draft, Function<String, Option<Integer>> lineOf) {
        public Read {
            Objects.requireNonNull(draft, "draft");
            Objects.requireNonNull(lineOf, "lineOf");
        }
    }
}
