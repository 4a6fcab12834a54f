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
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.PresenceSync;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.control.Option;
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
    public AgentDecision report(AgentEvent event) {
        AgentDecision decision = locks.forAgent(event.agent(), () -> {
            Configuration configuration = store.configuration();
            Option<Agent> agent = configuration.agent(event.agent());
            if (agent.isEmpty()) {
                AgentDecision unknown = AgentDecision.skipped(
                        AgentSession.start(event.agent(), TalkdeskStatusId.OFFLINE, OmniStatus.OFFLINE),
                        new Fact.Skipped(
                                event.agent(), SkipReason.UNKNOWN_AGENT, event.system(), "", "", Because.MAPPING));
                store.record(unknown.facts());
                return unknown;
            }
            AgentSession session = store.sessions().find(event.agent()).getOrElse(() -> AgentSession.of(agent.get()));
            AgentDecision decided = PresenceSync.decide(configuration, session, event);
            store.save(decided);
            return decided;
        });
        if (!decision.commands().isEmpty()) {
            sender.sendPending();
        }
        return decision;
    }
}
