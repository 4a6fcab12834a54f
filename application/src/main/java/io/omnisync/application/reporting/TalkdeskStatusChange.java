package io.omnisync.application.reporting;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.time.Instant;
import java.util.Objects;

/** A Talkdesk agent status webhook: which agent, which status, the vendor's event id and time. */
public record TalkdeskStatusChange(AgentId agent, TalkdeskStatusId status, EventId eventId, Instant at) {

    public TalkdeskStatusChange {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
    }

    public AgentEvent toEvent() {
        return new AgentEvent.TalkdeskStatusReported(eventId, agent, at, status);
    }
}
