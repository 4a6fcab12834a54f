package io.omnisync.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a session remembers between events: the latest report of each kind (for staleness), the
 * changes the engine asked for and awaits as echoes, and when each echo may come.
 */
class AgentSessionTest {

    private static final AgentId MARIA = AgentId.of("maria");
    private static final Instant T0 = Instant.parse("2026-01-06T10:00:00Z");
    private static final AtomicInteger IDS = new AtomicInteger();

    private static AgentSession maria() {
        return AgentSession.start(MARIA, TalkdeskStatusId.AVAILABLE, PresenceStatusId.of("Available_for_Calls"));
    }

    private static Instant at(int second) {
        return T0.plusSeconds(second);
    }

    private static EventId nextId() {
        return EventId.of("evt-" + IDS.incrementAndGet());
    }

    private static AgentEvent talkdeskAt(int second, String status) {
        return new AgentEvent.TalkdeskStatusReported(nextId(), MARIA, at(second), TalkdeskStatusId.of(status));
    }

    private static AgentEvent omniAt(int second, String status) {
        return new AgentEvent.OmniStatusReported(nextId(), MARIA, at(second), OmniStatus.parse(status));
    }

    private static AgentEvent workloadAt(int second, int units) {
        return new AgentEvent.OmniWorkloadReported(nextId(), MARIA, at(second), units);
    }

    private static AgentSession applied(AgentSession session, AgentEvent... events) {
        AgentSession now = session;
        for (AgentEvent event : events) {
            now = now.applied(event);
        }
        return now;
    }

    @Test
    void the_latest_report_of_a_kind_only_moves_forward() {
        AgentSession session = applied(maria(), talkdeskAt(1, "away"), talkdeskAt(3, "lunch"), talkdeskAt(2, "away"));

        assertThat(session.latestTalkdeskEvent()).contains(at(3));
        assertThat(session.isOlderThanLatest(talkdeskAt(2, "lunch"))).isTrue();
        assertThat(session.isOlderThanLatest(talkdeskAt(3, "lunch")))
                .as("the same instant is not older")
                .isFalse();
    }

    @Test
    void each_kind_of_report_moves_its_own_clock_only() {
        AgentSession talkdesk = applied(maria(), talkdeskAt(5, "away"));
        AgentSession presence = applied(maria(), omniAt(5, "Lunch_Break"));
        AgentSession work = applied(maria(), workloadAt(5, 2));

        assertThat(talkdesk.isOlderThanLatest(talkdeskAt(4, "lunch"))).isTrue();
        assertThat(talkdesk.isOlderThanLatest(omniAt(4, "Away_from_Desk"))).isFalse();
        assertThat(talkdesk.isOlderThanLatest(workloadAt(4, 1))).isFalse();

        assertThat(presence.isOlderThanLatest(omniAt(4, "Away_from_Desk"))).isTrue();
        assertThat(presence.isOlderThanLatest(talkdeskAt(4, "lunch"))).isFalse();
        assertThat(presence.isOlderThanLatest(workloadAt(4, 1))).isFalse();

        assertThat(work.isOlderThanLatest(workloadAt(4, 1))).isTrue();
        assertThat(work.isOlderThanLatest(omniAt(4, "Away_from_Desk"))).isFalse();
        assertThat(work.isOlderThanLatest(talkdeskAt(4, "lunch"))).isFalse();
    }

    @Test
    void an_echo_moves_the_clock_of_its_own_vendor_only() {
        AgentSession asked = maria().expectingTalkdesk(TalkdeskStatusId.of("lunch"))
                .expectingOmni(PresenceStatusId.of("Lunch_Break"));

        AgentSession talkdeskEchoed = asked.echoed(talkdeskAt(5, "lunch"));
        AgentSession omniEchoed = asked.echoed(omniAt(5, "Lunch_Break"));

        assertThat(talkdeskEchoed.talkdeskStatus()).isEqualTo(TalkdeskStatusId.of("lunch"));
        assertThat(talkdeskEchoed.isOlderThanLatest(talkdeskAt(4, "away"))).isTrue();
        assertThat(talkdeskEchoed.isOlderThanLatest(omniAt(4, "Away_from_Desk")))
                .isFalse();
        assertThat(talkdeskEchoed.expectedOmni()).containsExactly(PresenceStatusId.of("Lunch_Break"));

        assertThat(omniEchoed.omniStatus()).isEqualTo(PresenceStatusId.of("Lunch_Break"));
        assertThat(omniEchoed.isOlderThanLatest(omniAt(4, "Away_from_Desk"))).isTrue();
        assertThat(omniEchoed.isOlderThanLatest(talkdeskAt(4, "away"))).isFalse();
        assertThat(omniEchoed.expectedTalkdesk()).containsExactly(TalkdeskStatusId.of("lunch"));
    }

