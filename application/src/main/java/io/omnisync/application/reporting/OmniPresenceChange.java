package io.omnisync.application.reporting;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.OmniStatus;
import java.time.Instant;
import java.util.Objects;

/** An Omni-Channel presence change: a presence status, or {@link OmniStatus#OFFLINE} for a logout. */
public record OmniPresenceChange(AgentId agent, OmniStatus status, EventId eventId, Instant at) {

    public OmniPresenceChange {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
    }

    public AgentEvent toEvent() {
        return new AgentEvent.OmniStatusReported(eventId, agent, at, status);
    }
}
