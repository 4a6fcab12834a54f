package io.omnisync.domain.rules;

import static io.omnisync.domain.rules.RuleFixture.configuration;
import static io.omnisync.domain.rules.RuleFixture.problems;
import static io.omnisync.domain.rules.RuleFixture.rule;
import static io.omnisync.domain.rules.RuleFixture.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.configuration.ConfigurationDraft.ActionDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ConditionDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.RuleDraft;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.configuration.ProblemCode;
import io.omnisync.domain.settings.RefusalCode;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

class RuleValidationTest {

    private static final Seq<ConditionDraft> AVAILABLE = List.of(when("talkdesk.status", "=", "available"));

    private static RuleDraft named(String name, boolean enabled) {
        return new RuleDraft(
                name, enabled, "OMNI_STATUS_CHANGED", AVAILABLE, null, new ActionDraft("talkdesk", "away"));
    }

    private static Seq<ProblemCode> codes(RuleDraft... rules) {
        return problems(List.of(rules)).filter(Problem::isError).map(Problem::code);
    }

    @Test
    void more_than_ten_enabled_rules_are_too_many_but_disabled_ones_do_not_count() {
        Seq<RuleDraft> eleven = List.range(0, 11).map(i -> named("rule " + i, true));
        Seq<RuleDraft> tenAndOneOff =
                List.range(0, 10).map(i -> named("rule " + i, true)).append(named("off", false));

        assertThat(problems(eleven).map(Problem::code)).contains(ProblemCode.TOO_MANY_RULES);
        assertThat(problems(tenAndOneOff).filter(Problem::isError)).isEmpty();
    }

    @Test
    void a_rule_name_has_at_most_eighty_characters() {
        assertThat(codes(named("x".repeat(81), true))).containsExactly(ProblemCode.RULE_NAME_TOO_LONG);
        assertThat(codes(named("x".repeat(80), true))).isEmpty();
    }

    @Test
    void two_rules_cannot_share_a_name_since_toggles_name_them() {
        assertThat(codes(named("same", true), named("same", false))).containsExactly(ProblemCode.DUPLICATE_ID);
    }

    @Test
    void a_rule_has_at_most_ten_conditions() {
        Seq<ConditionDraft> eleven = List.range(0, 11).map(i -> when("omni.workload", ">=", i));

        assertThat(codes(rule("many", "OMNI_WORKLOAD_CHANGED", eleven, null, "talkdesk", "away")))
                .containsExactly(ProblemCode.TOO_MANY_CONDITIONS);
    }