    @Test
    void at_most_eight_unanswered_changes_per_vendor_are_awaited_the_oldest_forgotten() {
        AgentSession session = maria();
        for (int i = 1; i <= AgentSession.MAX_EXPECTED + 1; i++) {
            session = session.expectingTalkdesk(TalkdeskStatusId.of("custom_" + i))
                    .expectingOmni(PresenceStatusId.of("Custom_" + i));
        }

        assertThat(session.expectedTalkdesk()).hasSize(AgentSession.MAX_EXPECTED);
        assertThat(session.expectedTalkdeskAfter()).hasSize(AgentSession.MAX_EXPECTED);
        assertThat(session.expectedOmni()).hasSize(AgentSession.MAX_EXPECTED);
        assertThat(session.expectedOmniAfter()).hasSize(AgentSession.MAX_EXPECTED);
        assertThat(session.isEcho(talkdeskAt(1, "custom_1"))).isFalse();
        assertThat(session.isEcho(talkdeskAt(1, "custom_2"))).isTrue();
        assertThat(session.isEcho(omniAt(1, "Custom_1"))).isFalse();
        assertThat(session.isEcho(omniAt(1, "Custom_9"))).isTrue();
    }

    /**
     * Talkdesk reported away at :10; the engine asked for lunch, custom_b and custom_c. The echo
     * of custom_b comes at :20 and settles lunch too; custom_c was asked after custom_b, so
     * Talkdesk made it after :20: a report of custom_c from before :20 is not its echo.
     */
    @Test
    void an_echo_settles_the_changes_asked_before_it_and_those_after_it_are_echoed_later_still() {
        AgentSession asked = applied(maria(), talkdeskAt(10, "away"))
                .expectingTalkdesk(TalkdeskStatusId.of("lunch"))
                .expectingTalkdesk(TalkdeskStatusId.of("custom_b"))
                .expectingTalkdesk(TalkdeskStatusId.of("custom_c"));

        AgentSession echoed = asked.echoed(talkdeskAt(20, "custom_b"));

        assertThat(echoed.expectedTalkdesk()).containsExactly(TalkdeskStatusId.of("custom_c"));
        assertThat(echoed.expectedTalkdeskAfter()).containsExactly(at(20));
        assertThat(echoed.isEcho(talkdeskAt(15, "custom_c"))).isFalse();
        assertThat(echoed.isEcho(talkdeskAt(21, "custom_c"))).isTrue();
    }

    @Test
    void the_same_holds_for_omni_channel() {
        AgentSession asked = applied(maria(), omniAt(10, "Away_from_Desk"))
                .expectingOmni(PresenceStatusId.of("Lunch_Break"))
                .expectingOmni(PresenceStatusId.of("Chat_Only"))
                .expectingOmni(PresenceStatusId.of("On_a_Call"));

        AgentSession echoed = asked.echoed(omniAt(20, "Chat_Only"));

        assertThat(echoed.expectedOmni()).containsExactly(PresenceStatusId.of("On_a_Call"));
        assertThat(echoed.expectedOmniAfter()).containsExactly(at(20));
        assertThat(echoed.isEcho(omniAt(15, "On_a_Call"))).isFalse();
        assertThat(echoed.isEcho(omniAt(21, "On_a_Call"))).isTrue();
    }

