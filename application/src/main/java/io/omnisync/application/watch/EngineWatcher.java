package io.omnisync.application.watch;

import io.omnisync.application.store.PendingCommand;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Duration;

/**
 * Driven port: what the engine did, told as it happens, for whoever watches a running engine (a
 * service's metrics, an admin's live view). Each call comes after what it tells of is committed,
 * on the thread that did it: a watcher is quick, never blocks and never throws. Simulations watch
 * nothing ({@link #NOBODY}).
 */
public interface EngineWatcher {

    EngineWatcher NOBODY = new EngineWatcher() {};

    /**
     * A vendor event was decided and committed ({@code decision}: the decision, or the fact
     * recorded about an unknown agent), {@code deciding} the decision function's time and {@code
     * committing} the time to store its outcome.
     */
    default void decided(
            AgentEvent event, Either<Fact.Skipped, AgentDecision> decision, Duration deciding, Duration committing) {}

    /** Facts went into the audit trail, after what they tell of was committed. */
    default void recorded(Seq<Fact> facts) {}

    /** The delivery took a step with a command of the outbox; the store already says so. */
    default void delivery(PendingCommand command, DeliveryStep step) {}
}
