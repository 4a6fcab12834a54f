package io.omnisync.adapters.configjson;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Objects;

/**
 * A configuration file once read and validated: unreadable (the command line exits 2), invalid
 * (every problem, errors and warnings, in the order of the file, each with its line; exit 1) or
 * valid (with its warnings, in the order of the file; exit 0).
 */
public sealed interface LoadedConfiguration {

    /**
     * Not a configuration at all: malformed JSON, an unknown field, a value of the wrong type, too
     * large... every error one pass over the file found, in the order of the file.
     */
    record Unreadable(Seq<ReadError> errors) implements LoadedConfiguration {

        public Unreadable {
            Objects.requireNonNull(errors, "errors");
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an unreadable file has at least one error");
            }
        }

        public Unreadable(ReadError error) {
            this(List.of(error));
        }

        /** The first error; {@link #errors()} has them all, one a line for a human. */
        public ReadError error() {
            return errors.head();
        }
    }

    /** Read, but rejected whole by the rules of SPEC section 3: its errors and its warnings, in file order. */
    record Invalid(ConfigurationDraft draft, Seq<LocatedProblem> problems) implements LoadedConfiguration {}

    /** Accepted: the configuration, the draft it came from and its warnings, in file order. */
    record Valid(ConfigurationDraft draft, Configuration configuration, Seq<LocatedProblem> warnings)
            implements LoadedConfiguration {}
}
