package io.omnisync.domain.sync;

import static io.omnisync.domain.GuideSetup.MARIA;
import static io.omnisync.domain.GuideSetup.configuration;
import static io.omnisync.domain.GuideSetup.decide;
import static io.omnisync.domain.GuideSetup.nextId;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Echoes that come late (SPEC 4.6 and 4.7): staleness is judged among reports of the same kind,
 * and the echo of a change Omnisync made, arriving after a newer change of the agent's own, still
 * settles the wait for it without overriding her change.
 */
class LateReportsTest {

    private static final Instant T0 = Instant.parse("2026-01-06T10:00:00Z");

    private final Configuration syncing = configuration();

    private AgentSession maria() {
        return AgentSession.of(syncing.agent(MARIA).get());
    }

    private static AgentEvent talkdeskAt(int second, String status) {
        return new AgentEvent.TalkdeskStatusReported(
                nextId(), MARIA, T0.plusSeconds(second), TalkdeskStatusId.of(status));
    }

    private static AgentEvent omniAt(int second, String status) {
        return new AgentEvent.OmniStatusReported(nextId(), MARIA, T0.plusSeconds(second), OmniStatus.parse(status));
    }

    private AgentSession after(AgentSession session, AgentEvent... events) {
        AgentSession now = session;
        for (AgentEvent event : events) {
            now = decide(syncing, now, event).session();
        }
        return now;
    }

    @Test
    void a_workload_report_does_not_make_the_echo_of_an_earlier_change_stale() {
        // Talkdesk lunch at :01 asks Omni-Channel for Lunch_Break; Omni makes it at :02; workload changes at :03
        AgentSession asked = after(maria(), talkdeskAt(1, "lunch"));
        AgentSession busy = after(asked, new AgentEvent.OmniWorkloadReported(nextId(), MARIA, T0.plusSeconds(3), 2));

        AgentDecision echoed = decide(syncing, busy, omniAt(2, "Lunch_Break"));

        assertThat(echoed.facts()).extracting(f -> ((Fact.Skipped) f).reason()).containsExactly(SkipReason.ECHO);
        assertThat(echoed.session().omniStatus()).isEqualTo(PresenceStatusId.of("Lunch_Break"));
        assertThat(echoed.session().expectedOmni()).isEmpty();
        assertThat(echoed.session().workload()).isEqualTo(2);
    }

    @Test
    void workload_reports_are_stale_only_against_workload_reports() {
        AgentSession busy = after(
                maria(),
                new AgentEvent.OmniWorkloadReported(nextId(), MARIA, T0.plusSeconds(5), 3),
                omniAt(9, "Chat_Only"));

        AgentDecision older =
                decide(syncing, busy, new AgentEvent.OmniWorkloadReported(nextId(), MARIA, T0.plusSeconds(4), 1));
        AgentDecision newer =
                decide(syncing, busy, new AgentEvent.OmniWorkloadReported(nextId(), MARIA, T0.plusSeconds(6), 1));

        assertThat(older.facts()).extracting(f -> ((Fact.Skipped) f).reason()).containsExactly(SkipReason.STALE);
        assertThat(older.session().workload()).isEqualTo(3);
        assertThat(newer.facts())
                .as("older than the presence report at :09, but of another kind")
                .isEmpty();
        assertThat(newer.session().workload()).isEqualTo(1);
    }

    @Test
    void an_echo_after_a_newer_pick_settles_the_wait_and_the_pick_stands() {
        // Talkdesk lunch at :01 asks for Lunch_Break; Omni makes it at :02; the agent picks Chat_Only at :03
        AgentSession asked = after(maria(), talkdeskAt(1, "lunch"));
        AgentSession picked = after(asked, omniAt(3, "Chat_Only"));
        assertThat(picked.omniNow()).as("still awaiting the echo").isEqualTo(PresenceStatusId.of("Lunch_Break"));

        AgentDecision late = decide(syncing, picked, omniAt(2, "Lunch_Break"));

        assertThat(late.commands()).isEmpty();
        assertThat(late.facts()).singleElement().satisfies(fact -> {
            Fact.Skipped skipped = (Fact.Skipped) fact;
            assertThat(skipped.reason()).isEqualTo(SkipReason.ECHO);
            assertThat(skipped.because()).isEqualTo(Because.DELIVERY);
        });
        assertThat(late.session().omniStatus()).as("her pick stands").isEqualTo(PresenceStatusId.of("Chat_Only"));
        assertThat(late.session().omniNow()).isEqualTo(PresenceStatusId.of("Chat_Only"));
        assertThat(late.session().expectedOmni()).isEmpty();
    }

