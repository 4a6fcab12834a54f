package io.omnisync.application.admin;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.sync.Command;
import io.vavr.collection.Seq;

/** A configuration applied (with its warnings and what activation sent), or rejected with every problem. */
public sealed interface LoadResult {

    record Applied(Configuration configuration, Seq<Command> commands) implements LoadResult {
        public Seq<Problem> warnings() {
            return configuration.warnings();
        }
    }

    record Rejected(Seq<Problem> problems) implements LoadResult {}
}
