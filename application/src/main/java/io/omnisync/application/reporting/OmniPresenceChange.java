package io.omnisync.application.reporting;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.status.OmniStatus;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * An Omni-Channel presence change: a presence status, or {@link OmniStatus#OFFLINE} for a logout,
 * with the toolkit's reason (none: the agent picked it; SPEC 4.10).
 */
public record OmniPresenceChange(
        AgentId agent, OmniStatus status, Option<OmniReason> reason, EventId eventId, Instant at) {

    public OmniPresenceChange {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? Option.none() : reason;
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
    }

    /** The agent's own pick in the widget. */
    public OmniPresenceChange(AgentId agent, OmniStatus status, EventId eventId, Instant at) {
        this(agent, status, Option.none(), eventId, at);
    }

    public AgentEvent toEvent() {
        return new AgentEvent.OmniStatusReported(eventId, agent, at, status, reason);
    }
}
