package io.omnisync.cli;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.vavr.collection.Seq;

/** A configuration file as the command line sees it: unreadable, invalid, or valid with its warnings. */
sealed interface ConfigInput {

    /** {@code message} names the file, the line and the field. */
    record Unreadable(String message) implements ConfigInput {
    }

    record Invalid(Seq<LocatedProblem> problems) implements ConfigInput {
    }

    record Valid(ConfigurationDraft draft, Configuration configuration, Seq<LocatedProblem> warnings)
            implements ConfigInput {
    }
}
