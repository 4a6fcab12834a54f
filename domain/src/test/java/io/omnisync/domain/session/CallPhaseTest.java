package io.omnisync.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** The call lifecycle as Talkdesk statuses move it, and what it remembers for afterwards (SPEC 4.8). */
class CallPhaseTest {

    private static final PresenceStatusId AVAILABLE = PresenceStatusId.of("Available_for_Calls");
    private static final PresenceStatusId LUNCH = PresenceStatusId.of("Lunch_Break");
    private static final TalkdeskStatusId LUNCH_TALKDESK = TalkdeskStatusId.of("lunch");

    @Test
    void an_idle_agent_remembers_nothing_and_a_pick_outside_a_call_is_no_memory() {
        assertThat(CallPhase.IDLE.inCall()).isFalse();
        assertThat(CallPhase.IDLE.remembered()).isEmpty();
        assertThat(CallPhase.IDLE.picked()).isFalse();
        assertThat(CallPhase.IDLE.rememberPick(LUNCH)).isEqualTo(CallPhase.IDLE);
        assertThat(CallPhase.IDLE.next(LUNCH_TALKDESK, AVAILABLE)).isEqualTo(CallPhase.IDLE);
    }

    @Test
    void a_call_remembers_where_the_agent_was_before_it() {
        CallPhase call = CallPhase.IDLE.next(TalkdeskStatusId.ON_A_CALL, AVAILABLE);

        assertThat(call).isEqualTo(new CallPhase.OnCall(Option.some(AVAILABLE)));
        assertThat(call.inCall()).isTrue();
        assertThat(call.pick()).as("not her pick").isEmpty();
    }

    @Test
    void on_a_call_reported_again_keeps_the_call_as_it_is() {
        CallPhase picked = new CallPhase.OnCall(Option.some(AVAILABLE)).rememberPick(LUNCH);

        assertThat(picked.next(TalkdeskStatusId.ON_A_CALL, AVAILABLE)).isEqualTo(picked);
        assertThat(picked.pick()).contains(LUNCH);
    }

    @Test
    void wrap_up_whose_call_was_never_seen_has_nothing_to_return_to() {
        CallPhase wrapUp = CallPhase.IDLE.next(TalkdeskStatusId.AFTER_CALL_WORK, AVAILABLE);

        assertThat(wrapUp).isEqualTo(new CallPhase.WrapUp(Option.none()));
        assertThat(wrapUp.inCall()).isTrue();
        assertThat(wrapUp.remembered()).isEmpty();
    }

    @Test
    void wrap_up_keeps_the_memory_and_the_pick_until_the_agent_leaves_it() {
        CallPhase wrapUp = new CallPhase.OnCall(Option.some(AVAILABLE))
                .rememberPick(LUNCH)
                .next(TalkdeskStatusId.AFTER_CALL_WORK, AVAILABLE);

        assertThat(wrapUp).isEqualTo(new CallPhase.WrapUp(Option.some(LUNCH), true));
        assertThat(wrapUp.next(TalkdeskStatusId.AFTER_CALL_WORK, AVAILABLE)).isEqualTo(wrapUp);
        assertThat(wrapUp.next(TalkdeskStatusId.ON_A_CALL, AVAILABLE))
                .as("a second call keeps the first memory")
                .isEqualTo(new CallPhase.OnCall(Option.some(LUNCH), true));
        assertThat(wrapUp.next(LUNCH_TALKDESK, AVAILABLE)).isEqualTo(CallPhase.IDLE);
    }

    /** The crash-point and long-day store tests compare the phases agents end in by these words. */
    @Test
    void a_phase_reads_as_where_the_agent_is_and_what_she_returns_to() {
        assertThat(CallPhase.IDLE).hasToString("idle");
        assertThat(new CallPhase.OnCall(Option.some(AVAILABLE)))
                .hasToString("on a call (remembers Available_for_Calls)");
        assertThat(new CallPhase.OnCall(Option.some(OmniStatus.OFFLINE), true))
                .hasToString("on a call (remembers Offline, her pick)");
        assertThat(new CallPhase.WrapUp(Option.some(LUNCH), true))
                .hasToString("wrapping up (remembers Lunch_Break, her pick)");
        assertThat(new CallPhase.WrapUp(Option.none())).hasToString("wrapping up");
    }
}
