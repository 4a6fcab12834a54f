package io.omnisync.application;

import io.omnisync.application.admin.IntegrationAdmin;
import io.omnisync.application.audit.AuditEntry;
import io.omnisync.application.audit.FactLog;
import io.omnisync.application.delivery.CommandDelivery;
import io.omnisync.application.delivery.DeliveryLoop;
import io.omnisync.application.query.AgentQueries;
import io.omnisync.application.store.AgentSessions;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.store.Outbox;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.application.store.Transactions;
import io.omnisync.application.sync.AgentLocks;
import io.omnisync.application.sync.DeliverySignal;
import io.omnisync.application.sync.EngineStore;
import io.omnisync.application.sync.ReportedChanges;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.application.vendor.VendorCalls;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** The application's use cases wired by hand on plain fakes of the driven ports. */
final class TestEngine {

    /**
     * Vendors that do what they are told and remember it, unless told to be unreachable (for a
     * while, if they say so), to refuse, to answer Omni-Channel commands later, or to hold every
     * call until {@code gate} opens (a slow vendor).
     */
    static final class Vendors implements TalkdeskPresence, OmniChannelPresence {
        final java.util.List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        final java.util.List<CommandId> omniCommands = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile boolean unreachable;
        volatile Duration retryAfter;
        volatile String refuseWith;
        /** Refusals say the vendor does not know the status (it was renamed or deleted there). */
        volatile boolean refusesAsUnknown;

        volatile boolean answersOmniLater;
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public VendorAnswer setAgentStatus(Agent agent, TalkdeskStatusId status) {
            return answer("talkdesk " + agent.id() + " " + status, false);
        }

        @Override
        public VendorAnswer setPresenceStatus(CommandId command, Agent agent, PresenceStatusId status) {
            omniCommands.add(command);
            return answer("omni " + agent.id() + " " + status, answersOmniLater);
        }

        private VendorAnswer answer(String call, boolean later) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VendorUnavailableException("interrupted");
            }
            if (unreachable) {
                throw retryAfter == null
                        ? new VendorUnavailableException("connection refused")
                        : new VendorUnavailableException("HTTP 429", retryAfter);
            }
            if (refuseWith != null) {
                return refusesAsUnknown
                        ? VendorAnswer.Refused.unknownStatus(refuseWith)
                        : new VendorAnswer.Refused(refuseWith);
            }
            calls.add(call);
            return later ? VendorAnswer.DISPATCHED : VendorAnswer.ACCEPTED;
        }
    }

    /** A clock the test moves; it stands still otherwise. */
    static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-05T22:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Calls once; waits 1 s after a first failure, doubling up to 30 s. */
    static final class Calls implements VendorCalls {
        @Override
        public <T> T call(VendorSystem vendor, Supplier<T> call) {
            return call.get();
        }

        @Override
        public Duration backoff(int failures) {
            long seconds = 1L << Math.min(failures - 1, 10);
            return Duration.ofSeconds(Math.min(seconds, 30));
        }
    }

    static final class Sessions implements AgentSessions {
        final Map<AgentId, AgentSession> sessions = new ConcurrentHashMap<>();

        @Override
        public Option<AgentSession> find(AgentId agent) {
            return Option.of(sessions.get(agent));
        }

        @Override
        public Seq<AgentSession> all() {
            return List.ofAll(sessions.values());
        }

        @Override
        public void save(AgentSession session) {
            sessions.put(session.agent(), session);
        }

        @Override
        public void retainOnly(Set<AgentId> agents) {
            sessions.keySet().removeIf(agent -> !agents.contains(agent));
        }
    }

    static final class Configurations implements ConfigurationStore {
        volatile Configuration current;

        @Override
        public Option<Configuration> current() {
            return Option.of(current);
        }

        @Override
        public void save(Configuration configuration) {
            current = configuration;
        }
    }

    static final class Commands implements Outbox {
        final TreeMap<Long, PendingCommand> pending = new TreeMap<>();
        long ids;

        @Override
        public synchronized void add(Seq<io.omnisync.domain.sync.Command> commands) {
            commands.forEach(
                    command -> pending.put(++ids, new PendingCommand(CommandId.of(ids), command, 0, Option.none())));
        }

        @Override
        public synchronized Seq<PendingCommand> pending() {
            return List.ofAll(pending.values());
        }

        @Override
        public synchronized void done(CommandId id) {
            pending.remove(id.value());
        }

        @Override
        public synchronized void failed(CommandId id, String error) {
            pending.computeIfPresent(
                    id.value(), (key, p) -> new PendingCommand(id, p.command(), p.attempts() + 1, Option.some(error)));
        }
    }

    final Vendors vendors = new Vendors();
    final Sessions sessions = new Sessions();
    final Configurations configurations = new Configurations();
    final Commands outbox = new Commands();
    final TestClock clock = new TestClock();
    final FactLog facts = new FactLog(clock);
    final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    final DeliverySignal signal = new DeliverySignal();
    final EngineStore store = new EngineStore(configurations, sessions, outbox, transactions, facts, signal);
    final AgentLocks locks = new AgentLocks();
    final CommandDelivery delivery = new CommandDelivery(store, locks, vendors, vendors, new Calls(), clock, signal);
    final DeliveryLoop loop = new DeliveryLoop(delivery, signal, clock);
    final ReportedChanges reports = new ReportedChanges(store, locks);
    final IntegrationAdmin admin = new IntegrationAdmin(store, locks, clock);
    final AgentQueries queries = new AgentQueries(store);

    /** Every fact recorded, oldest first. */
    Seq<Fact> facts() {
        return facts.recent(FactLog.CAPACITY).map(AuditEntry::fact);
    }

    static Map<String, String> statuses(TestEngine engine) {
        Map<String, String> statuses = new LinkedHashMap<>();
        engine.queries
                .agents()
                .forEach(session -> statuses.put(
                        session.agent().value(),
                        session.talkdeskStatus() + "/" + session.omniStatus().wireName()));
        return statuses;
    }
}
