package io.omnisync.adapters.sandbox;

import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.TalkdeskStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.status.TalkdeskStatusType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An in-memory Talkdesk with Talkdesk's own rules: calls own On a Call and After Call Work (the
 * API and the agent cannot set them), the call lifecycle moves agents (answer → On a Call, hang
 * up → After Call Work, end of wrap-up → Available, or the status chosen in advance when the
 * 'Next agent status' preference is on), and every change, the engine's included, is reported
 * back as a webhook. An admin may delete a custom status in Talkdesk after the configuration was
 * written: it is unknown from then on.
 */
@Singleton
public class TalkdeskSandbox implements TalkdeskPresence {

    private final VendorDeliveries deliveries;
    private final Map<AgentId, TalkdeskStatusId> statuses = new HashMap<>();
    private final Map<String, AgentEvent> reported = new HashMap<>();
    private Set<TalkdeskStatusId> known = new HashSet<>();
    private final Set<TalkdeskStatusId> deleted = new HashSet<>();
    private Map<TalkdeskStatusId, TalkdeskStatusType> types = new HashMap<>();
    private boolean nextAgentStatus;

    @Inject
    public TalkdeskSandbox(VendorDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** Agents, statuses and preferences as the configuration describes them. */
    public synchronized void reset(Configuration configuration) {
        reset(configuration, Agent::talkdeskStatus);
    }

    /** The configuration's agents and preferences, each agent in the status {@code statusOf} says (a store's world). */
    public synchronized void reset(Configuration configuration, Function<Agent, TalkdeskStatusId> statusOf) {
        statuses.clear();
        reported.clear();
        deleted.clear();
        configuration.agents().values().forEach(agent -> statuses.put(agent.id(), statusOf.apply(agent)));
        known = new HashSet<>(configuration.talkdeskStatuses().keySet().toJavaSet());
        types = new HashMap<>(
                configuration.talkdeskStatuses().mapValues(TalkdeskStatus::type).toJavaMap());
        nextAgentStatus = configuration.settings().nextAgentStatus();
    }

    /**
     * The admin changed the vendors' screens and then Omnisync's configuration, while the contact
     * center runs: agents already here stay where they are, new ones arrive in the status the
     * configuration gives them, removed ones are gone; its statuses are known from then on (except
     * those deleted at Talkdesk). Nothing is reported: nobody's status changed.
     */
    public synchronized void adopt(Configuration configuration) {
        Map<AgentId, TalkdeskStatusId> before = new HashMap<>(statuses);
        statuses.clear();
        configuration
                .agents()
                .values()
                .forEach(agent -> statuses.put(agent.id(), before.getOrDefault(agent.id(), agent.talkdeskStatus())));
        known = new HashSet<>(configuration.talkdeskStatuses().keySet().toJavaSet());
        known.removeAll(deleted);
        types = new HashMap<>(
                configuration.talkdeskStatuses().mapValues(TalkdeskStatus::type).toJavaMap());
    }

    public synchronized TalkdeskStatusId status(AgentId agent) {
        return statuses.getOrDefault(agent, TalkdeskStatusId.OFFLINE);
    }

    /** Talkdesk's Preferences &gt; Next agent status. */
    public synchronized void setNextAgentStatus(boolean enabled) {
        nextAgentStatus = enabled;
    }

    /** The agent picks a status in Talkdesk. */
    public synchronized SandboxAnswer agentPicks(AgentId agent, TalkdeskStatusId status, Optional<String> eventId) {
        if (redelivered(eventId)) {
            return SandboxAnswer.DONE;
        }
        if (status.isReservedForCalls()) {
            return refused("'" + status + "' is set by calls only; an agent cannot pick it");
        }
        if (!known.contains(status)) {
            return refused("Talkdesk has no status '" + status + "'");
        }
        if (status(agent).equals(TalkdeskStatusId.ON_A_CALL)) {
            return refused(agent + " is on a call; the status changes when the call ends");
        }
        return change(agent, status, eventId);
    }

    /**
     * Talkdesk offers the agent an incoming call: it rings only when her status is of type
     * Available (Talkdesk routes calls to no one else). Nothing changes until she answers.
     */
    public synchronized SandboxAnswer offerCall(AgentId agent) {
        TalkdeskStatusId now = status(agent);
        TalkdeskStatusType type = types.get(now);
        if (type != TalkdeskStatusType.AVAILABLE) {
            return refused("Talkdesk routes no call to " + agent + " in '" + now + "' ("
                    + (type == null ? "a status it does not know" : type) + ")");
        }
        return SandboxAnswer.DONE;
    }

    /** The agent answers (or places) a call. */
    public synchronized SandboxAnswer answerCall(AgentId agent, Optional<String> eventId) {
        if (redelivered(eventId)) {
            return SandboxAnswer.DONE;
        }
        if (status(agent).equals(TalkdeskStatusId.ON_A_CALL)) {
            return refused(agent + " is already on a call");
        }
        return change(agent, TalkdeskStatusId.ON_A_CALL, eventId);
    }

    /** The call ends: wrap-up begins. */
    public synchronized SandboxAnswer hangUp(AgentId agent, Optional<String> eventId) {
        if (redelivered(eventId)) {
            return SandboxAnswer.DONE;
        }
        if (!status(agent).equals(TalkdeskStatusId.ON_A_CALL)) {
            return refused(agent + " is not on a call");
        }
        return change(agent, TalkdeskStatusId.AFTER_CALL_WORK, eventId);
    }

    /**
     * Wrap-up ends: Available, or with 'Next agent status' on, the status the agent chose in
     * advance ({@code nextStatus}).
     */
    public synchronized SandboxAnswer endWrapUp(
            AgentId agent, Optional<TalkdeskStatusId> nextStatus, Optional<String> eventId) {
        if (redelivered(eventId)) {
            return SandboxAnswer.DONE;
        }
        if (!status(agent).equals(TalkdeskStatusId.AFTER_CALL_WORK)) {
            return refused(agent + " is not wrapping up");
        }
        TalkdeskStatusId after = TalkdeskStatusId.AVAILABLE;
        if (nextAgentStatus && nextStatus.isPresent()) {
            if (nextStatus.get().isReservedForCalls() || !known.contains(nextStatus.get())) {
                return refused("'" + nextStatus.get() + "' cannot be the next agent status");
            }
            after = nextStatus.get();
        }
        return change(agent, after, eventId);
    }

    /**
     * The Talkdesk admin deletes a custom status after the configuration was written: Talkdesk no
     * longer knows it, whoever asks for it (the Presence API answers 404 naming it).
     */
    public synchronized void deleteStatus(TalkdeskStatusId status) {
        known.remove(status);
        deleted.add(status);
    }

    /** The engine's call: Talkdesk's API, which refuses call statuses and changes during a call. */
    @Override
    public synchronized VendorAnswer setAgentStatus(Agent agent, TalkdeskStatusId status) {
        if (deliveries.failNow()) {
            throw new VendorUnavailableException("Talkdesk sandbox: injected failure (HTTP 503)");
        }
        if (status.isReservedForCalls()) {
            return new VendorAnswer.Refused("'" + status + "' is reserved for calls; the API cannot set it");
        }
        if (!known.contains(status)) {
            return VendorAnswer.Refused.unknownStatus("Talkdesk has no status '" + status + "'");
        }
        if (status(agent.id()).equals(TalkdeskStatusId.ON_A_CALL)) {
            return new VendorAnswer.Refused(agent.id() + " is on a call");
        }
        change(agent.id(), status, Optional.empty());
        return VendorAnswer.ACCEPTED;
    }

    private SandboxAnswer change(AgentId agent, TalkdeskStatusId status, Optional<String> eventId) {
        statuses.put(agent, status);
        EventId id = EventId.of(eventId.orElseGet(() -> deliveries.nextId("td")));
        AgentEvent event = new AgentEvent.TalkdeskStatusReported(id, agent, deliveries.stamp(), status);
        reported.put(id.value(), event);
        deliveries.report(event);
        return SandboxAnswer.DONE;
    }

    private boolean redelivered(Optional<String> eventId) {
        AgentEvent seen = eventId.map(reported::get).orElse(null);
        if (seen == null) {
            return false;
        }
        deliveries.redeliver(seen);
        return true;
    }

    private static SandboxAnswer refused(String reason) {
        return new SandboxAnswer.Refused(reason);
    }
}
