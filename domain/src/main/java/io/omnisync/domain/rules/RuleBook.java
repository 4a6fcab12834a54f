package io.omnisync.domain.rules;

import io.omnisync.domain.settings.Refusal;
import io.omnisync.domain.settings.RefusalCode;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** The presence sync rules of a configuration, in the order they are tried. */
public record RuleBook(Seq<PresenceSyncRule> rules) {

    /** Talkdesk allows at most ten active rules. */
    public static final int MAX_ENABLED = 10;

    public RuleBook {
        rules = rules == null ? List.empty() : rules;
    }

    /** The enable toggle of one rule; it needs no save. */
    public static Either<Refusal, RuleBook> toggle(RuleBook book, String name, boolean enabled) {
        int index = book.rules.indexWhere(rule -> rule.name().equals(name));
        if (index < 0) {
            return Either.left(
                    new Refusal(RefusalCode.UNKNOWN_RULE, "there is no presence sync rule named '" + name + "'"));
        }
        RuleBook toggled =
                new RuleBook(book.rules.update(index, book.rules.get(index).withEnabled(enabled)));
        if (enabled && toggled.rules.count(PresenceSyncRule::enabled) > MAX_ENABLED) {
            return Either.left(new Refusal(
                    RefusalCode.TOO_MANY_RULES,
                    "enabling '" + name + "' would make more than " + MAX_ENABLED
                            + " presence sync rules active; disable another one first"));
        }
        return Either.right(toggled);
    }
}
