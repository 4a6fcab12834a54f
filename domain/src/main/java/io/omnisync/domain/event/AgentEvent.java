package io.omnisync.domain.event;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Option;
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

    /**
     * The agent's presence became {@code status} (or she logged out: {@link OmniStatus#OFFLINE}),
     * for the toolkit's {@code reason}: absent, she picked it in the widget; otherwise Salesforce
     * (or a supervisor, or another console integration) moved her (SPEC 4.10).
     */
    record OmniStatusReported(EventId id, AgentId agent, Instant at, OmniStatus status, Option<OmniReason> reason)
            implements AgentEvent {
        public OmniStatusReported {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
            reason = reason == null ? Option.none() : reason;
        }

        /** A pick in the widget: no reason given. */
        public OmniStatusReported(EventId id, AgentId agent, Instant at, OmniStatus status) {
            this(id, agent, at, status, Option.none());
        }

        /** The reason the report gave, or {@link OmniReason#MANUAL} when it gave none. */
        public OmniReason reasonOrManual() {
            return reason.getOrElse(OmniReason.MANUAL);
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
