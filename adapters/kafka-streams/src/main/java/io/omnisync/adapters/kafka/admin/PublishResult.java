package io.omnisync.adapters.kafka.admin;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.settings.Refusal;
import io.vavr.collection.Seq;
import java.util.Objects;

/**
 * What became of an admin change. The domain's answers ({@link Refused}, {@link Rejected}) and a lost race
 * ({@link Conflict}) write nothing to the configuration topic; a broken Kafka is an exception, not a result.
 */
public sealed interface PublishResult {

    /** Written and committed: {@code version} is the configuration record's offset; {@code reconciled} agents. */
    record Published(long version, Configuration configuration, int reconciled) implements PublishResult {
        public Published {
            Objects.requireNonNull(configuration, "configuration");
        }
    }

    /** The domain refused the toggle (business hours, conflicting after-call settings, an unknown rule). */
    record Refused(Refusal refusal) implements PublishResult {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    /** The configuration has errors; every problem, as {@code validate} lists them. */
    record Rejected(Seq<Problem> problems) implements PublishResult {
        public Rejected {
            Objects.requireNonNull(problems, "problems");
        }
    }

    /** The topic already runs a configuration (version {@code version}); the given one was not written. */
    record Running(long version) implements PublishResult {}

    /** Another admin change (on another instance) took the admin's transactional id meanwhile; try again. */
    record Conflict(String message) implements PublishResult {
        public Conflict {
            Objects.requireNonNull(message, "message");
        }
    }
}
