package io.omnisync.application.delivery;

import io.omnisync.application.store.PendingCommand;
import io.omnisync.application.sync.AgentLocks;
import io.omnisync.application.sync.DeliverySignal;
import io.omnisync.application.sync.EngineStore;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.application.vendor.VendorCalls;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.application.watch.DeliveryStep;
import io.omnisync.application.watch.EngineWatcher;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.CommandFailure;
import io.omnisync.domain.sync.PresenceSync;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox (SPEC 10, "Delivery"). Per agent and vendor, one command is in flight at a
 * time and commands go in order; when several wait, the newest supersedes the older ones, which
 * are never sent (fact {@code SUPERSEDED}; the engine stops waiting for their echo). A vendor's
 * answer settles the command: accepted, it is done; refused, it is done and its echo no longer
 * awaited; taken to be answered later, it stays in flight until {@link #answered}. A vendor that
 * cannot be reached leaves the command waiting, tried again after a backoff that grows per
 * command up to 30 s (time from the injected clock), or after the vendor's own Retry-After.
 * <p>Rounds run per vendor, one at a time: on the caller's thread ({@link #deliverDue()}, as
 * simulations and tests drive it) or on the vendor's own thread ({@link DeliveryLoop}, as a
 * service does). Reporting an event never waits for a vendor. Vendor calls are idempotent, so a
 * command sent twice (after a crash) is harmless; after a restart, every waiting command is due.
 */
@Singleton
public class CommandDelivery implements DeliverCommands, CommandAnswered {

    private static final Logger LOG = LoggerFactory.getLogger(CommandDelivery.class);

    /** One agent's commands to one vendor: at most one in flight, in order. */
    private record Lane(AgentId agent, VendorSystem vendor) {}

    /** A command that failed: when it may be tried again. */
    private record Retry(VendorSystem vendor, Instant at) {}

    private final EngineStore store;
    private final AgentLocks locks;
    private final TalkdeskPresence talkdesk;
    private final OmniChannelPresence omni;
    private final VendorCalls calls;
    private final Clock clock;
    private final DeliverySignal signal;
    private final EngineWatcher watcher;
    private final Map<CommandId, Retry> retries = new ConcurrentHashMap<>();
    private final Map<Lane, PendingCommand> inFlight = new ConcurrentHashMap<>();
    private final Map<VendorSystem, ReentrantLock> rounds = new EnumMap<>(VendorSystem.class);

    /** A delivery nobody watches (simulations, tests). */
    public CommandDelivery(
            EngineStore store,
            AgentLocks locks,
            TalkdeskPresence talkdesk,
            OmniChannelPresence omni,
            VendorCalls calls,
            Clock clock,
            DeliverySignal signal) {
        this(store, locks, talkdesk, omni, calls, clock, signal, EngineWatcher.NOBODY);
    }

    @Inject
    public CommandDelivery(
            EngineStore store,
            AgentLocks locks,
            TalkdeskPresence talkdesk,
            OmniChannelPresence omni,
            VendorCalls calls,
            Clock clock,
            DeliverySignal signal,
            EngineWatcher watcher) {
        this.watcher = watcher;
        this.store = store;
        this.locks = locks;
        this.talkdesk = talkdesk;
        this.omni = omni;
        this.calls = calls;
        this.clock = clock;
        this.signal = signal;
        for (VendorSystem vendor : VendorSystem.values()) {
            rounds.put(vendor, new ReentrantLock());
        }
    }

    @Override
    public DeliveryReport deliverDue() {
        return vendorsInOrder().map(this::deliverDue).fold(DeliveryReport.NOTHING, DeliveryReport::plus);
    }

    @Override
    public DeliveryReport resendNow() {
        return vendorsInOrder().map(vendor -> round(vendor, true)).fold(DeliveryReport.NOTHING, DeliveryReport::plus);
    }

