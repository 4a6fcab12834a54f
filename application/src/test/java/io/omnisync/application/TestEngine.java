package io.omnisync.application;

import io.omnisync.application.admin.IntegrationAdmin;
import io.omnisync.application.audit.FactLog;
import io.omnisync.application.delivery.CommandSender;
import io.omnisync.application.query.AgentQueries;
import io.omnisync.application.store.AgentSessions;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.store.Outbox;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.application.store.Transactions;
import io.omnisync.application.sync.AgentLocks;
import io.omnisync.application.sync.EngineStore;
import io.omnisync.application.sync.ReportedChanges;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The application's use cases wired by hand on plain fakes of the driven ports. */
final class TestEngine {

    /** Vendors that do what they are told and remember it, unless told to fail or refuse. */
    static final class Vendors implements TalkdeskPresence, OmniChannelPresence {
        final java.util.List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile boolean unreachable;
        volatile String refuseWith;

        @Override
        public VendorAnswer setAgentStatus(
                io.omnisync.domain.agent.Agent agent, io.omnisync.domain.status.TalkdeskStatusId status) {
            return answer("talkdesk " + agent.id() + " " + status);
        }

        @Override
        public VendorAnswer setPresenceStatus(
                io.omnisync.domain.agent.Agent agent, io.omnisync.domain.status.PresenceStatusId status) {
            return answer("omni " + agent.id() + " " + status);
        }

        private VendorAnswer answer(String call) {
            if (unreachable) {
                throw new VendorUnavailableException("connection refused");
            }
            if (refuseWith != null) {
                return new VendorAnswer.Refused(refuseWith);
            }
            calls.add(call);
            return VendorAnswer.ACCEPTED;
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
    final FactLog facts = new FactLog();
    final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    final Clock clock = Clock.fixed(Instant.parse("2026-01-05T22:00:00Z"), ZoneOffset.UTC);
    final EngineStore store = new EngineStore(configurations, sessions, outbox, transactions, facts);
    final AgentLocks locks = new AgentLocks();
    final io.omnisync.application.vendor.VendorCalls once = new io.omnisync.application.vendor.VendorCalls() {
        @Override
        public <T> T call(io.omnisync.domain.event.VendorSystem system, Supplier<T> call) {
            return call.get();
        }
    };
    final CommandSender sender = new CommandSender(store, locks, vendors, vendors, once);
    final ReportedChanges reports = new ReportedChanges(store, locks, sender);
    final IntegrationAdmin admin = new IntegrationAdmin(store, locks, sender, clock);
    final AgentQueries queries = new AgentQueries(store);

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
