package io.omnisync.domain.sync;

import static io.omnisync.domain.GuideSetup.MARIA;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.GuideSetup;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.settings.RefusalCode;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4.2 on its own: activation leaves consistent agents alone and reconciles the others
 * (Talkdesk wins), saying why it leaves each agent alone, and is refused inside business hours.
 */
class ActivationTest {

    /** Monday 12:00 in Lisbon, inside business hours; Monday 21:00 after them. */
    private static final Instant INSIDE = Instant.parse("2026-01-05T12:00:00Z");

    private static final Instant AFTER = Instant.parse("2026-01-05T21:00:00Z");

    private final Configuration withHours =
            GuideSetup.configuration(GuideSetup.withIntegration(GuideSetup.draft(), GuideSetup::businessHours));
    private final Agent maria = withHours.agent(MARIA).get();

    private AgentDecision reconcile(String talkdesk, String omni) {
        return Activation.reconcile(
                withHours, maria, AgentSession.start(MARIA, TalkdeskStatusId.of(talkdesk), OmniStatus.parse(omni)));
    }

    @Test
    void talkdesk_wins_omni_channel_is_set_from_the_talkdesk_status() {
        AgentDecision decision = reconcile("lunch", "Available_for_Calls");

        assertThat(decision.commands()).singleElement().satisfies(command -> {
            assertThat(command.statusName()).isEqualTo("Lunch_Break");
            assertThat(command.because()).isEqualTo(Because.ACTIVATION);
        });
        assertThat(decision.session().omniNow()).isEqualTo(OmniStatus.parse("Lunch_Break"));
    }

    @Test
    void an_agent_whose_statuses_already_agree_is_left_alone() {
        assertThat(reconcile("lunch", "Lunch_Break").facts())
                .singleElement()
                .satisfies(fact -> assertThat(((Fact.Skipped) fact).reason()).isEqualTo(SkipReason.CONSISTENT));
    }

    @Test
    void many_to_one_either_mapping_linking_the_two_statuses_makes_them_consistent() {
        // the guide: Talkdesk "Away" stands for both "Away from desk" and "Lunch break"; Talkdesk → Omni
        // maps away to Away_from_Desk, Omni → Talkdesk maps Lunch_Break back to away
        AgentDecision lunchBreak = reconcile("away", "Lunch_Break");

        assertThat(lunchBreak.commands())
                .as("supervisors keep seeing 'Lunch break'")
                .isEmpty();
        assertThat(lunchBreak.facts()).singleElement().satisfies(fact -> {
            Fact.Skipped skipped = (Fact.Skipped) fact;
            assertThat(skipped.reason()).isEqualTo(SkipReason.CONSISTENT);
            assertThat(skipped.status()).contains("away");
            assertThat(skipped.target()).contains("Lunch_Break");
            assertThat(skipped.because()).isEqualTo(Because.ACTIVATION);
            assertThat(skipped.detail())
                    .isEqualTo("Talkdesk 'away' and Omni-Channel 'Lunch_Break' already agree (a mapping links them): "
                            + "activation leaves the agent alone");
        });
    }

    @Test
    void consistency_is_either_direction_of_the_mapping_and_never_offline() {
        var mapping = withHours.mapping();

        assertThat(Activation.consistent(mapping, TalkdeskStatusId.AWAY, OmniStatus.parse("Away_from_Desk")))
                .as("Talkdesk → Omni")
                .isTrue();
        assertThat(Activation.consistent(mapping, TalkdeskStatusId.AWAY, OmniStatus.parse("On_a_Call")))
                .as("Omni → Talkdesk")
                .isTrue();
        assertThat(Activation.consistent(mapping, TalkdeskStatusId.of("lunch"), OmniStatus.parse("Away_from_Desk")))
                .as("neither")
                .isFalse();
        assertThat(Activation.consistent(mapping, TalkdeskStatusId.OFFLINE, OmniStatus.OFFLINE))
                .as("Offline → offline is mapped, but a logged-out agent is left alone for that reason")
                .isFalse();
    }

    @Test
    void an_agent_whose_statuses_disagree_is_told_why_she_cannot_be_moved() {
        Agent ana = withHours.agent(GuideSetup.ANA).get();

        assertThat(reconcile("offline", "Available_for_Calls").facts())
                .as("Talkdesk offline maps to nothing")
                .singleElement()
                .satisfies(fact -> assertThat(((Fact.Skipped) fact).reason()).isEqualTo(SkipReason.UNMAPPED));
        assertThat(Activation.reconcile(
                                withHours,
                                ana,
                                AgentSession.start(
                                        GuideSetup.ANA,
                                        TalkdeskStatusId.of("chat_only"),
                                        OmniStatus.parse("Available_for_Calls")))
                        .facts())
                .as("Chat Only is not granted to ana")
                .singleElement()
                .satisfies(fact -> assertThat(((Fact.Skipped) fact).reason()).isEqualTo(SkipReason.NOT_GRANTED));
    }

    @Test
    void an_agent_logged_out_of_omni_channel_is_left_logged_out() {
        AgentDecision decision = reconcile("lunch", "Offline");

        assertThat(decision.commands()).isEmpty();
        assertThat(((Fact.Skipped) decision.facts().head()).reason()).isEqualTo(SkipReason.OMNI_OFFLINE);
        assertThat(((Fact.Skipped) decision.facts().head()).because()).isEqualTo(Because.ACTIVATION);
    }

    @Test
    void inside_business_hours_activation_is_refused_unless_forced() {
        assertThat(Activation.guard(withHours, INSIDE, false))
                .singleElement()
                .satisfies(refusal -> assertThat(refusal.code()).isEqualTo(RefusalCode.INSIDE_BUSINESS_HOURS));
        assertThat(Activation.guard(withHours, INSIDE, true)).as("forced").isEmpty();
        assertThat(Activation.guard(withHours, AFTER, false)).as("after hours").isEmpty();
        assertThat(Activation.guard(GuideSetup.configuration(), INSIDE, false))
                .as("no business hours configured")
                .isEmpty();
    }
}
