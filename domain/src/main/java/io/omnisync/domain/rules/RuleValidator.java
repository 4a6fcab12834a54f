package io.omnisync.domain.rules;

import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.Problem;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;

/** The checks of SPEC section 9 on presence sync rules. */
public final class RuleValidator {

    private RuleValidator() {
    }

    public static Seq<Problem> problems(ConfigurationDraft draft, Set<String> talkdeskStatuses,
                                        Set<String> presenceStatuses) {
        return List.empty();
    }

    public static RuleBook build(ConfigurationDraft draft) {
        return new RuleBook(draft.integration().presenceSyncRules()
                .map(rule -> new PresenceSyncRule(rule.name(), rule.enabled())));
    }
}
