package io.omnisync.domain.sync;

import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.session.AgentSession;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Objects;

/** The outcome of one event for one agent: the new session, the commands to send, the facts to record. */
public record AgentDecision(AgentSession session, Seq<Command> commands, Seq<Fact> facts) {

    public AgentDecision {
        Objects.requireNonNull(session, "session");
        commands = commands == null ? List.empty() : commands;
        facts = facts == null ? List.empty() : facts;
    }

    public static AgentDecision nothing(AgentSession session) {
        return new AgentDecision(session, List.empty(), List.empty());
    }

    public static AgentDecision skipped(AgentSession session, Fact.Skipped skipped) {
        return new AgentDecision(session, List.empty(), List.of(skipped));
    }

    public AgentDecision withFact(Fact fact) {
        return new AgentDecision(session, commands, facts.append(fact));
    }

    /** This decision followed by {@code next}, which starts from this one's session. */
    public AgentDecision andThen(java.util.function.Function<AgentSession, AgentDecision> next) {
        AgentDecision then = next.apply(session);
        return new AgentDecision(then.session, commands.appendAll(then.commands), facts.appendAll(then.facts));
    }

    /** Send {@code command} and expect its echo. */
    public static AgentDecision send(AgentSession session, Command command) {
        return new AgentDecision(command.awaitedBy(session), List.of(command), List.of(new Fact.Synced(command)));
    }

    /**
     * The same decision, its facts saying which event they were about: skipped facts name the
     * event, and every fact about an Omni-Channel presence report carries the report's reason.
     */
    public AgentDecision about(AgentEvent event) {
        AgentDecision named = about(event.id());
        return event instanceof AgentEvent.OmniStatusReported omni ? named.reportedFor(omni.reasonOrManual()) : named;
    }

    private AgentDecision reportedFor(OmniReason reason) {
        return new AgentDecision(session, commands, facts.map(fact -> fact.reportedFor(reason)));
    }

    /** The same decision, its skipped facts saying which event they were about. */
    public AgentDecision about(EventId event) {
        return facts.exists(Fact.Skipped.class::isInstance)
                ? new AgentDecision(
                        session,
                        commands,
                        facts.map(fact -> fact instanceof Fact.Skipped skipped ? skipped.forEvent(event) : fact))
                : this;
    }
}
