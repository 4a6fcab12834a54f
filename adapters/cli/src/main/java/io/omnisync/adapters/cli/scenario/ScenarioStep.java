package io.omnisync.adapters.cli.scenario;

import io.omnisync.domain.event.OmniReason;
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

    /**
     * Talkdesk offers the agent an incoming call: it rings only for a status of type Available.
     * Nothing changes; the timeline says whether she could take it.
     */
    record CallOffered(int line, Optional<String> id, Optional<Instant> at, String agentId) implements ScenarioStep {
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

    /**
     * The agent's presence became {@code status}: her own pick in the widget, or, with a {@code
     * reason}, a move Salesforce made by itself (a supervisor, a login, another integration).
     */
    record OmniStatusPicked(
            int line,
            Optional<String> id,
            Optional<Instant> at,
            String agentId,
            String status,
            Optional<OmniReason> reason)
            implements ScenarioStep {
        public OmniStatusPicked(int line, Optional<String> id, Optional<Instant> at, String agentId, String status) {
            this(line, id, at, agentId, status, Optional.empty());
        }

        @Override
        public Optional<String> agent() {
            return Optional.of(agentId);
        }
    }

    /** The agent declines work pushed to her: Salesforce moves her to her status on decline. */
    record OmniWorkDeclined(int line, Optional<String> id, Optional<Instant> at, String agentId)
            implements ScenarioStep {
        @Override
        public Optional<String> agent() {
            return Optional.of(agentId);
        }
    }

    /** A push to the agent times out: Salesforce moves her to her status on push timeout. */
    record OmniPushTimedOut(int line, Optional<String> id, Optional<Instant> at, String agentId)
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

    /**
     * A vendor's admin deletes (or renames) {@code status} there after the configuration was
     * written: the vendor no longer knows it, and refuses a command that names it.
     */
    record StatusDeletedAtVendor(int line, Optional<String> id, Optional<Instant> at, Vendor vendor, String status)
            implements ScenarioStep {}

    /** The vendor a line is about, where the line's type does not say it by its agent. */
    enum Vendor {
        TALKDESK,
        OMNI
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
