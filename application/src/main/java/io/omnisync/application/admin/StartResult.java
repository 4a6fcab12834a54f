package io.omnisync.application.admin;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.sync.Command;
import io.vavr.collection.Seq;
import java.util.Objects;

/** What {@link StartEngine#start} did: the engine runs (three ways), or it was not started and nothing changed. */
public sealed interface StartResult {

    /** The engine runs this configuration (the store's own, when it resumed). */
    sealed interface Running extends StartResult {
        Configuration configuration();
    }

    /** The store held no configuration: this one runs; {@code commands} are what its activation decided. */
    record StartedFresh(Configuration configuration, Seq<Command> commands) implements Running {
        public StartedFresh {
            Objects.requireNonNull(configuration, "configuration");
            Objects.requireNonNull(commands, "commands");
        }
    }

    /**
     * The store runs the same configuration: it goes on with its own, run-time settings included,
     * reconciling nothing; {@code pendingCommands} wait in its outbox and are due at once.
     */
    record Resumed(Configuration configuration, int pendingCommands) implements Running {
        public Resumed {
            Objects.requireNonNull(configuration, "configuration");
        }
    }

    /**
     * The given configuration replaced the store's ({@link ReplacePolicy#REPLACE}); {@code
     * differences} name what changed, {@code commands} what the replacement decided (an activation
     * if it turned sync on).
     */
    record Replaced(Configuration configuration, Seq<String> differences, Seq<Command> commands) implements Running {
        public Replaced {
            Objects.requireNonNull(configuration, "configuration");
            Objects.requireNonNull(differences, "differences");
            Objects.requireNonNull(commands, "commands");
        }
    }

    /** The store runs a different configuration and no replacement was asked for; nothing changed. */
    record Refused(Seq<String> differences) implements StartResult {
        public Refused {
            Objects.requireNonNull(differences, "differences");
        }

        /** A sentence: the store already runs a different configuration, and where it differs. */
        public String reason() {
            return "the store already runs a different configuration (it differs in " + differences.mkString(", ")
                    + "); nothing was changed";
        }
    }

    /** The configuration is invalid (SPEC 3): every problem; nothing changed. */
    record Rejected(Seq<Problem> problems) implements StartResult {
        public Rejected {
            Objects.requireNonNull(problems, "problems");
        }
    }
}
