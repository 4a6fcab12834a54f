package io.omnisync.domain.configuration;

import io.omnisync.domain.configuration.ConfigurationDraft.ConditionDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.RuleDraft;
import io.omnisync.domain.rules.Condition;
import io.omnisync.domain.rules.Logic;
import io.omnisync.domain.rules.LogicParser;
import io.omnisync.domain.rules.Operand;
import io.omnisync.domain.rules.Operator;
import io.omnisync.domain.rules.PresenceSyncRule;
import io.omnisync.domain.rules.RuleAction;
import io.omnisync.domain.rules.RuleBook;
import io.omnisync.domain.rules.Term;
import io.omnisync.domain.rules.Trigger;
import io.omnisync.domain.rules.Value;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import java.util.HashSet;
import java.util.Locale;

/**
 * The checks of SPEC section 9 on presence sync rules, and the building of valid ones: limits
 * (10 enabled rules, names of 80 characters, 10 conditions), known triggers, operands and
 * operators, logic that parses and names existing conditions, and an action whose status exists
 * and is allowed as a target (no call status in Talkdesk, no Offline in Omni-Channel).
 */
final class RuleValidator {

    private static final String SYSTEM_TALKDESK = "talkdesk";
    private static final String SYSTEM_OMNI = "omni";

    private RuleValidator() {}

