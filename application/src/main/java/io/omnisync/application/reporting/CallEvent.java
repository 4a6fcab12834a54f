package io.omnisync.application.reporting;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * A step of a call. Each one is a Talkdesk status change the call makes: answering puts the
 * agent On a Call, hanging up puts them in After Call Work, the end of wrap-up puts them where
 * Talkdesk decided ({@code available}, or the status chosen in advance with Next agent status).
 */
public record CallEvent(
        AgentId agent, Step step, Option<TalkdeskStatusId> statusAfterWrapUp, EventId eventId, Instant at) {

    public enum Step {
        CALL_STARTED,
        CALL_ENDED,
        WRAP_UP_ENDED
    }

    public CallEvent {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
        statusAfterWrapUp = statusAfterWrapUp == null ? Option.none() : statusAfterWrapUp;
        if (statusAfterWrapUp.exists(TalkdeskStatusId::isReservedForCalls)) {
            throw new IllegalArgumentException("wrap-up cannot end in a call status: " + statusAfterWrapUp.get());
        }
    }

    /** The Talkdesk status this step leaves the agent in. */
    public TalkdeskStatusId status() {
        return switch (step) {
            case CALL_STARTED -> TalkdeskStatusId.ON_A_CALL;
            case CALL_ENDED -> TalkdeskStatusId.AFTER_CALL_WORK;
            case WRAP_UP_ENDED -> statusAfterWrapUp.getOrElse(TalkdeskStatusId.AVAILABLE);
        };
    }

    public TalkdeskStatusChange asStatusChange() {
        return new TalkdeskStatusChange(agent, status(), eventId, at);
    }
}
