package io.omnisync.application.sync;

import io.omnisync.application.reporting.CallEvent;
import io.omnisync.application.reporting.OmniPresenceChange;
import io.omnisync.application.reporting.ReportCallEvent;
import io.omnisync.application.reporting.ReportOmniPresenceChange;
import io.omnisync.application.reporting.ReportOmniWork;
import io.omnisync.application.reporting.ReportTalkdeskStatusChange;
import io.omnisync.application.reporting.ReportVendorEvent;
import io.omnisync.application.reporting.TalkdeskStatusChange;
import io.omnisync.application.watch.EngineWatcher;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.PresenceSync;
import io.vavr.collection.List;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The use case behind every vendor report: load the agent's session, decide, store the session
 * and its commands together and record the facts. Nothing is sent on the reporter's thread: the
 * commit wakes the delivery.
 */
@Singleton
public class ReportedChanges
        implements ReportTalkdeskStatusChange,
                ReportCallEvent,
                ReportOmniPresenceChange,
                ReportOmniWork,
                ReportVendorEvent {

    private final EngineStore store;
    private final AgentLocks locks;
    private final EngineWatcher watcher;

    /** Reports nobody watches (simulations, tests). */
    public ReportedChanges(EngineStore store, AgentLocks locks) {
        this(store, locks, EngineWatcher.NOBODY);
    }

    @Inject
    public ReportedChanges(EngineStore store, AgentLocks locks, EngineWatcher watcher) {
        this.store = store;
        this.locks = locks;
        this.watcher = watcher;
    }

    @Override
    public void talkdeskStatusChanged(TalkdeskStatusChange change) {
        report(change.toEvent());
    }

    @Override
    public void callEvent(CallEvent event) {
        report(event.asStatusChange().toEvent());
    }

    @Override
    public void omniPresenceChanged(OmniPresenceChange change) {
        report(change.toEvent());
    }

    @Override
    public void workloadChanged(AgentEvent.OmniWorkloadReported event) {
        report(event);
    }

    @Override
    public void workAccepted(AgentEvent.OmniWorkAccepted event) {
        report(event);
    }

    /** Decide and store one event, and return: its commands are the delivery's business. */
    @Override
    public Either<Fact.Skipped, AgentDecision> report(AgentEvent event) {
        return locks.forAgent(event.agent(), () -> {
            long start = System.nanoTime();
            Either<Fact.Skipped, AgentDecision> decided =
                    PresenceSync.handle(store.configuration(), event, store::session);
            long decidedAt = System.nanoTime();
            decided.peekLeft(unknown -> store.record(List.of(unknown))).peek(store::save);
            watcher.decided(
                    event,
                    decided,
                    Duration.ofNanos(decidedAt - start),
                    Duration.ofNanos(System.nanoTime() - decidedAt));
            return decided;
        });
    }
}
