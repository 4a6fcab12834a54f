package io.omnisync.adapters.kafka.codec;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.sync.Fact;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * A record of the facts topic ({@code omnisync.facts}, keyed by agent id, no key for facts about the whole
 * integration): the audit trail, each entry with the instant of the record it came from and the configuration
 * version it was decided under.
 */
public sealed interface FactRecord {

    Option<AgentId> agent();

    long configurationVersion();

    Instant at();

    /** A fact of the engine: what it did and did not do, and why. */
    record Decided(Fact fact, long configurationVersion, Instant at) implements FactRecord {
        public Decided {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Option<AgentId> agent() {
            return fact.about();
        }
    }

    /**
     * A record of the events topic that could not be used ({@link Unreadable}): where it is, so it can be looked
     * at, and its key.
     */
    record Unused(
            Option<String> key,
            Unreadable why,
            String topic,
            int partition,
            long offset,
            long configurationVersion,
            Instant at)
            implements FactRecord {
        public Unused {
            key = key == null ? Option.none() : key;
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Option<AgentId> agent() {
            return key.map(AgentId::of);
        }
    }
}
