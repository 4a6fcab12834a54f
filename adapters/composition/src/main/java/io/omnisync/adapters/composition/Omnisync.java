package io.omnisync.adapters.composition;

import com.google.inject.Module;
import io.omnisync.application.admin.ChangeIntegrationSettings;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.admin.LoadResult;
import io.omnisync.application.admin.SettingsResult;
import io.omnisync.application.audit.FactLog;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.delivery.SendReport;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.reporting.CallEvent;
import io.omnisync.application.reporting.OmniPresenceChange;
import io.omnisync.application.reporting.ReportCallEvent;
import io.omnisync.application.reporting.ReportOmniPresenceChange;
import io.omnisync.application.reporting.ReportTalkdeskStatusChange;
import io.omnisync.application.reporting.TalkdeskStatusChange;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The small facade a host app holds: report what the vendors say, flip the admin's switches, read
 * what the engine knows. Every call goes through the driving ports; times come from the clock.
 */
public final class Omnisync {

    private final LoadConfiguration configuration;
    private final ReportTalkdeskStatusChange talkdesk;
    private final ReportCallEvent calls;
    private final ReportOmniPresenceChange omni;
    private final ChangeIntegrationSettings settings;
    private final QueryAgents agents;
    private final DeliverCommands delivery;
    private final FactLog facts;
    private final Clock clock;

    @Inject
    public Omnisync(
            LoadConfiguration configuration,
            ReportTalkdeskStatusChange talkdesk,
            ReportCallEvent calls,
            ReportOmniPresenceChange omni,
            ChangeIntegrationSettings settings,
            QueryAgents agents,
            DeliverCommands delivery,
            FactLog facts,
            Clock clock) {
        this.configuration = configuration;
        this.talkdesk = talkdesk;
        this.calls = calls;
        this.omni = omni;
        this.settings = settings;
        this.agents = agents;
        this.delivery = delivery;
        this.facts = facts;
        this.clock = clock;
    }

    /**
     * The engine with the host's vendor, store and clock modules ({@link Bootstrap}). Building it
     * sends nothing: with a durable store, what a previous run left pending goes out when the host
     * delivers ({@link #sendPending()}).
     */
    public static Omnisync create(Module... modules) {
        return new Bootstrap(modules).initialize(Omnisync.class);
    }

    public LoadResult load(ConfigurationDraft draft) {
        return configuration.load(draft);
    }

    public void talkdeskStatusChanged(String agent, String status, String eventId) {
        talkdesk.talkdeskStatusChanged(new TalkdeskStatusChange(
                AgentId.of(agent), TalkdeskStatusId.of(status), EventId.of(eventId), clock.instant()));
    }

    public void callStarted(String agent, String eventId) {
        call(agent, CallEvent.Step.CALL_STARTED, Option.none(), eventId);
    }

    public void callEnded(String agent, String eventId) {
        call(agent, CallEvent.Step.CALL_ENDED, Option.none(), eventId);
    }

    /** Wrap-up ended; {@code statusAfter} is where Talkdesk put the agent (Available when empty). */
    public void wrapUpEnded(String agent, Option<String> statusAfter, String eventId) {
        call(agent, CallEvent.Step.WRAP_UP_ENDED, statusAfter.map(TalkdeskStatusId::of), eventId);
    }

    /** The agent picked a presence status in the widget; {@code "Offline"} is a logout. */
    public void omniStatusChanged(String agent, String status, String eventId) {
        omni.omniPresenceChanged(new OmniPresenceChange(
                AgentId.of(agent), OmniStatus.parse(status), EventId.of(eventId), clock.instant()));
    }

    public SettingsResult turnSync(boolean on, boolean force) {
        return settings.change(new SettingsChange.ToggleSync(on, force, clock.instant()));
    }

    public SettingsResult turnReturnToPreviousStatus(boolean on) {
        return settings.change(new SettingsChange.ToggleReturnToPrevious(on, clock.instant()));
    }

    public SettingsResult turnNextAgentStatus(boolean on) {
        return settings.change(new SettingsChange.ToggleNextAgentStatus(on, clock.instant()));
    }

    public SettingsResult turnRule(String name, boolean on) {
        return settings.change(new SettingsChange.ToggleRule(name, on, clock.instant()));
    }

    /** What turning sync on would do now; sends nothing. */
    public Seq<AgentDecision> planActivation() {
        return settings.planActivation();
    }

    public Option<AgentSession> agent(String agent) {
        return agents.agent(AgentId.of(agent));
    }

    public Seq<AgentSession> agents() {
        return agents.agents();
    }

    /** The latest facts, oldest first. */
    public Seq<Fact> auditTrail() {
        return facts.recent();
    }

    public Seq<PendingCommand> pendingCommands() {
        return delivery.pending();
    }

    public SendReport sendPending() {
        return delivery.sendPending();
    }

    private void call(String agent, CallEvent.Step step, Option<TalkdeskStatusId> after, String eventId) {
        calls.callEvent(new CallEvent(AgentId.of(agent), step, after, EventId.of(eventId), clock.instant()));
    }
}
