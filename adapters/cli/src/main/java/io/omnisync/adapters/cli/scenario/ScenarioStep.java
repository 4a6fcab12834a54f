package io.omnisync.adapters.cli.scenario;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of a scenario file (SPEC sections 7 and 9): what happened, to which agent, with the
 * vendor's optional event id and time, and the line it came from.
 */
public sealed interface ScenarioStep {

    int line();

    /** The vendor's event id: a line whose id was seen before is a redelivery. */
    Optional<String> id();

    /** When it happened; without it the simulation clock stays where it was. */
    Optional<Instant> at();

    /** The agent it concerns, if any (admin lines concern none). */
    default Optional<String> agent() {
        return Optional.empty();
    }

    record TalkdeskStatusPicked(int line, Optional<String> id, Optional<Instant> at, String agentId, String status)
            implements ScenarioStep {
        @Override
        public Optional<String> agent() {
            return Optional.of(agentId);
        }
    }

    record CallStarted(int line, Optional<String> id, Optional<Instant> at, String agentId) implements ScenarioStep {
        @Override
        public Optional<String> agent() {
            return Optional.of(agentId);
        }
    }

    record CallEnded(int line, Optional<String> id, Optional<Instant> at, String agentId) implements ScenarioStep {
        @Override
        public Optional<String> agent() {
            return Optional.of(agentId);
        }
    }

    record WrapUpEnded(int line, Optional<String> id, Optional<Instant> at, String agentId, Optional<String> nextStatus)
            implements ScenarioStep {
        @Override
        public Optional<String> agent() {
            return Optional.of(agentId);
        }
    }

    record OmniStatusPicked(int line, Optional<String> id, Optional<Instant> at, String agentId, String status)
            implements ScenarioStep {
        @Override
        public Optional<String> agent() {
            return Optional.of(agentId);
        }
    }

    record OmniWorkloadChanged(int line, Optional<String> id, Optional<Instant> at, String agentId, int workload)
            implements ScenarioStep {
        @Override
        public Optional<String> agent() {
            return Optional.of(agentId);
        }
    }

    record OmniWorkAccepted(int line, Optional<String> id, Optional<Instant> at, String agentId, String channel)
            implements ScenarioStep {
        @Override
        public Optional<String> agent() {
            return Optional.of(agentId);
        }
    }

    record SyncToggled(int line, Optional<String> id, Optional<Instant> at, boolean enabled, boolean force)
            implements ScenarioStep {}

    record ReturnToPreviousToggled(int line, Optional<String> id, Optional<Instant> at, boolean enabled)
            implements ScenarioStep {}

    record NextAgentStatusToggled(int line, Optional<String> id, Optional<Instant> at, boolean enabled)
            implements ScenarioStep {}

    record RuleToggled(int line, Optional<String> id, Optional<Instant> at, String name, boolean enabled)
            implements ScenarioStep {}
}