    static Seq<Problem> problems(ConfigurationDraft draft, Set<String> talkdeskStatuses, Set<String> presenceStatuses) {
        Seq<RuleDraft> rules = draft.integration().presenceSyncRules();
        List<Problem> problems = List.empty();
        long enabled = rules.count(RuleDraft::enabled);
        if (enabled > RuleBook.MAX_ENABLED) {
            problems = problems.append(new Problem(
                    ProblemCode.TOO_MANY_RULES,
                    "integration.presenceSyncRules",
                    enabled + " presence sync rules are enabled; at most " + RuleBook.MAX_ENABLED + " may be active"));
        }
        java.util.Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleDraft rule = rules.get(i);
            String path = "integration.presenceSyncRules[" + i + "]";
            problems = problems.appendAll(name(rule, path, names));
            problems = problems.appendAll(trigger(rule, path));
            problems = problems.appendAll(conditions(rule, path));
            problems = problems.appendAll(logic(rule, path));
            problems = problems.appendAll(action(rule, path, talkdeskStatuses, presenceStatuses));
        }
        return problems;
    }

    /** The rules of a draft that {@link #problems} found no error in. */
    static RuleBook build(ConfigurationDraft draft) {
        return new RuleBook(draft.integration().presenceSyncRules().map(rule -> {
            Seq<Condition> conditions = rule.conditions().map(RuleValidator::condition);
            Logic logic = isBlank(rule.logic())
                    ? Logic.allOf(conditions.size())
                    : LogicParser.parse(rule.logic(), conditions.size()).get();
            return new PresenceSyncRule(
                    rule.name(),
                    rule.enabled(),
                    Trigger.valueOf(rule.trigger()),
                    conditions,
                    logic,
                    action(rule.action()));
        }));
    }

    private static Seq<Problem> name(RuleDraft rule, String path, java.util.Set<String> seen) {
        if (isBlank(rule.name())) {
            return List.of(new Problem(ProblemCode.MISSING_VALUE, path + ".name", "a presence sync rule needs a name"));
        }
        if (rule.name().length() > PresenceSyncRule.MAX_NAME_LENGTH) {
            return List.of(new Problem(
                    ProblemCode.RULE_NAME_TOO_LONG,
                    path + ".name",
                    "the rule name has " + rule.name().length() + " characters; at most "
                            + PresenceSyncRule.MAX_NAME_LENGTH + " are allowed"));
        }
        if (!seen.add(rule.name())) {
            return List.of(new Problem(
                    ProblemCode.DUPLICATE_ID,
                    path + ".name",
                    "another presence sync rule is already named '" + rule.name() + "'"));
        }
        return List.empty();
    }

    private static Seq<Problem> trigger(RuleDraft rule, String path) {
        boolean known = rule.trigger() != null
                && List.of(Trigger.values()).exists(t -> t.name().equals(rule.trigger()));
        return known
                ? List.empty()
                : List.of(new Problem(
                        ProblemCode.UNKNOWN_RULE_TERM,
                        path + ".trigger",
                        "unknown trigger '" + rule.trigger() + "'; one of "
                                + List.of(Trigger.values()).mkString(", ")));
    }

    private static Seq<Problem> conditions(RuleDraft rule, String path) {
        List<Problem> problems = List.empty();
        if (rule.conditions().isEmpty()) {
            problems = problems.append(new Problem(
                    ProblemCode.MISSING_VALUE,
                    path + ".conditions",
                    "a presence sync rule needs at least one condition"));
        }
        if (rule.conditions().size() > PresenceSyncRule.MAX_CONDITIONS) {
            problems = problems.append(new Problem(
                    ProblemCode.TOO_MANY_CONDITIONS,
                    path + ".conditions",
                    "the rule has " + rule.conditions().size() + " conditions; at most "
                            + PresenceSyncRule.MAX_CONDITIONS + " are allowed"));
        }
        for (int i = 0; i < rule.conditions().size(); i++) {
            ConditionDraft condition = rule.conditions().get(i);
            String at = path + ".conditions[" + i + "]";
            if (condition.left() == null || Operand.parse(condition.left()).isEmpty()) {
                problems = problems.append(new Problem(
                        ProblemCode.UNKNOWN_OPERAND,
                        at + ".left",
                        "unknown operand '" + condition.left() + "'; one of " + operandNames()));
            }
            if (condition.operator() == null
                    || Operator.parse(condition.operator()).isEmpty()) {
                problems = problems.append(new Problem(
                        ProblemCode.UNKNOWN_RULE_TERM,
                        at + ".operator",
                        "unknown operator '" + condition.operator() + "'; one of =, !=, >, >=, <, <="));
            }
            if (condition.right() instanceof String text
                    && Operand.looksLikeOperand(text)
                    && Operand.parse(text).isEmpty()) {
                problems = problems.append(new Problem(
                        ProblemCode.UNKNOWN_OPERAND,
                        at + ".right",
                        "unknown operand '" + text + "'; one of " + operandNames()));
            }
        }
        return problems;
    }

    private static Seq<Problem> logic(RuleDraft rule, String path) {
        if (isBlank(rule.logic())) {
            return List.empty();
        }
        return LogicParser.parse(rule.logic(), rule.conditions().size())
                .fold(
                        error -> List.of(new Problem(
                                ProblemCode.BAD_RULE_LOGIC, path + ".logic", "'" + rule.logic() + "': " + error)),
                        logic -> List.empty());
    }

    private static Seq<Problem> action(RuleDraft rule, String path, Set<String> talkdesk, Set<String> presence) {
        String at = path + ".action";
        if (rule.action() == null
                || rule.action().system() == null
                || isBlank(rule.action().status())) {
            return List.of(new Problem(
                    ProblemCode.MISSING_VALUE,
                    at,
                    "a presence sync rule needs an action: a system (talkdesk or omni) and a status"));
        }
        String status = rule.action().status();
        switch (rule.action().system().toLowerCase(Locale.ROOT)) {
            case SYSTEM_TALKDESK:
                if (TalkdeskStatusId.of(status).isReservedForCalls()) {
                    return List.of(new Problem(
                            ProblemCode.RESERVED_STATUS_AS_TARGET,
                            at + ".status",
                            "'" + status + "' is reserved for calls; a rule cannot set it"));
                }
                return talkdesk.contains(status)
                        ? List.empty()
                        : List.of(new Problem(
                                ProblemCode.UNKNOWN_STATUS,
                                at + ".status",
                                "there is no Talkdesk status '" + status + "'"));
            case SYSTEM_OMNI:
                if (OmniStatus.OFFLINE_NAME.equals(status)) {
                    return List.of(new Problem(
                            ProblemCode.OFFLINE_AS_TARGET,
                            at + ".status",
                            "a rule never logs agents out of Omni-Channel: Offline cannot be its target"));
                }
                return presence.contains(status)
                        ? List.empty()
                        : List.of(new Problem(
                                ProblemCode.UNKNOWN_STATUS,
                                at + ".status",
                                "there is no presence status '" + status + "'"));
            default:
                return List.of(new Problem(
                        ProblemCode.UNKNOWN_RULE_TERM,
                        at + ".system",
                        "unknown system '" + rule.action().system() + "'; talkdesk or omni"));
        }
    }

    private static Condition condition(ConditionDraft draft) {
        Term right = draft.right() instanceof String text && Operand.parse(text).isDefined()
                ? new Term.Read(Operand.parse(text).get())
                : new Term.Literal(Value.of(draft.right()));
        return new Condition(
                Operand.parse(draft.left()).get(),
                Operator.parse(draft.operator()).get(),
                right);
    }

    private static RuleAction action(ConfigurationDraft.ActionDraft draft) {
        return SYSTEM_TALKDESK.equals(draft.system().toLowerCase(Locale.ROOT))
                ? new RuleAction.SetTalkdesk(TalkdeskStatusId.of(draft.status()))
                : new RuleAction.SetOmni(PresenceStatusId.of(draft.status()));
    }

    private static String operandNames() {
        return List.of(Operand.values()).mkString(", ");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
