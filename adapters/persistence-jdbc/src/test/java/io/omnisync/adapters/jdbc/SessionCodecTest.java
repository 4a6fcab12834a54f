package io.omnisync.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.session.CallPhase;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What the engine needs after a restart survives the store: an agent's pick during a call (it wins
 * after wrap-up, SPEC 4.8), the time each awaited echo comes after, and the clock of each kind of
 * report (staleness is judged per kind).
 */
class SessionCodecTest {

    private static final AgentId MARIA = AgentId.of("maria");
    private static final Instant NINE = Instant.parse("2026-01-06T09:00:00Z");

    @Test
    void a_pick_during_the_call_the_awaited_echoes_and_every_clock_survive() {
        AgentSession session = AgentSession.start(MARIA, TalkdeskStatusId.ON_A_CALL, PresenceStatusId.of("On_a_Call"))
                .withCallPhase(new CallPhase.OnCall(Option.some(PresenceStatusId.of("Lunch_Break")), true))
                .applied(new AgentEvent.OmniStatusReported(
                        EventId.of("sf-1"), MARIA, NINE, PresenceStatusId.of("On_a_Call")))
                .applied(new AgentEvent.OmniWorkloadReported(EventId.of("sf-2"), MARIA, NINE.plusSeconds(5), 1))
                .expectingOmni(PresenceStatusId.of("After_Call_Work"))
                .expectingTalkdesk(TalkdeskStatusId.of("lunch"));

        AgentSession read = SessionCodec.decode("maria", SessionCodec.encode(session));

        assertThat(read).isEqualTo(session);
        assertThat(read.callPhase().pick()).contains(PresenceStatusId.of("Lunch_Break"));
        assertThat(read.latestOmniWorkEvent()).contains(NINE.plusSeconds(5));
        assertThat(read.expectedOmniAfter()).containsExactly(NINE);
    }

    @Test
    void a_session_written_before_these_fields_reads_back_without_them() {
        String before = "{\"talkdesk\":\"available\",\"omni\":\"Offline\",\"phase\":\"wrapUp\",\"workload\":0,"
                + "\"remembered\":\"Chat_Only\",\"expectedTalkdesk\":[\"away\"],\"expectedOmni\":[],"
                + "\"latestOmni\":\"2026-01-06T09:00:00Z\",\"recentIds\":[]}";

        AgentSession read = SessionCodec.decode("maria", before);

        assertThat(read.callPhase().picked()).isFalse();
        assertThat(read.omniStatus()).isEqualTo(OmniStatus.OFFLINE);
        assertThat(read.expectedTalkdesk()).containsExactly(TalkdeskStatusId.AWAY);
        assertThat(read.expectedTalkdeskAfter()).hasSize(1);
        assertThat(read.latestOmniWorkEvent()).isEmpty();
    }
}
