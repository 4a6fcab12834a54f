package io.omnisync.domain.rules;

import io.vavr.collection.Seq;
import java.util.Objects;

/**
 * A presence sync rule (SPEC section 9): on its trigger, when its conditions hold as its logic
 * combines them, it acts, and the plain mapping does not run for that event.
 */
public record PresenceSyncRule(
        String name, boolean enabled, Trigger trigger, Seq<Condition> conditions, Logic logic, RuleAction action) {

    /** Talkdesk's limits. */
    public static final int MAX_NAME_LENGTH = 80;

    public static final int MAX_CONDITIONS = 10;

    public PresenceSyncRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(logic, "logic");
        Objects.requireNonNull(action, "action");
    }

    public PresenceSyncRule withEnabled(boolean on) {
        return new PresenceSyncRule(name, on, trigger, conditions, logic, action);
    }

    /** Do the conditions hold for this agent and event? */
    public boolean matches(Operands context) {
        return logic.holds(number -> conditions.get(number - 1).holds(context));
    }
}