    @Test
    void after_a_late_echo_a_change_back_to_its_status_is_sent_not_skipped() {
        AgentSession settled = after(
                maria(),
                talkdeskAt(1, "lunch"), // asks Omni-Channel for Lunch_Break
                omniAt(3, "Chat_Only"), // her pick; asks Talkdesk for chat_only
                omniAt(2, "Lunch_Break")); // the late echo of Lunch_Break

        AgentDecision lunchAgain = decide(syncing, settled, talkdeskAt(5, "lunch"));

        assertThat(lunchAgain.commands())
                .as("not ALREADY_IN_STATUS: Omni-Channel shows her pick, Chat_Only")
                .extracting(Command::statusName)
                .containsExactly("Lunch_Break");
    }

    @Test
    void the_late_echo_of_a_change_already_settled_does_not_settle_a_later_one() {
        // Omnisync asks for Lunch_Break (:01), then Away_from_Desk (:04), then Lunch_Break again (:06);
        // Omni-Channel makes them at :02, :05 and :07; the echo of :05 comes first and settles :02 too
        AgentSession asked = after(maria(), talkdeskAt(1, "lunch"), talkdeskAt(4, "away"), talkdeskAt(6, "lunch"));
        AgentSession secondEchoed = after(asked, omniAt(5, "Away_from_Desk"));
        assertThat(secondEchoed.expectedOmni()).containsExactly(PresenceStatusId.of("Lunch_Break"));

        AgentDecision orphan = decide(syncing, secondEchoed, omniAt(2, "Lunch_Break"));

        assertThat(orphan.facts()).extracting(f -> ((Fact.Skipped) f).reason()).containsExactly(SkipReason.STALE);
        assertThat(orphan.session().expectedOmni())
                .as("the change asked at :06 is still awaited")
                .containsExactly(PresenceStatusId.of("Lunch_Break"));
        AgentDecision third = decide(syncing, orphan.session(), omniAt(7, "Lunch_Break"));
        assertThat(third.commands()).as("its own echo comes and is an echo").isEmpty();
        assertThat(third.session().expectedOmni()).isEmpty();
    }

    @Test
    void the_same_holds_for_talkdesk() {
        // her Omni pick at :01 asks Talkdesk for away; Talkdesk makes it at :02; she picks lunch in Talkdesk at :03
        AgentSession asked = after(maria(), omniAt(1, "Away_from_Desk"));
        AgentSession picked = after(asked, talkdeskAt(3, "lunch"));

        AgentDecision late = decide(syncing, picked, talkdeskAt(2, "away"));

        assertThat(late.commands()).isEmpty();
        assertThat(late.session().talkdeskStatus()).isEqualTo(TalkdeskStatusId.of("lunch"));
        assertThat(late.session().talkdeskNow()).isEqualTo(TalkdeskStatusId.of("lunch"));
        assertThat(late.facts()).singleElement().satisfies(fact -> {
            Fact.Skipped skipped = (Fact.Skipped) fact;
            assertThat(skipped.reason()).isEqualTo(SkipReason.ECHO);
            assertThat(skipped.because()).as("a late echo").isEqualTo(Because.DELIVERY);
            assertThat(skipped.detail())
                    .isEqualTo("Talkdesk reported back 'away', which Omnisync set, after a newer change of the "
                            + "agent's: Omnisync no longer waits for it, and the newer change stands");
        });
    }
}