    /** The vendor whose oldest waiting command is older goes first, so one thread sends in the order decided. */
    private Seq<VendorSystem> vendorsInOrder() {
        return store.pending()
                .map(pending -> pending.command().system())
                .appendAll(List.of(VendorSystem.values()))
                .distinct();
    }

    /** One round for one vendor: what its delivery thread runs. */
    public DeliveryReport deliverDue(VendorSystem vendor) {
        return round(vendor, false);
    }

    /** When the earliest command to {@code vendor} that failed may be tried again, if one waits. */
    public Option<Instant> nextRetry(VendorSystem vendor) {
        return Option.ofOptional(retries.values().stream()
                .filter(retry -> retry.vendor() == vendor)
                .map(Retry::at)
                .min(Instant::compareTo));
    }

    @Override
    public Seq<PendingCommand> pending() {
        return store.pending();
    }

    @Override
    public boolean answered(AgentId agent, CommandId command, CommandAnswer answer) {
        for (VendorSystem vendor : VendorSystem.values()) {
            Lane lane = new Lane(agent, vendor);
            ReentrantLock round = rounds.get(vendor);
            round.lock();
            try {
                PendingCommand flying = inFlight.get(lane);
                if (flying == null || !flying.id().equals(command)) {
                    continue;
                }
                inFlight.remove(lane);
                settle(flying, answer);
                watcher.delivery(flying, DeliveryStep.ANSWERED);
            } finally {
                round.unlock();
            }
            signal.commandsFor(vendor);
            return true;
        }
        return false;
    }

    private void settle(PendingCommand flying, CommandAnswer answer) {
        if (answer instanceof CommandAnswer.Refused refused) {
            endWith(
                    flying,
                    session -> PresenceSync.commandFailed(
                            session, flying.command(), refused.reason(), failure(refused.kind())));
        } else if (answer instanceof CommandAnswer.Expired) {
            endWith(flying, session -> PresenceSync.expired(session, flying.command()));
        } else {
            store.done(flying.id());
        }
    }

    private DeliveryReport round(VendorSystem vendor, boolean ignoringBackoff) {
        ReentrantLock round = rounds.get(vendor);
        round.lock();
        try {
            if (!store.hasConfiguration()) {
                return DeliveryReport.NOTHING;
            }
            Configuration configuration = store.configuration();
            Instant now = clock.instant();
            DeliveryReport report = DeliveryReport.NOTHING;
            for (Map.Entry<AgentId, java.util.List<PendingCommand>> lane :
                    lanes(vendor).entrySet()) {
                report = report.plus(lane(
                        new Lane(lane.getKey(), vendor),
                        configuration.agent(lane.getKey()),
                        lane.getValue(),
                        ignoringBackoff,
                        now));
            }
            return report;
        } finally {
            round.unlock();
        }
    }

    /** The vendor's waiting commands, per agent, oldest first. */
    private Map<AgentId, java.util.List<PendingCommand>> lanes(VendorSystem vendor) {
        Map<AgentId, java.util.List<PendingCommand>> lanes = new LinkedHashMap<>();
        for (PendingCommand pending : store.pending()) {
            if (pending.command().system() == vendor) {
                lanes.computeIfAbsent(pending.command().agent(), agent -> new java.util.ArrayList<>())
                        .add(pending);
            }
        }
        return lanes;
    }

    private DeliveryReport lane(
            Lane lane,
            Option<Agent> configured,
            java.util.List<PendingCommand> waiting,
            boolean ignoringBackoff,
            Instant now) {
        PendingCommand flying = inFlight.get(lane);
        if (flying != null) {
            if (waiting.stream().anyMatch(pending -> pending.id().equals(flying.id()))) {
                return new DeliveryReport(0, 0, 0, 0, waiting.size());
            }
            inFlight.remove(lane);
        }
        if (configured.isEmpty()) {
            // the agent is no longer configured: nobody is left to send these to
            waiting.forEach(this::forget);
            return DeliveryReport.NOTHING;
        }
        Agent agent = configured.get();
        PendingCommand newest = waiting.get(waiting.size() - 1);
        for (PendingCommand older : waiting.subList(0, waiting.size() - 1)) {
            endWith(older, session -> PresenceSync.superseded(session, older.command(), newest.command()));
        }
        int superseded = waiting.size() - 1;
        Retry retry = retries.get(newest.id());
        if (!ignoringBackoff && retry != null && retry.at().isAfter(now)) {
            return new DeliveryReport(0, 0, 0, superseded, 1);
        }
        return send(lane, agent, newest).plus(new DeliveryReport(0, 0, 0, superseded, 0));
    }

