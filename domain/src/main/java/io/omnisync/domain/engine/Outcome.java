package io.omnisync.domain.engine;

import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Objects;

/** The engine's answer to one input: the new state, the commands to send in order, and the facts. */
public record Outcome(EngineState state, Seq<Command> commands, Seq<Fact> facts) {

    public Outcome {
        Objects.requireNonNull(state, "state");
        commands = commands == null ? List.empty() : commands;
        facts = facts == null ? List.empty() : facts;
    }

    static Outcome of(EngineState state, AgentDecision decision) {
        return new Outcome(state.withSession(decision.session()), decision.commands(), decision.facts());
    }

    static Outcome only(EngineState state, Fact fact) {
        return new Outcome(state, List.empty(), List.of(fact));
    }
}
