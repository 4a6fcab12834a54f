package io.omnisync.domain.sync;

import static io.omnisync.domain.GuideSetup.MARIA;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SPEC 4.7 on its own: a redelivered event, or one older than what was applied from its system, is not applied. */
class DeliveryPolicyTest {

    private static final Instant NINE = Instant.parse("2026-01-06T09:00:00Z");

    private static AgentEvent talkdesk(String id, Instant at) {
        return new AgentEvent.TalkdeskStatusReported(EventId.of(id), MARIA, at, TalkdeskStatusId.AWAY);
    }

    private static AgentEvent omni(String id, Instant at) {
        return new AgentEvent.OmniStatusReported(EventId.of(id), MARIA, at, OmniStatus.parse("Lunch_Break"));
    }

    /** maria, who had a Talkdesk event {@code td-1} at nine applied. */
    private static AgentSession afterNine() {
        return AgentSession.start(MARIA, TalkdeskStatusId.AVAILABLE, OmniStatus.parse("Available_for_Calls"))
                .applied(talkdesk("td-1", NINE));
    }

    @Test
    void a_fresh_event_is_applied() {
        assertThat(DeliveryPolicy.reject(afterNine(), talkdesk("td-2", NINE.plusSeconds(1))))
                .isEmpty();
    }

    @Test
    void an_event_applied_before_is_a_duplicate_named_by_its_id() {
        Fact.Skipped skipped =
                DeliveryPolicy.reject(afterNine(), talkdesk("td-1", NINE)).get();

        assertThat(skipped.reason()).isEqualTo(SkipReason.DUPLICATE);
        assertThat(skipped.event()).contains(EventId.of("td-1"));
        assertThat(skipped.status()).as("the event was not looked at").isEmpty();
        assertThat(skipped.because()).isEqualTo(Because.DELIVERY);
        assertThat(skipped.detail()).isEqualTo("event td-1 from Talkdesk was already applied");
    }

    @Test
    void an_event_older_than_the_latest_from_its_system_is_stale() {
        Fact.Skipped skipped = DeliveryPolicy.reject(afterNine(), talkdesk("td-0", NINE.minusSeconds(1)))
                .get();

        assertThat(skipped.reason()).isEqualTo(SkipReason.STALE);
        assertThat(skipped.detail()).isEqualTo("event td-0 is older than the latest applied from Talkdesk");
    }

    @Test
    void an_event_is_judged_against_its_own_system_only() {
        assertThat(DeliveryPolicy.reject(afterNine(), omni("sf-1", NINE.minusSeconds(60))))
                .isEmpty();
    }

    @Test
    void an_event_at_the_same_instant_as_the_latest_is_not_stale() {
        assertThat(DeliveryPolicy.reject(afterNine(), talkdesk("td-2", NINE))).isEmpty();
    }

    @Test
    void a_redelivered_report_of_accepted_work_is_a_duplicate_from_omni_channel() {
        AgentEvent accepted = new AgentEvent.OmniWorkAccepted(EventId.of("sf-7"), MARIA, NINE, "Chat");
        AgentSession applied = afterNine().applied(accepted);

        Fact.Skipped skipped = DeliveryPolicy.reject(applied, accepted).get();

        assertThat(skipped.reason()).isEqualTo(SkipReason.DUPLICATE);
        assertThat(skipped.system()).isEqualTo(VendorSystem.OMNI);
        assertThat(skipped.detail()).isEqualTo("event sf-7 from Omni-Channel was already applied");
    }

    @Test
    void an_echo_is_late_only_when_a_newer_report_of_the_agents_own_was_applied_first() {
        AgentSession asked = afterNine().expectingTalkdesk(TalkdeskStatusId.AWAY);
        AgentSession overtaken = asked.applied(new AgentEvent.TalkdeskStatusReported(
                EventId.of("td-3"), MARIA, NINE.plusSeconds(3), TalkdeskStatusId.of("lunch")));
        AgentEvent echo = talkdesk("td-2", NINE.plusSeconds(2));

        assertThat(DeliveryPolicy.isLateEcho(asked, echo)).isFalse();
        assertThat(DeliveryPolicy.isLateEcho(overtaken, echo)).isTrue();
        assertThat(DeliveryPolicy.reject(overtaken, echo))
                .as("a late echo is still looked at")
                .isEmpty();
        AgentEvent neverAsked = new AgentEvent.TalkdeskStatusReported(
                EventId.of("td-4"), MARIA, NINE.plusSeconds(1), TalkdeskStatusId.of("custom"));
        assertThat(DeliveryPolicy.isLateEcho(overtaken, neverAsked))
                .as("an old report of a status never asked for is no echo at all, but stale")
                .isFalse();
        assertThat(DeliveryPolicy.reject(overtaken, neverAsked).map(Fact.Skipped::reason))
                .contains(SkipReason.STALE);
    }
}