    @Test
    void logic_that_does_not_parse_is_bad_rule_logic_pointing_at_the_token() {
        Seq<Problem> problems =
                problems(List.of(rule("bad", "OMNI_WORKLOAD_CHANGED", AVAILABLE, "1 AND 2", "talkdesk", "away")));

        assertThat(problems.filter(Problem::isError)).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ProblemCode.BAD_RULE_LOGIC);
            assertThat(problem.path()).isEqualTo("integration.presenceSyncRules[0].logic");
            assertThat(problem.message()).contains("column 7").contains("'2'");
        });
    }

    @Test
    void unknown_operands_on_either_side_are_reported_and_plain_text_on_the_right_is_a_literal() {
        Seq<ConditionDraft> conditions = List.of(
                when("omni.load", ">", 3),
                when("omni.status", "=", "omni.stauts"),
                when("omni.status", "=", "Lunch.Break"));

        Seq<Problem> problems = problems(
                        List.of(rule("typos", "OMNI_STATUS_CHANGED", conditions, null, "talkdesk", "away")))
                .filter(Problem::isError);

        assertThat(problems)
                .extracting(Problem::code, Problem::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                ProblemCode.UNKNOWN_OPERAND, "integration.presenceSyncRules[0].conditions[0].left"),
                        org.assertj.core.groups.Tuple.tuple(
                                ProblemCode.UNKNOWN_OPERAND, "integration.presenceSyncRules[0].conditions[1].right"));
    }

    @Test
    void ten_conditions_are_allowed() {
        Seq<ConditionDraft> ten = List.range(0, 10).map(i -> when("omni.workload", ">=", i));

        assertThat(codes(rule("ten", "OMNI_WORKLOAD_CHANGED", ten, null, "talkdesk", "away")))
                .isEmpty();
    }

    @Test
    void an_unknown_operand_is_told_the_operands_there_are() {
        Seq<Problem> problems = problems(List.of(rule(
                        "typo", "OMNI_WORKLOAD_CHANGED", List.of(when("omni.load", ">", 3)), null, "talkdesk", "away")))
                .filter(Problem::isError);

        assertThat(problems)
                .extracting(Problem::message)
                .containsExactly("unknown operand 'omni.load'; one of talkdesk.status, talkdesk.previousStatus, "
                        + "talkdesk.statusType, omni.status, omni.previousStatus, omni.channel, omni.workload, "
                        + "omni.previousWorkload, omni.workloadPercent, omni.previousWorkloadPercent, omni.capacity");
    }

    @Test
    void a_rule_needs_a_name_and_an_action_with_a_system_and_a_status() {
        RuleDraft nameless =
                new RuleDraft(" ", true, "OMNI_STATUS_CHANGED", AVAILABLE, null, new ActionDraft("talkdesk", "away"));
        Seq<RuleDraft> actionless = List.of(
                new RuleDraft("no action", true, "OMNI_STATUS_CHANGED", AVAILABLE, null, null),
                new RuleDraft("no system", true, "OMNI_STATUS_CHANGED", AVAILABLE, null, new ActionDraft(null, "away")),
                new RuleDraft(
                        "no status", true, "OMNI_STATUS_CHANGED", AVAILABLE, null, new ActionDraft("talkdesk", " ")));

        assertThat(problems(List.of(nameless)).filter(Problem::isError))
                .extracting(Problem::code, Problem::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        ProblemCode.MISSING_VALUE, "integration.presenceSyncRules[0].name"));
        assertThat(problems(actionless).filter(Problem::isError))
                .extracting(Problem::code, Problem::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                ProblemCode.MISSING_VALUE, "integration.presenceSyncRules[0].action"),
                        org.assertj.core.groups.Tuple.tuple(
                                ProblemCode.MISSING_VALUE, "integration.presenceSyncRules[1].action"),
                        org.assertj.core.groups.Tuple.tuple(
                                ProblemCode.MISSING_VALUE, "integration.presenceSyncRules[2].action"));
    }

    @Test
    void unknown_triggers_operators_and_systems_are_reported() {
        RuleDraft rule = new RuleDraft(
                "terms",
                true,
                "WHEN_IT_RAINS",
                List.of(when("omni.workload", "=>", 1)),
                null,
                new ActionDraft("zendesk", "away"));

        assertThat(codes(rule))
                .containsExactly(
                        ProblemCode.UNKNOWN_RULE_TERM, ProblemCode.UNKNOWN_RULE_TERM, ProblemCode.UNKNOWN_RULE_TERM);
    }

    @Test
    void the_action_status_obeys_the_mapping_rules() {
        assertThat(codes(rule("a", "OMNI_STATUS_CHANGED", AVAILABLE, null, "talkdesk", "on_a_call")))
                .containsExactly(ProblemCode.RESERVED_STATUS_AS_TARGET);
        assertThat(codes(rule("b", "OMNI_STATUS_CHANGED", AVAILABLE, null, "omni", "Offline")))
                .containsExactly(ProblemCode.OFFLINE_AS_TARGET);
        assertThat(codes(rule("c", "OMNI_STATUS_CHANGED", AVAILABLE, null, "talkdesk", "napping")))
                .containsExactly(ProblemCode.UNKNOWN_STATUS);
        assertThat(codes(rule("d", "OMNI_STATUS_CHANGED", AVAILABLE, null, "omni", "Napping")))
                .containsExactly(ProblemCode.UNKNOWN_STATUS);
    }

    @Test
    void every_rule_problem_is_reported_at_once() {
        Seq<ProblemCode> all = codes(
                named("x".repeat(81), true),
                rule("bad logic", "OMNI_STATUS_CHANGED", AVAILABLE, "1 OR", "omni", "Offline"));

        assertThat(all)
                .containsExactlyInAnyOrder(
                        ProblemCode.RULE_NAME_TOO_LONG, ProblemCode.BAD_RULE_LOGIC, ProblemCode.OFFLINE_AS_TARGET);
    }

    @Test
    void toggling_an_unknown_rule_or_an_eleventh_active_rule_is_refused() {
        Seq<RuleDraft> tenAndOneOff =
                List.range(0, 10).map(i -> named("rule " + i, true)).append(named("off", false));
        RuleBook book = configuration(tenAndOneOff).rules();

        assertThat(RuleBook.toggle(book, "nope", true).getLeft().code()).isEqualTo(RefusalCode.UNKNOWN_RULE);
        assertThat(RuleBook.toggle(book, "off", true).getLeft().code()).isEqualTo(RefusalCode.TOO_MANY_RULES);
        assertThat(RuleBook.toggle(book, "rule 3", false).get().rules().count(PresenceSyncRule::enabled))
                .isEqualTo(9);
    }

    @Test
    void a_tenth_active_rule_may_be_enabled() {
        Seq<RuleDraft> nineAndOneOff =
                List.range(0, 9).map(i -> named("rule " + i, true)).append(named("off", false));
        RuleBook book = configuration(nineAndOneOff).rules();

        assertThat(RuleBook.toggle(book, "off", true).get().rules().count(PresenceSyncRule::enabled))
                .isEqualTo(RuleBook.MAX_ENABLED);
    }
}
