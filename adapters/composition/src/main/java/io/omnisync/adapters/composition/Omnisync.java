package io.omnisync.adapters.composition;

import com.google.inject.Module;
import io.omnisync.application.admin.ChangeIntegrationSettings;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.admin.LoadResult;
import io.omnisync.application.admin.ReplacePolicy;
import io.omnisync.application.admin.SettingsResult;
import io.omnisync.application.admin.StartEngine;
import io.omnisync.application.admin.StartResult;
import io.omnisync.application.audit.AuditEntry;
import io.omnisync.application.audit.AuditTrail;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.delivery.DeliveryLoop;
import io.omnisync.application.delivery.DeliveryReport;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.reporting.CallEvent;
import io.omnisync.application.reporting.OmniPresenceChange;
import io.omnisync.application.reporting.ReportCallEvent;
import io.omnisync.application.reporting.ReportOmniPresenceChange;
import io.omnisync.application.reporting.ReportOmniWork;
import io.omnisync.application.reporting.ReportTalkdeskStatusChange;
import io.omnisync.application.reporting.TalkdeskStatusChange;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.AgentDecision;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * The small facade a host app holds: start the engine on its store, report what the vendors say
 * (with the vendor's own event id and time, so a late or repeated webhook is recognised), flip the
 * admin's switches, read what the engine knows and its audit trail, and deliver the commands.
 * Every call goes through the driving ports. Reporting commits and returns; commands go out when
 * the host delivers: on its own thread ({@link #deliverDue()}), or on the engine's delivery
 * threads ({@link #startDelivery()}).
 * <p>Every method checks its arguments: a null, or an empty agent, status, channel, rule name or
 * event id (which the command line refuses too), is an {@link IllegalArgumentException} naming the
 * argument. A status the running configuration does not know is not an error: the engine records
 * {@code UNKNOWN_STATUS} (a new status the admin has not mapped yet) and acts on nothing.
 */
public final class Omnisync {

    private final LoadConfiguration configuration;
    private final StartEngine starting;
    private final ReportTalkdeskStatusChange talkdesk;
    private final ReportCallEvent calls;
    private final ReportOmniPresenceChange omni;
    private final ReportOmniWork work;
    private final ChangeIntegrationSettings settings;
    private final QueryAgents agents;
    private final DeliverCommands delivery;
    private final DeliveryLoop loop;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public Omnisync(
            LoadConfiguration configuration,
            StartEngine starting,
            ReportTalkdeskStatusChange talkdesk,
            ReportCallEvent calls,
            ReportOmniPresenceChange omni,
            ReportOmniWork work,
            ChangeIntegrationSettings settings,
            QueryAgents agents,
            DeliverCommands delivery,
            DeliveryLoop loop,
            AuditTrail audit,
            Clock clock) {
        this.configuration = configuration;
        this.starting = starting;
        this.talkdesk = talkdesk;
        this.calls = calls;
        this.omni = omni;
        this.work = work;
        this.settings = settings;
        this.agents = agents;
        this.delivery = delivery;
        this.loop = loop;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The engine with the host's vendor, store and clock modules ({@link Bootstrap}). Building it
     * sends nothing: with a durable store, what a previous run left waiting goes out when the host
     * delivers ({@link #deliverDue()} or {@link #startDelivery()}).
     */
    public static Omnisync create(Module... modules) {
        return new Bootstrap(modules).initialize(Omnisync.class);
    }

    /**
     * Starts the engine on its store with the host's configuration (SPEC 6): a store with none
     * starts with it (with sync on, an activation); a store that runs the same one resumes (its
     * configuration and run-time settings win, nothing is reconciled, its outbox is due at once);
     * a different one is refused unless {@code policy} asks to replace it. See {@link StartEngine}.
     */
    public StartResult start(ConfigurationDraft draft, ReplacePolicy policy) {
        return starting.start(Arguments.present(draft, "draft"), Arguments.present(policy, "policy"));
    }

    /** Loads or replaces the running configuration at run time (SPEC 4.9): validated whole, applied whole. */
    public LoadResult load(ConfigurationDraft draft) {
        return configuration.load(Arguments.present(draft, "draft"));
    }

    // ---- webhooks: what the vendors said, when they say it happened ------------------------

    public void talkdeskStatusChanged(String agent, String status, String eventId, Instant occurredAt) {
        talkdesk.talkdeskStatusChanged(new TalkdeskStatusChange(
                agentId(agent),
                TalkdeskStatusId.of(Arguments.name(status, "status")),
                eventId(eventId),
                Arguments.present(occurredAt, "occurredAt")));
    }

    public void callStarted(String agent, String eventId, Instant occurredAt) {
        call(agent, CallEvent.Step.CALL_STARTED, Option.none(), eventId, occurredAt);
    }

    public void callEnded(String agent, String eventId, Instant occurredAt) {
        call(agent, CallEvent.Step.CALL_ENDED, Option.none(), eventId, occurredAt);
    }

    /** Wrap-up ended; {@code statusAfter} is where Talkdesk put the agent (Available when empty). */
    public void wrapUpEnded(String agent, Option<String> statusAfter, String eventId, Instant occurredAt) {
        Option<TalkdeskStatusId> after = Arguments.present(statusAfter, "statusAfter")
                .map(status -> TalkdeskStatusId.of(Arguments.name(status, "statusAfter")));
        if (after.exists(TalkdeskStatusId::isReservedForCalls)) {
            throw new IllegalArgumentException(
                    "statusAfter cannot be '" + after.get() + "': wrap-up does not end in a call status");
        }
        call(agent, CallEvent.Step.WRAP_UP_ENDED, after, eventId, occurredAt);
    }

    /** The agent picked a presence status in the widget; {@code "Offline"} is a logout. */
    public void omniStatusChanged(String agent, String status, String eventId, Instant occurredAt) {
        omni.omniPresenceChanged(new OmniPresenceChange(
                agentId(agent),
                OmniStatus.parse(Arguments.name(status, "status")),
                eventId(eventId),
                Arguments.present(occurredAt, "occurredAt")));
    }

    /** Omni-Channel's units of work in use for the agent changed (what workload rules read). */
    public void omniWorkloadChanged(String agent, int workload, String eventId, Instant occurredAt) {
        work.workloadChanged(new AgentEvent.OmniWorkloadReported(
                eventId(eventId),
                agentId(agent),
                Arguments.present(occurredAt, "occurredAt"),
                Arguments.atLeastZero(workload, "workload")));
    }

    /** The agent accepted a work item on {@code channel}. */
    public void omniWorkAccepted(String agent, String channel, String eventId, Instant occurredAt) {
        work.workAccepted(new AgentEvent.OmniWorkAccepted(
                eventId(eventId),
                agentId(agent),
                Arguments.present(occurredAt, "occurredAt"),
                Arguments.name(channel, "channel")));
    }

    // ---- the admin's switches, which take effect now ---------------------------------------

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
        return settings.change(new SettingsChange.ToggleRule(Arguments.name(name, "name"), on, clock.instant()));
    }

    /** What turning sync on would do now; sends nothing. */
    public Seq<AgentDecision> planActivation() {
        return settings.planActivation();
    }

    // ---- what the engine knows -------------------------------------------------------------

    public Option<AgentSession> agent(String agent) {
        return agents.agent(agentId(agent));
    }

    public Seq<AgentSession> agents() {
        return agents.agents();
    }

    /** The latest {@code limit} entries of the audit trail, oldest first. */
    public Seq<AuditEntry> auditTrail(int limit) {
        return audit.recent(Arguments.atLeastZero(limit, "limit"));
    }

    /** The latest {@code limit} entries about one agent, oldest first. */
    public Seq<AuditEntry> auditTrail(String agent, int limit) {
        return audit.of(agentId(agent), Arguments.atLeastZero(limit, "limit"));
    }

    // ---- delivery --------------------------------------------------------------------------

    public Seq<PendingCommand> pendingCommands() {
        return delivery.pending();
    }

    /** One round of delivery on the caller's thread: what is due now, including what a previous run left waiting. */
    public DeliveryReport deliverDue() {
        return delivery.deliverDue();
    }

    /** Delivers on the engine's own threads (one per vendor) until {@link #stopDelivery()}: what a service does. */
    public void startDelivery() {
        loop.start();
    }

    /** Lets a vendor call in progress finish and sends nothing more; what waits stays in the outbox. */
    public void stopDelivery() {
        loop.stop();
    }

    private void call(
            String agent, CallEvent.Step step, Option<TalkdeskStatusId> after, String eventId, Instant occurredAt) {
        calls.callEvent(new CallEvent(
                agentId(agent), step, after, eventId(eventId), Arguments.present(occurredAt, "occurredAt")));
    }

    private static AgentId agentId(String agent) {
        return AgentId.of(Arguments.name(agent, "agent"));
    }

    private static EventId eventId(String eventId) {
        return EventId.of(Arguments.name(eventId, "eventId"));
    }
}
