package io.omnisync.domain.sync;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.rules.PresenceSyncRule;
import io.omnisync.domain.rules.RuleAction;
import io.omnisync.domain.rules.Trigger;
import io.omnisync.domain.session.AgentSession;
import io.vavr.control.Option;

/**
 * Tries the enabled rules of a trigger in list order; the first whose conditions hold acts, and
 * no other rule, nor the mapping, runs for that event. Its action passes the same guards as a
 * mapped change (never Offline, never a call status, only granted statuses, not during a call for
 * Talkdesk, not already there), and its command's echo is expected like any other.
 */
public final class RuleEvaluation {

    private RuleEvaluation() {}

    /** Empty when no rule acts: then the mapping applies. */
    public static Option<AgentDecision> decide(
            Configuration configuration,
            Agent agent,
            AgentSession before,
            AgentSession after,
            AgentEvent event,
            Trigger trigger) {
        if (configuration.rules().rules().isEmpty()) {
            return Option.none();
        }
        RuleOperands context = new RuleOperands(configuration, agent, before, after, event);
        return configuration
                .rules()
                .rules()
                .find(rule -> rule.enabled() && rule.trigger() == trigger && rule.matches(context))
                .map(rule -> act(agent, after, rule));
    }

    private static AgentDecision act(Agent agent, AgentSession session, PresenceSyncRule rule) {
        Because because = Because.rule(rule.name());
        if (rule.action() instanceof RuleAction.SetTalkdesk set) {
            return OmniToTalkdeskPolicy.towards(session, set.status(), session.omniNow(), because)
                    .fold(
                            skipped -> AgentDecision.nothing(session).withFact(skipped),
                            target -> AgentDecision.send(
                                    session, new Command.SetTalkdeskStatus(agent.id(), target, because)));
        }
        RuleAction.SetOmni set = (RuleAction.SetOmni) rule.action();
        return TalkdeskToOmniPolicy.towards(agent, session, set.status(), session.talkdeskNow(), because)
                .fold(
                        skipped -> AgentDecision.nothing(session).withFact(skipped),
                        target -> AgentDecision.send(session, new Command.SetOmniStatus(agent.id(), target, because)));
    }
}
