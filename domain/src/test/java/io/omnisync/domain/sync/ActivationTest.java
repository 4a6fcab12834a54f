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

/** SPEC 4.2 on its own: activation reconciles each agent (Talkdesk wins), and is refused inside business hours. */
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
                .satisfies(fact -> assertThat(((Fact.Skipped) fact).reason()).isEqualTo(SkipReason.ALREADY_IN_STATUS));
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
