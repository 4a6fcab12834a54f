package io.omnisync.application.sync;

import io.omnisync.application.delivery.CommandSender;
import io.omnisync.application.reporting.CallEvent;
import io.omnisync.application.reporting.OmniPresenceChange;
import io.omnisync.application.reporting.ReportCallEvent;
import io.omnisync.application.reporting.ReportOmniPresenceChange;
import io.omnisync.application.reporting.ReportOmniWork;
import io.omnisync.application.reporting.ReportTalkdeskStatusChange;
import io.omnisync.application.reporting.ReportVendorEvent;
import io.omnisync.application.reporting.TalkdeskStatusChange;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.PresenceSync;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The use case behind every vendor report: load the agent's session, decide, store the session
 * and its commands together, record the facts, then send what is pending.
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
    private final CommandSender sender;

    @Inject
    public ReportedChanges(EngineStore store, AgentLocks locks, CommandSender sender) {
        this.store = store;
        this.locks = locks;
        this.sender = sender;
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

    /** Decide and store one event; the commands go out after the lock is released. */
    @Override
    public Either<Fact.Skipped, AgentDecision> report(AgentEvent event) {
        Either<Fact.Skipped, AgentDecision> handled = locks.forAgent(event.agent(), () -> {
            Either<Fact.Skipped, AgentDecision> decided =
                    PresenceSync.handle(store.configuration(), event, store::session);
            decided.fold(
                    unknown -> {
                        store.record(io.vavr.collection.List.of(unknown));
                        return null;
                    },
                    decision -> {
                        store.save(decision);
                        return null;
                    });
            return decided;
        });
        if (handled.exists(decision -> !decision.commands().isEmpty())) {
            sender.sendPending();
        }
        return handled;
    }
}
