package io.omnisync.domain.sync;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.rules.Operand;
import io.omnisync.domain.rules.Operands;
import io.omnisync.domain.rules.Value;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.TalkdeskStatusId;

/**
 * What rule conditions read: the agent's session just before the event and just after it, the
 * event itself, and the capacity of the agent's presence configuration. Workload percentages are
 * whole numbers of the capacity (3 of 4 units is 75).
 */
public record RuleOperands(
        Configuration configuration, Agent agent, AgentSession before, AgentSession after, AgentEvent event)
        implements Operands {

    @Override
    public Value value(Operand operand) {
        return switch (operand) {
            case TALKDESK_STATUS -> new Value.Text(after.talkdeskStatus().value());
            case TALKDESK_PREVIOUS_STATUS ->
                new Value.Text(before.talkdeskStatus().value());
            case TALKDESK_STATUS_TYPE -> typeOf(after.talkdeskStatus());
            case OMNI_STATUS -> new Value.Text(after.omniStatus().wireName());
            case OMNI_PREVIOUS_STATUS -> new Value.Text(before.omniStatus().wireName());
            case OMNI_CHANNEL ->
                event instanceof AgentEvent.OmniWorkAccepted accepted
                        ? new Value.Text(accepted.channel())
                        : Value.ABSENT;
            case OMNI_WORKLOAD -> Value.Number.of(after.workload());
            case OMNI_PREVIOUS_WORKLOAD -> Value.Number.of(before.workload());
            case OMNI_WORKLOAD_PERCENT -> percent(after.workload());
            case OMNI_PREVIOUS_WORKLOAD_PERCENT -> percent(before.workload());
            case OMNI_CAPACITY -> agent.capacity().<Value>map(Value.Number::of).getOrElse(Value.ABSENT);
        };
    }

    private Value typeOf(TalkdeskStatusId status) {
        return configuration
                .talkdeskStatus(status)
                .<Value>map(s -> new Value.Text(s.type().name()))
                .getOrElse(Value.ABSENT);
    }

    private Value percent(int workload) {
        return agent.capacity()
                .filter(capacity -> capacity > 0)
                .<Value>map(capacity -> Value.Number.of(Math.round(workload * 100.0 / capacity)))
                .getOrElse(Value.ABSENT);
    }
}
