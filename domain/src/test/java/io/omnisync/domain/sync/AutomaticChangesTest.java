package io.omnisync.domain.sync;

import static io.omnisync.domain.GuideSetup.MARIA;
import static io.omnisync.domain.GuideSetup.configuration;
import static io.omnisync.domain.GuideSetup.decide;
import static io.omnisync.domain.GuideSetup.draft;
import static io.omnisync.domain.GuideSetup.echoOf;
import static io.omnisync.domain.GuideSetup.nextId;
import static io.omnisync.domain.GuideSetup.omni;
import static io.omnisync.domain.GuideSetup.talkdesk;
import static io.omnisync.domain.GuideSetup.tick;
import static io.omnisync.domain.GuideSetup.withIntegration;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.settings.AutomaticChange;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4.10: Salesforce moves agents by itself and says why. Each reason is synced like a manual
 * pick unless the configuration says to ignore it; every fact about an Omni-Channel report says
 * its reason.
 */
class AutomaticChangesTest {

    /** Push timeouts ignored, declined work synced (as every reason not listed). */
    private final Configuration ignoringTimeouts = configuration(withIntegration(
            draft(),
            i -> new ConfigurationDraft.Integration(
                    i.omniChannelSync(),
                    i.returnToPreviousStatusAfterCall(),
                    i.omniToTalkdesk(),
                    i.talkdeskToOmni(),
                    i.businessHours(),
                    i.presenceSyncRules(),
                    LinkedHashMap.of("OmniPushTimeout", AutomaticChange.IGNORE))));

    private AgentSession maria() {
        return AgentSession.of(ignoringTimeouts.agent(MARIA).get());
    }

    private static AgentEvent moved(String status, OmniReason reason) {
        return new AgentEvent.OmniStatusReported(
                nextId(), MARIA, tick(), OmniStatus.parse(status), Option.some(reason));
    }

    @Test
    void an_ignored_automatic_change_is_noted_and_leaves_talkdesk_alone() {
        AgentDecision timedOut = decide(ignoringTimeouts, maria(), moved("Away_from_Desk", OmniReason.PUSH_TIMEOUT));

        assertThat(timedOut.commands()).isEmpty();
        assertThat(timedOut.session().omniStatus())
                .as("what Omni-Channel shows is known")
                .isEqualTo(OmniStatus.parse("Away_from_Desk"));
        assertThat(timedOut.facts()).singleElement().satisfies(fact -> {
            Fact.Skipped skipped = (Fact.Skipped) fact;
            assertThat(skipped.reason()).isEqualTo(SkipReason.AUTOMATIC_CHANGE_IGNORED);
            assertThat(skipped.omniReason()).contains(OmniReason.PUSH_TIMEOUT);
            assertThat(skipped.detail())
                    .isEqualTo("Omni-Channel moved the agent to 'Away_from_Desk' by itself (OmniPushTimeout), which "
                            + "the configuration says to ignore: Talkdesk is left alone");
        });
    }

    @Test
    void a_reason_not_listed_is_synced_like_a_manual_pick_and_says_its_reason() {
        AgentDecision declined = decide(ignoringTimeouts, maria(), moved("Away_from_Desk", OmniReason.DECLINE_WORK));

        assertThat(declined.commands()).extracting(Command::statusName).containsExactly("away");
        assertThat(declined.facts())
                .singleElement()
                .satisfies(fact -> assertThat(fact.omniReason()).contains(OmniReason.DECLINE_WORK));
    }

    @Test
    void a_report_without_a_reason_is_a_manual_pick() {
        AgentDecision picked = decide(ignoringTimeouts, maria(), omni(MARIA, "Lunch_Break"));

        assertThat(picked.commands()).extracting(Command::statusName).containsExactly("away");
        assertThat(picked.facts())
                .allSatisfy(fact -> assertThat(fact.omniReason()).contains(OmniReason.MANUAL));
    }

    @Test
    void an_ignored_change_during_a_call_does_not_replace_what_the_agent_returns_to() {
        AgentSession onCall =
                decide(ignoringTimeouts, maria(), talkdesk(MARIA, "on_a_call")).session();

        AgentDecision supervised = decide(ignoringTimeouts, onCall, moved("Lunch_Break", OmniReason.PUSH_TIMEOUT));

        assertThat(supervised.session().callPhase().remembered()).contains(OmniStatus.parse("Available_for_Calls"));
        assertThat(supervised.session().callPhase().picked()).isFalse();
    }

    @Test
    void every_fact_about_an_omni_channel_report_carries_its_reason() {
        AgentSession asked =
                decide(ignoringTimeouts, maria(), talkdesk(MARIA, "lunch")).session();
        AgentEvent echo = echoOf(new Command.SetOmniStatus(MARIA, PresenceStatusId.of("Lunch_Break"), Because.MAPPING));
        AgentEvent supervisorEcho = new AgentEvent.OmniStatusReported(
                echo.id(),
                MARIA,
                echo.at(),
                ((AgentEvent.OmniStatusReported) echo).status(),
                Option.some(OmniReason.TOOLKIT));

        AgentDecision echoed = decide(ignoringTimeouts, asked, supervisorEcho);
        AgentDecision again = decide(ignoringTimeouts, echoed.session(), supervisorEcho);
        var unknown = PresenceSync.handle(
                ignoringTimeouts,
                new AgentEvent.OmniStatusReported(
                        nextId(), AgentId.of("ghost"), tick(), OmniStatus.OFFLINE, Option.some(OmniReason.SUPERVISOR)),
                AgentSession::of);

        assertThat(echoed.facts())
                .singleElement()
                .satisfies(fact -> assertThat(fact.omniReason()).contains(OmniReason.TOOLKIT));
        assertThat(again.facts())
                .as("a duplicate")
                .singleElement()
                .satisfies(fact -> assertThat(fact.omniReason()).contains(OmniReason.TOOLKIT));
        assertThat(unknown.getLeft().omniReason()).contains(OmniReason.SUPERVISOR);
    }

    @Test
    void a_pick_during_a_call_is_remembered_and_both_facts_about_it_say_its_reason() {
        AgentSession onCall =
                decide(ignoringTimeouts, maria(), talkdesk(MARIA, "on_a_call")).session();

        AgentEvent declined = moved("Lunch_Break", OmniReason.DECLINE_WORK);

        AgentDecision decision = decide(ignoringTimeouts, onCall, declined);

        assertThat(decision.facts())
                .containsExactly(
                        new Fact.StatusRemembered(
                                MARIA, OmniStatus.parse("Lunch_Break"), Option.some(OmniReason.DECLINE_WORK)),
                        Fact.Skipped.status(
                                        MARIA, SkipReason.IN_CALL, VendorSystem.OMNI, "Lunch_Break", Because.MAPPING)
                                .forEvent(declined.id())
                                .reportedFor(OmniReason.DECLINE_WORK));
        assertThat(decision.facts().head().about()).contains(MARIA);
        assertThat(decision.facts())
                .allSatisfy(fact -> assertThat(fact.omniReason()).contains(OmniReason.DECLINE_WORK));
    }

    @Test
    void facts_about_anything_but_an_omni_channel_report_have_no_reason_to_carry() {
        Command lunch = new Command.SetOmniStatus(MARIA, PresenceStatusId.of("Lunch_Break"), Because.MAPPING);
        Fact expired = new Fact.Expired(lunch);

        assertThat(expired.omniReason()).isEmpty();
        assertThat(expired.reportedFor(OmniReason.SUPERVISOR)).isSameAs(expired);
    }
}