    private DeliveryReport send(Lane lane, Agent agent, PendingCommand pending) {
        Command command = pending.command();
        VendorAnswer answer;
        try {
            answer = calls.call(lane.vendor(), () -> command.sendTo(vendors(agent, pending.id())));
        } catch (VendorUnavailableException unavailable) {
            int failures = pending.attempts() + 1;
            Duration backoff = calls.backoff(failures);
            Duration wait = unavailable
                    .retryAfter()
                    .filter(asked -> asked.compareTo(backoff) > 0)
                    .getOrElse(backoff);
            LOG.warn(
                    "{} could not be sent (attempt {}), trying again in {} ms: {}",
                    command,
                    failures,
                    wait.toMillis(),
                    unavailable.getMessage());
            store.failed(pending.id(), String.valueOf(unavailable.getMessage()));
            retries.put(pending.id(), new Retry(lane.vendor(), clock.instant().plus(wait)));
            watcher.delivery(pending, DeliveryStep.UNAVAILABLE);
            return new DeliveryReport(0, 0, 0, 0, 1);
        }
        retries.remove(pending.id());
        if (answer instanceof VendorAnswer.Refused refused) {
            endWith(
                    pending,
                    session -> PresenceSync.commandFailed(session, command, refused.reason(), failure(refused.kind())));
            watcher.delivery(pending, DeliveryStep.REFUSED);
            return new DeliveryReport(0, 1, 0, 0, 0);
        }
        if (answer instanceof VendorAnswer.Dispatched) {
            inFlight.put(lane, pending);
            watcher.delivery(pending, DeliveryStep.DISPATCHED);
            return new DeliveryReport(0, 0, 1, 0, 1);
        }
        store.done(pending.id());
        watcher.delivery(pending, DeliveryStep.ACCEPTED);
        return new DeliveryReport(1, 0, 0, 0, 0);
    }

    /** What the audit trail says of a refusal: a status the vendor no longer knows is a problem of its own. */
    private static CommandFailure failure(VendorAnswer.Refused.Kind kind) {
        return kind == VendorAnswer.Refused.Kind.UNKNOWN_STATUS
                ? CommandFailure.UNKNOWN_AT_VENDOR
                : CommandFailure.REFUSED;
    }

    /** The command will never be echoed: done, with what that means for the agent's session, in one transaction. */
    private void endWith(PendingCommand pending, Function<AgentSession, AgentDecision> ending) {
        AgentId agent = pending.command().agent();
        retries.remove(pending.id());
        locks.forAgent(agent, () -> {
            Option<Agent> configured = store.configuration().agent(agent);
            if (configured.isEmpty()) {
                store.done(pending.id());
            } else {
                store.done(pending.id(), ending.apply(store.session(configured.get())));
            }
            return null;
        });
    }

    private void forget(PendingCommand pending) {
        retries.remove(pending.id());
        store.done(pending.id());
        watcher.delivery(pending, DeliveryStep.FORGOTTEN);
    }

    private Command.Vendors<VendorAnswer> vendors(Agent agent, CommandId id) {
        return new Command.Vendors<>() {
            @Override
            public VendorAnswer talkdesk(Command.SetTalkdeskStatus command) {
                return CommandDelivery.this.talkdesk.setAgentStatus(agent, command.status());
            }

            @Override
            public VendorAnswer omni(Command.SetOmniStatus command) {
                return CommandDelivery.this.omni.setPresenceStatus(id, agent, command.status());
            }
        };
    }
}
