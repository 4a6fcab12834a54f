package io.omnisync.domain.rules;

import static io.omnisync.domain.rules.RuleFixture.accepted;
import static io.omnisync.domain.rules.RuleFixture.after;
import static io.omnisync.domain.rules.RuleFixture.configuration;
import static io.omnisync.domain.rules.RuleFixture.omni;
import static io.omnisync.domain.rules.RuleFixture.rule;
import static io.omnisync.domain.rules.RuleFixture.talkdesk;
import static io.omnisync.domain.rules.RuleFixture.when;
import static io.omnisync.domain.rules.RuleFixture.workload;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.GuideSetup;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class RuleEvaluationTest {

    private static final io.omnisync.domain.configuration.ConfigurationDraft.RuleDraft FULL_CHAT_LOAD = rule(
            "Full chat load blocks calls",
            "OMNI_WORKLOAD_CHANGED",
            List.of(when("omni.workloadPercent", ">=", 100), when("talkdesk.status", "=", "available")),
            "1 AND 2",
            "talkdesk",
            "at_capacity");

    private static String commands(AgentDecision decision) {
        return decision.commands()
                .map(c -> c.system().wireName() + ":" + c.statusName() + " by " + c.because())
                .mkString(", ");
    }

    @Test
    void a_full_chat_load_makes_talkdesk_stop_offering_calls() {
        Configuration configuration = configuration(List.of(FULL_CHAT_LOAD));

        AgentDecision decision = after(configuration, workload(4));

        assertThat(commands(decision)).isEqualTo("talkdesk:at_capacity by rule 'Full chat load blocks calls'");
        assertThat(decision.commands().head().because()).isEqualTo(Because.rule("Full chat load blocks calls"));
    }

    @Test
    void below_capacity_no_rule_acts_and_nothing_is_sent() {
        Configuration configuration = configuration(List.of(FULL_CHAT_LOAD));

        assertThat(after(configuration, workload(3)).commands()).isEmpty();
    }

    @Test
    void when_capacity_frees_up_a_second_rule_gives_the_calls_back() {
        var freed = rule(
                "Capacity freed",
                "OMNI_WORKLOAD_CHANGED",
                List.of(
                        when("omni.workloadPercent", "<", 100),
                        when("omni.previousWorkloadPercent", ">=", 100),
                        when("talkdesk.status", "=", "at_capacity")),
                null,
                "talkdesk",
                "available");
        Configuration configuration = configuration(List.of(FULL_CHAT_LOAD, freed));
        AgentDecision full = after(configuration, workload(4));
        AgentDecision echoed = GuideSetup.decide(configuration, full.session(), talkdesk("at_capacity"));

        AgentDecision decision = GuideSetup.decide(configuration, echoed.session(), workload(2));

        assertThat(echoed.commands()).as("the echo of the rule's own change").isEmpty();
        assertThat(commands(decision)).isEqualTo("talkdesk:available by rule 'Capacity freed'");
    }

    @Test
    void the_first_rule_whose_conditions_hold_acts_and_no_other_rule_runs() {
        var first = rule(
                "First",
                "OMNI_STATUS_CHANGED",
                List.of(when("omni.status", "=", "Busy")),
                null,
                "talkdesk",
                "at_capacity");
        var second = rule(
                "Second",
                "OMNI_STATUS_CHANGED",
                List.of(when("omni.status", "=", "Busy")),
                null,
                "talkdesk",
                "chat_only");

        AgentDecision decision = after(configuration(List.of(first, second)), omni("Busy"));

        assertThat(commands(decision)).isEqualTo("talkdesk:at_capacity by rule 'First'");
    }

    @Test
    void a_disabled_rule_is_passed_over() {
        var first = rule(
                "First",
                "OMNI_STATUS_CHANGED",
                List.of(when("omni.status", "=", "Busy")),
                null,
                "talkdesk",
                "at_capacity");
        var second = rule(
                "Second",
                "OMNI_STATUS_CHANGED",
                List.of(when("omni.status", "=", "Busy")),
                null,
                "talkdesk",
                "chat_only");
        Configuration configuration = configuration(List.of(first, second));
        Configuration firstOff = configuration.withRules(
                RuleBook.toggle(configuration.rules(), "First", false).get());

        assertThat(commands(after(firstOff, omni("Busy")))).isEqualTo("talkdesk:chat_only by rule 'Second'");
    }

    @Test
    void a_rule_that_acts_replaces_the_mapping_for_that_event() {
        var lunch = rule(
                "Busy means lunch",
                "OMNI_STATUS_CHANGED",
                List.of(when("omni.status", "=", "Busy")),
                null,
                "talkdesk",
                "at_capacity");

        AgentDecision decision = after(configuration(List.of(lunch)), omni("Busy"));

        assertThat(commands(decision))
                .as("the mapping would have said away")
                .isEqualTo("talkdesk:at_capacity by rule 'Busy means lunch'");
    }

    @Test
    void when_no_rule_holds_the_mapping_applies() {
        var chat = rule(
                "Chat means capacity",
                "OMNI_STATUS_CHANGED",
                List.of(when("omni.status", "=", "Chat_Only")),
                null,
                "talkdesk",
                "at_capacity");

        AgentDecision decision = after(configuration(List.of(chat)), omni("Busy"));

        assertThat(commands(decision)).isEqualTo("talkdesk:away by mapping");
    }

    @Test
    void a_rule_cannot_move_an_agent_to_a_presence_status_they_are_not_granted_and_the_mapping_does_not_step_in() {
        var secret = rule(
                "Secret",
                "TALKDESK_STATUS_CHANGED",
                List.of(when("talkdesk.status", "=", "chat_only")),
                null,
                "omni",
                "Secret");

        AgentDecision decision = after(configuration(List.of(secret)), talkdesk("chat_only"));

        assertThat(decision.commands()).isEmpty();
        assertThat(decision.facts())
                .filteredOn(Fact.Skipped.class::isInstance)
                .map(Fact.Skipped.class::cast)
                .extracting(Fact.Skipped::reason)
                .containsExactly(SkipReason.NOT_GRANTED);
    }

    @Test
    void a_rule_does_not_change_talkdesk_during_a_call() {
        Configuration configuration = configuration(List.of(rule(
                "Full",
                "OMNI_WORKLOAD_CHANGED",
                List.of(when("omni.workloadPercent", ">=", 100)),
                null,
                "talkdesk",
                "at_capacity")));

        AgentDecision decision = after(configuration, talkdesk("on_a_call"), workload(4));

        assertThat(decision.commands()).isEmpty();
        assertThat(decision.facts())
                .filteredOn(Fact.Skipped.class::isInstance)
                .map(Fact.Skipped.class::cast)
                .extracting(Fact.Skipped::reason)
                .containsExactly(SkipReason.IN_CALL);
    }

    @Test
    void a_logout_triggers_logout_rules_and_a_rule_acts_instead_of_the_offline_mapping() {
        var logout = rule(
                "Logged out of chat",
                "OMNI_LOGOUT",
                List.of(when("omni.previousStatus", "=", "Chat_Only")),
                null,
                "talkdesk",
                "at_capacity");

        AgentDecision decision = after(configuration(List.of(logout)), omni("Offline"));

        assertThat(commands(decision)).isEqualTo("talkdesk:at_capacity by rule 'Logged out of chat'");
    }

    @Test
    void accepted_work_on_a_channel_triggers_work_accepted_rules() {
        var chat = rule(
                "Chat accepted",
                "OMNI_WORK_ACCEPTED",
                List.of(when("omni.channel", "=", "Chat")),
                null,
                "talkdesk",
                "at_capacity");
        Configuration configuration = configuration(List.of(chat));

        assertThat(commands(after(configuration, accepted("Chat"))))
                .isEqualTo("talkdesk:at_capacity by rule 'Chat accepted'");
        assertThat(after(configuration, accepted("Email")).commands()).isEmpty();
    }

    @Test
    void a_rule_only_answers_its_own_trigger() {
        var chat = rule(
                "Chat accepted",
                "OMNI_WORK_ACCEPTED",
                List.of(when("omni.status", "=", "Chat_Only")),
                null,
                "talkdesk",
                "at_capacity");

        assertThat(commands(after(configuration(List.of(chat)), workload(1)))).isEmpty();
    }

    @Test
    void custom_logic_with_or_and_not_decides_whether_a_rule_acts() {
        var either = rule(
                "Either",
                "OMNI_WORKLOAD_CHANGED",
                List.of(
                        when("omni.workload", "=", 1),
                        when("omni.workload", "=", 3),
                        when("talkdesk.status", "=", "away")),
                "(1 OR 2) AND NOT 3",
                "talkdesk",
                "at_capacity");
        Configuration configuration = configuration(List.of(either));

        assertThat(after(configuration, workload(3)).commands()).hasSize(1);
        assertThat(after(configuration, workload(2)).commands()).isEmpty();
    }

    @Test
    void a_condition_may_compare_two_operands() {
        var same = rule(
                "Back where it was",
                "OMNI_STATUS_CHANGED",
                List.of(when("omni.status", "!=", "omni.previousStatus"), when("omni.status", "=", "Busy")),
                null,
                "talkdesk",
                "at_capacity");

        assertThat(after(configuration(List.of(same)), omni("Busy")).commands()).hasSize(1);
    }

    @Test
    void with_sync_off_no_rule_acts() {
        Configuration configuration = configuration(List.of(FULL_CHAT_LOAD));
        Configuration off = configuration.withSettings(new IntegrationSettings(false, false, false));

        assertThat(after(off, workload(4)).commands()).isEmpty();
    }

    @Test
    void a_rule_sending_omni_a_status_sends_a_presence_status_command_echo_expected() {
        var toBusy = rule(
                "Away goes busy",
                "TALKDESK_STATUS_CHANGED",
                List.of(when("talkdesk.statusType", "=", "BUSY"), when("talkdesk.previousStatus", "=", "available")),
                null,
                "omni",
                "Busy");
        Configuration configuration = configuration(List.of(toBusy));

        AgentDecision decision = after(configuration, talkdesk("at_capacity"));
        AgentDecision echo = GuideSetup.decide(configuration, decision.session(), omni("Busy"));

        assertThat(decision.commands()).singleElement().isInstanceOf(Command.SetOmniStatus.class);
        assertThat(echo.commands()).isEmpty();
        assertThat(echo.facts())
                .filteredOn(Fact.Skipped.class::isInstance)
                .map(Fact.Skipped.class::cast)
                .extracting(Fact.Skipped::reason)
                .containsExactly(SkipReason.ECHO);
    }
}
