package io.omnisync.domain.event;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a vendor reported about one agent. Vendors deliver at least once and out of order, and
 * they report the engine's own changes back too: the decision function sorts that out.
 */
public sealed interface AgentEvent {

    EventId id();

    AgentId agent();

    /** When it happened at the vendor. */
    Instant at();

    /** The system that reported it; ordering and staleness are judged per system. */
    VendorSystem system();

    /** The agent's Talkdesk status became {@code status}: picked by the agent, or set by a call. */
    record TalkdeskStatusReported(EventId id, AgentId agent, Instant at, TalkdeskStatusId status)
            implements AgentEvent {
        public TalkdeskStatusReported {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public VendorSystem system() {
            return VendorSystem.TALKDESK;
        }
    }

    /** The agent picked a presence status in the widget, or logged out ({@link OmniStatus#OFFLINE}). */
    record OmniStatusReported(EventId id, AgentId agent, Instant at, OmniStatus status) implements AgentEvent {
        public OmniStatusReported {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public VendorSystem system() {
            return VendorSystem.OMNI;
        }
    }

    /** Omni-Channel's units of work in use for the agent changed. */
    record OmniWorkloadReported(EventId id, AgentId agent, Instant at, int workload) implements AgentEvent {
        public OmniWorkloadReported {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public VendorSystem system() {
            return VendorSystem.OMNI;
        }
    }

    /** The agent accepted a work item on a service channel. */
    record OmniWorkAccepted(EventId id, AgentId agent, Instant at, String channel) implements AgentEvent {
        public OmniWorkAccepted {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(channel, "channel");
        }

        @Override
        public VendorSystem system() {
            return VendorSystem.OMNI;
        }
    }
}
