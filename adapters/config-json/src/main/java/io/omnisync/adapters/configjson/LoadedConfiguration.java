package io.omnisync.adapters.configjson;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.vavr.collection.Seq;

/**
 * A configuration file once read and validated: unreadable (the command line exits 2), invalid
 * (every problem, errors first, each with its line; exit 1) or valid (with its warnings; exit 0).
 */
public sealed interface LoadedConfiguration {

    /** Not a configuration at all: malformed JSON, an unknown field, a value of the wrong type... */
    record Unreadable(ReadError error) implements LoadedConfiguration {}

    /** Read, but rejected whole by the rules of SPEC section 3: errors first, then the warnings. */
    record Invalid(ConfigurationDraft draft, Seq<LocatedProblem> problems) implements LoadedConfiguration {}

    /** Accepted: the configuration, the draft it came from and its warnings. */
    record Valid(ConfigurationDraft draft, Configuration configuration, Seq<LocatedProblem> warnings)
            implements LoadedConfiguration {}
}
