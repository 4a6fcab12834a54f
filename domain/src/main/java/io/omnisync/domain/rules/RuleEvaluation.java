package io.omnisync.domain.rules;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.AgentDecision;
import io.vavr.control.Option;

/** Tries the enabled presence sync rules of a trigger in order; the first whose conditions hold acts. */
public final class RuleEvaluation {

    private RuleEvaluation() {
    }

    public static Option<AgentDecision> decide(Configuration configuration, Agent agent, AgentSession before,
                                               AgentSession after, AgentEvent event, Trigger trigger) {
        return Option.none();
    }
}
