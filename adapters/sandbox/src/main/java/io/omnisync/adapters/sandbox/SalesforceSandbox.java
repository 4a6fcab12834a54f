package io.omnisync.adapters.sandbox;

import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.access.PresenceConfiguration;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * An in-memory Salesforce Omni-Channel with Salesforce's own rules: a presence status is usable
 * only when the agent's profile or a permission set grants it; Busy agents get no new work, and
 * Online ones only on the channels their status serves; workload stays within the capacity of the
 * agent's presence configuration. Salesforce moves agents by itself too: declined work and a push
 * that timed out send the agent to the status her presence configuration names, and a supervisor
 * may set her status; those reports say why (the toolkit's reason). An admin may delete a presence
 * status in Salesforce after the configuration was written: it is unknown from then on. Every
 * change, the engine's included, is reported back.
 */
@Singleton
public class SalesforceSandbox implements OmniChannelPresence {

    private final VendorDeliveries deliveries;
    private final Map<AgentId, OmniStatus> statuses = new HashMap<>();
    private final Map<AgentId, Integer> workloads = new HashMap<>();
    private final Map<String, AgentEvent> reported = new HashMap<>();
    private final Set<PresenceStatusId> deleted = new HashSet<>();
    private Configuration configuration;

    @Inject
    public SalesforceSandbox(VendorDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** Agents and their presence statuses as the configuration describes them, no work in use. */
    public synchronized void reset(Configuration newConfiguration) {
        reset(newConfiguration, Agent::omniStatus, agent -> 0);
    }

    /** The configuration's agents, each in the status and with the work in use the functions say (a store's world). */
    public synchronized void reset(
            Configuration newConfiguration, Function<Agent, OmniStatus> statusOf, ToIntFunction<Agent> workloadOf) {
        configuration = newConfiguration;
        statuses.clear();
        workloads.clear();
        reported.clear();
        deleted.clear();
        newConfiguration.agents().values().forEach(agent -> {
            statuses.put(agent.id(), statusOf.apply(agent));
            int workload = workloadOf.applyAsInt(agent);
            if (workload > 0) {
                workloads.put(agent.id(), workload);
            }
        });
    }

    /**
     * The admin changed Salesforce and then Omnisync's configuration, while the contact center runs:
     * agents already here keep their status and work, new ones arrive as the configuration says,
     * removed ones are gone, and Salesforce's rules (grants, channels, capacity, statuses on decline
     * and push timeout) are the configuration's from then on. Nothing is reported.
     */
    public synchronized void adopt(Configuration newConfiguration) {
        Map<AgentId, OmniStatus> before = new HashMap<>(statuses);
        Map<AgentId, Integer> work = new HashMap<>(workloads);
        configuration = newConfiguration;
        statuses.clear();
        workloads.clear();
        newConfiguration.agents().values().forEach(agent -> {
            statuses.put(agent.id(), before.getOrDefault(agent.id(), agent.omniStatus()));
            if (work.containsKey(agent.id())) {
                workloads.put(agent.id(), work.get(agent.id()));
            }
        });
    }

    public synchronized OmniStatus status(AgentId agent) {
        return statuses.getOrDefault(agent, OmniStatus.OFFLINE);
    }

    public synchronized int workload(AgentId agent) {
        return workloads.getOrDefault(agent, 0);
    }

    /** The agent picks a presence status in the widget, or logs out ({@link OmniStatus#OFFLINE}). */
    public synchronized SandboxAnswer agentPicks(AgentId agent, OmniStatus status, Optional<String> eventId) {
        return statusChanged(agent, status, Optional.empty(), eventId);
    }

    /**
     * The agent's presence changes for the toolkit's {@code reason}: none, she picked it; otherwise
     * Salesforce (a supervisor, a login, another console integration) set it. The same rules hold.
     */
    public synchronized SandboxAnswer statusChanged(
            AgentId agent, OmniStatus status, Optional<OmniReason> reason, Optional<String> eventId) {
        if (redelivered(eventId)) {
            return SandboxAnswer.DONE;
        }
        if (status instanceof PresenceStatusId presence) {
            Optional<String> refusal = refusal(agent, presence);
            if (refusal.isPresent()) {
                return new SandboxAnswer.Refused(refusal.get());
            }
        } else {
            workloads.remove(agent);
        }
        statuses.put(agent, status);
        report(
                eventId,
                id -> new AgentEvent.OmniStatusReported(
                        id, agent, deliveries.stamp(), status, Option.ofOptional(reason)));
        return SandboxAnswer.DONE;
    }

    /**
     * The agent declines a work item pushed to her: Salesforce moves her to the status her presence
     * configuration names for that ({@code statusOnDecline}) and says so ({@code OmniDeclineWork}).
     */
    public synchronized SandboxAnswer workDeclined(AgentId agent, Optional<String> eventId) {
        return movedBySalesforce(
                agent, OmniReason.DECLINE_WORK, PresenceConfiguration::statusOnDecline, "declines", eventId);
    }

    /**
     * A work item pushed to the agent goes unanswered until the push times out: Salesforce moves her
     * to her presence configuration's {@code statusOnPushTimeout} ({@code OmniPushTimeout}).
     */
    public synchronized SandboxAnswer pushTimedOut(AgentId agent, Optional<String> eventId) {
        return movedBySalesforce(
                agent,
                OmniReason.PUSH_TIMEOUT,
                PresenceConfiguration::statusOnPushTimeout,
                "lets a push time out",
                eventId);
    }

    private SandboxAnswer movedBySalesforce(
            AgentId agent,
            OmniReason reason,
            Function<PresenceConfiguration, Option<PresenceStatusId>> named,
            String what,
            Optional<String> eventId) {
        if (redelivered(eventId)) {
            return SandboxAnswer.DONE;
        }
        OmniStatus now = status(agent);
        boolean receivesWork = now instanceof PresenceStatusId presence
                && configuration.presenceStatus(presence).exists(PresenceStatus::receivesWork);
        if (!receivesWork) {
            return new SandboxAnswer.Refused("Omni-Channel pushes no work to " + agent + " in '" + now + "'");
        }
        Optional<PresenceStatusId> target =
                configuration.presenceConfigurationOf(agent).flatMap(named).toJavaOptional();
        if (target.isEmpty()) {
            return new SandboxAnswer.Refused(agent + " " + what + ", and her presence configuration names no status "
                    + "for it: Omni-Channel leaves her in '" + now + "'");
        }
        Optional<String> refusal = refusal(agent, target.get());
        if (refusal.isPresent()) {
            return new SandboxAnswer.Refused(refusal.get());
        }
        if (target.get().equals(now)) {
            return SandboxAnswer.DONE;
        }
        statuses.put(agent, target.get());
        report(
                eventId,
                id -> new AgentEvent.OmniStatusReported(
                        id, agent, deliveries.stamp(), target.get(), Option.some(reason)));
        return SandboxAnswer.DONE;
    }

    /**
     * The Salesforce admin deletes a presence status (or renames its API name) after the
     * configuration was written: Salesforce no longer knows it, whoever asks for it.
     */
    public synchronized void deleteStatus(PresenceStatusId status) {
        deleted.add(status);
    }

    /** Omni-Channel's units of work in use for the agent changed. */
    public synchronized SandboxAnswer workloadChanged(AgentId agent, int units, Optional<String> eventId) {
        if (redelivered(eventId)) {
            return SandboxAnswer.DONE;
        }
        if (status(agent).isOffline()) {
            return new SandboxAnswer.Refused(agent + " is logged out of Omni-Channel");
        }
        int capacity = configuration.agent(agent).flatMap(Agent::capacity).getOrElse(Integer.MAX_VALUE);
        if (units < 0 || units > capacity) {
            return new SandboxAnswer.Refused("workload " + units + " is outside 0.." + capacity + " for " + agent);
        }
        workloads.put(agent, units);
        report(eventId, id -> new AgentEvent.OmniWorkloadReported(id, agent, deliveries.stamp(), units));
        return SandboxAnswer.DONE;
    }

    /** The agent accepts a work item: only an Online status serving that channel gets one. */
    public synchronized SandboxAnswer workAccepted(AgentId agent, String channel, Optional<String> eventId) {
        if (redelivered(eventId)) {
            return SandboxAnswer.DONE;
        }
        OmniStatus status = status(agent);
        boolean routed = status instanceof PresenceStatusId presence
                && configuration
                        .presenceStatus(presence)
                        .exists(p -> p.receivesWork() && p.channels().contains(channel));
        if (!routed) {
            return new SandboxAnswer.Refused(
                    "Omni-Channel routes no '" + channel + "' work to " + agent + " in '" + status + "'");
        }
        report(eventId, id -> new AgentEvent.OmniWorkAccepted(id, agent, deliveries.stamp(), channel));
        return SandboxAnswer.DONE;
    }

    /**
     * The engine's call: Salesforce's API, which refuses a status the agent is not granted. The
     * change is reported as the toolkit reports one a console integration made ({@code
     * OmniToolkitStatusChange}), not as the agent's pick.
     */
    @Override
    public synchronized VendorAnswer setPresenceStatus(CommandId command, Agent agent, PresenceStatusId status) {
        if (deliveries.failNow()) {
            throw new VendorUnavailableException("Salesforce sandbox: injected failure (HTTP 503)");
        }
        if (!known(status)) {
            return VendorAnswer.Refused.unknownStatus("Omni-Channel has no presence status '" + status + "'");
        }
        Optional<String> refusal = refusal(agent.id(), status);
        if (refusal.isPresent()) {
            return new VendorAnswer.Refused(refusal.get());
        }
        if (status(agent.id()).isOffline()) {
            return new VendorAnswer.Refused(agent.id() + " is logged out of Omni-Channel");
        }
        statuses.put(agent.id(), status);
        report(
                Optional.empty(),
                id -> new AgentEvent.OmniStatusReported(
                        id, agent.id(), deliveries.stamp(), status, Option.some(OmniReason.TOOLKIT)));
        return VendorAnswer.ACCEPTED;
    }

    /** Whether the status is Busy: Omni-Channel routes no new work then. */
    public synchronized boolean isBusy(AgentId agent) {
        return status(agent) instanceof PresenceStatusId presence
                && configuration.presenceStatus(presence).exists(p -> !p.receivesWork());
    }

    private boolean known(PresenceStatusId status) {
        return configuration.presenceStatus(status).isDefined() && !deleted.contains(status);
    }

    private Optional<String> refusal(AgentId agent, PresenceStatusId status) {
        if (!known(status)) {
            return Optional.of("Omni-Channel has no presence status '" + status + "'");
        }
        boolean granted = configuration.agent(agent).exists(a -> a.isGranted(status));
        return granted
                ? Optional.empty()
                : Optional.of("'" + status + "' is not granted to " + agent + " by profile or permission set");
    }

    private void report(Optional<String> eventId, Function<EventId, AgentEvent> event) {
        EventId id = EventId.of(eventId.orElseGet(() -> deliveries.nextId("sf")));
        AgentEvent made = event.apply(id);
        reported.put(id.value(), made);
        deliveries.report(made);
    }

    private boolean redelivered(Optional<String> eventId) {
        AgentEvent seen = eventId.map(reported::get).orElse(null);
        if (seen == null) {
            return false;
        }
        deliveries.redeliver(seen);
        return true;
    }
}