    @Test
    void a_session_stored_before_echo_times_were_kept_takes_any_report_of_an_awaited_status_as_its_echo() {
        AgentSession stored = new AgentSession(
                MARIA,
                TalkdeskStatusId.AVAILABLE,
                PresenceStatusId.of("Available_for_Calls"),
                CallPhase.IDLE,
                List.of(TalkdeskStatusId.of("lunch")),
                List.of(PresenceStatusId.of("Lunch_Break")),
                Option.some(at(10)),
                Option.some(at(10)),
                RecentEventIds.none(),
                0);

        assertThat(stored.isEcho(talkdeskAt(1, "lunch"))).isTrue();
        assertThat(stored.isEcho(omniAt(1, "Lunch_Break"))).isTrue();
        assertThat(stored.latestOmniWorkEvent()).isEmpty();
    }

    @Test
    void times_known_for_only_some_awaited_changes_bound_the_latest_ones() {
        AgentSession fewer = withTalkdeskAwaited(List.of("lunch", "away"), List.of(at(5)));
        AgentSession more = withTalkdeskAwaited(List.of("lunch", "away"), List.of(at(1), at(5), at(7)));

        assertThat(fewer.isEcho(talkdeskAt(1, "lunch")))
                .as("no time known: any report")
                .isTrue();
        assertThat(fewer.isEcho(talkdeskAt(1, "away"))).isFalse();
        assertThat(fewer.isEcho(talkdeskAt(5, "away"))).isTrue();

        assertThat(more.expectedTalkdeskAfter()).containsExactly(at(5), at(7));
        assertThat(more.isEcho(talkdeskAt(6, "away"))).isFalse();
    }

    private static AgentSession withTalkdeskAwaited(List<String> statuses, List<Instant> after) {
        return new AgentSession(
                MARIA,
                TalkdeskStatusId.AVAILABLE,
                PresenceStatusId.of("Available_for_Calls"),
                CallPhase.IDLE,
                statuses.map(TalkdeskStatusId::of),
                List.empty(),
                Option.none(),
                Option.none(),
                Option.none(),
                after,
                List.empty(),
                RecentEventIds.none(),
                0);
    }

    @Test
    void a_refused_change_is_no_longer_awaited_and_the_others_keep_their_times() {
        AgentSession asked = applied(maria(), talkdeskAt(10, "away"))
                .expectingTalkdesk(TalkdeskStatusId.of("lunch"))
                .expectingOmni(PresenceStatusId.of("Lunch_Break"));
        AgentSession later = applied(asked, talkdeskAt(20, "away")).expectingTalkdesk(TalkdeskStatusId.of("custom"));

        AgentSession refused = later.notExpectingTalkdesk(TalkdeskStatusId.of("lunch"));

        assertThat(refused.expectedTalkdesk()).containsExactly(TalkdeskStatusId.of("custom"));
        assertThat(refused.expectedTalkdeskAfter()).containsExactly(at(20));
        assertThat(refused.expectedOmni()).containsExactly(PresenceStatusId.of("Lunch_Break"));
        assertThat(later.notExpectingTalkdesk(TalkdeskStatusId.of("offline")))
                .as("a change never asked for")
                .isSameAs(later);
    }

    @Test
    void the_engine_knows_which_talkdesk_statuses_it_awaits() {
        AgentSession asked = maria().expectingTalkdesk(TalkdeskStatusId.of("lunch"));

        assertThat(asked.isEchoOf(TalkdeskStatusId.of("lunch"))).isTrue();
        assertThat(asked.isEchoOf(TalkdeskStatusId.of("away"))).isFalse();
        assertThat(maria().isEchoOf(TalkdeskStatusId.of("lunch"))).isFalse();
    }

    @Test
    void where_each_vendor_is_heading_is_the_latest_change_asked_else_what_it_reported() {
        AgentSession asked = maria().expectingTalkdesk(TalkdeskStatusId.of("lunch"))
                .expectingTalkdesk(TalkdeskStatusId.of("away"))
                .expectingOmni(PresenceStatusId.of("Lunch_Break"));

        assertThat(maria().talkdeskNow()).isEqualTo(TalkdeskStatusId.AVAILABLE);
        assertThat(maria().omniNow()).isEqualTo(PresenceStatusId.of("Available_for_Calls"));
        assertThat(asked.talkdeskNow()).isEqualTo(TalkdeskStatusId.AWAY);
        assertThat(asked.omniNow()).isEqualTo(PresenceStatusId.of("Lunch_Break"));
    }
}
