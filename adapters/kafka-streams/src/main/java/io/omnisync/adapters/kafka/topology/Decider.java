package io.omnisync.adapters.kafka.topology;

import io.omnisync.adapters.kafka.codec.CommandRecord;
import io.omnisync.adapters.kafka.codec.ConfigurationRecord;
import io.omnisync.adapters.kafka.codec.EventCodec;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.codec.FactRecord;
import io.omnisync.adapters.kafka.codec.ParkedRecords;
import io.omnisync.adapters.kafka.codec.SessionRecord;
import io.omnisync.adapters.kafka.codec.Unreadable;
import io.omnisync.application.watch.EngineWatcher;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.Activation;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.PresenceSync;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts the decision function: each record of the events topic, in the order of the agent's partition, is
 * decided on the agent's session under the running configuration; the new session goes to the sessions store,
 * the commands and facts downstream, all in the same transaction as the input offset (exactly_once_v2).
 *
 * <p>An agent's records are never decided under an older configuration than the one the record names (the
 * ingress or the admin knew it) nor than the one the agent's session was last decided under. When this
 * instance's copy of the configuration topic is behind, the agent's records wait in the parked store, in order,
 * and are decided once it catches up (checked every {@link #PARKED_CHECK}); the agent's later records wait
 * behind them.
 */
final class Decider implements Processor<String, byte[], String, Outbound> {

    static final Duration PARKED_CHECK = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(Decider.class);

    private final RunningConfiguration configurations;
    private final EngineWatcher watcher;
    private ProcessorContext<String, Outbound> context;
    private KeyValueStore<String, SessionRecord> sessions;
    private KeyValueStore<String, ParkedRecords> parked;
    private ReadOnlyKeyValueStore<String, byte[]> configuration;
    private boolean anyParked;

    Decider(RunningConfiguration configurations, EngineWatcher watcher) {
        this.configurations = configurations;
        this.watcher = watcher;
    }

    @Override
    public void init(ProcessorContext<String, Outbound> context) {
        this.context = context;
        this.sessions = context.getStateStore(StoreNames.SESSIONS);
        this.parked = context.getStateStore(StoreNames.PARKED);
        this.configuration = context.getStateStore(StoreNames.CONFIGURATION);
        try (KeyValueIterator<String, ParkedRecords> waiting = parked.all()) {
            anyParked = waiting.hasNext();
        }
        context.schedule(PARKED_CHECK, PunctuationType.WALL_CLOCK_TIME, now -> release());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Either<Unreadable, EventRecord> decoded = EventCodec.decode(record.value());
        if (decoded.isLeft()) {
            unused(record, decoded.getLeft());
            return;
        }
        EventRecord event = decoded.get();
        String agent = event.agent().value();
        ParkedRecords waiting = parked.get(agent);
        RunningConfiguration.Versioned running = configurations.current(configuration);
        if (waiting != null || !isReady(running, event, sessions.get(agent))) {
            if (waiting == null) {
                log.info(
                        "agent {}'s records wait for configuration version {}; this instance has {}",
                        agent,
                        needed(event, sessions.get(agent)),
                        running.version());
            }
            parked.put(
                    agent, (waiting == null ? ParkedRecords.NONE : waiting).append(record.timestamp(), record.value()));
            anyParked = true;
            return;
        }
        decide(event, running, record.timestamp());
    }

    /** Decides what waited, agent by agent, in order, as far as the running configuration allows. */
    private void release() {
        if (!anyParked) {
            return;
        }
        RunningConfiguration.Versioned running = configurations.current(configuration);
        List<KeyValue<String, ParkedRecords>> all = new ArrayList<>();
        try (KeyValueIterator<String, ParkedRecords> waiting = parked.all()) {
            waiting.forEachRemaining(all::add);
        }
        boolean stillWaiting = false;
        for (KeyValue<String, ParkedRecords> agent : all) {
            io.vavr.collection.List<ParkedRecords.Parked> rest = agent.value.records();
            while (!rest.isEmpty()) {
                EventRecord event = EventCodec.decode(rest.head().bytes())
                        .getOrElseThrow(unreadable -> new IllegalStateException(
                                "a parked record does not read back: " + unreadable.message()));
                if (!isReady(running, event, sessions.get(agent.key))) {
                    break;
                }
                decide(event, running, rest.head().timestamp());
                rest = rest.tail();
            }
            if (rest.isEmpty()) {
                parked.delete(agent.key);
            } else {
                parked.put(agent.key, new ParkedRecords(rest));
                stillWaiting = true;
            }
        }
        anyParked = stillWaiting;
    }

    private static boolean isReady(RunningConfiguration.Versioned running, EventRecord event, SessionRecord session) {
        return running.version() >= needed(event, session);
    }

    private static long needed(EventRecord event, SessionRecord session) {
        return Math.max(
                event.configurationVersion(),
                session == null ? ConfigurationRecord.NONE : session.configurationVersion());
    }

    private void decide(EventRecord event, RunningConfiguration.Versioned running, long timestamp) {
        Configuration configuration = running.configuration();
        String agent = event.agent().value();
        SessionRecord stored = sessions.get(agent);
        Decision decision = new Decision(running.version(), Instant.ofEpochMilli(timestamp), timestamp);
        if (event instanceof EventRecord.Reported reported) {
            long start = System.nanoTime();
            Either<Fact.Skipped, AgentDecision> decided =
                    PresenceSync.handle(configuration, reported.event(), known -> session(stored, known));
            long decidedAt = System.nanoTime();
            if (decided.isLeft()) {
                if (decided.getLeft().reason() == SkipReason.UNKNOWN_AGENT && stored != null) {
                    // the agent left the configuration: forgotten, as the in-process engine forgets her
                    sessions.delete(agent);
                }
                decision.fact(decided.getLeft());
            } else {
                decision.apply(
                        decided.get(), stored, Option.some(reported.event().id().value()));
            }
            tell(() -> {
                watcher.decided(
                        reported.event(),
                        decided,
                        Duration.ofNanos(decidedAt - start),
                        Duration.ofNanos(System.nanoTime() - decidedAt));
                watcher.recorded(
                        decided.isLeft()
                                ? io.vavr.collection.List.<Fact>of(decided.getLeft())
                                : decided.get().facts());
            });
            return;
        }
        Option<Agent> known = configuration.agent(event.agent());
        if (known.isEmpty()) {
            // a reconciliation or a command's answer for an agent a later configuration removed
            return;
        }
        AgentSession session = session(stored, known.get());
        Option<AgentDecision> decided = Option.none();
        Option<String> cause = Option.none();
        if (event instanceof EventRecord.Reconcile reconcile) {
            if (configuration.settings().omniChannelSync()) {
                decided = Option.some(Activation.reconcile(configuration, known.get(), session));
                cause = Option.some(reconcile.id().value());
            }
        } else if (event instanceof EventRecord.CommandFailed failed) {
            decided = Option.some(
                    PresenceSync.commandFailed(session, failed.command(), failed.reason(), failed.failure()));
        } else if (event instanceof EventRecord.CommandSuperseded superseded) {
            decided = Option.some(PresenceSync.superseded(session, superseded.command(), superseded.by()));
        } else if (event instanceof EventRecord.CommandExpired expired) {
            decided = Option.some(PresenceSync.expired(session, expired.command()));
        }
        for (AgentDecision outcome : decided) {
            decision.apply(outcome, stored, cause);
            tell(() -> watcher.recorded(outcome.facts()));
        }
    }

    /** Tells the watcher; a watcher that fails is logged, never allowed to fail the decision. */
    private void tell(Runnable telling) {
        if (watcher == EngineWatcher.NOBODY) {
            return;
        }
        try {
            telling.run();
        } catch (RuntimeException broken) {
            log.warn("the watcher failed on a decision; the decision stands", broken);
        }
    }

    /** What the engine knows of a configured agent; one it has no session for yet starts as configured. */
    private static AgentSession session(SessionRecord stored, Agent agent) {
        return stored == null ? AgentSession.of(agent) : stored.session();
    }

    /** Sends one decision on: the session to its store, commands to their vendor's topic, facts to the audit. */
    private final class Decision {
        private final long version;
        private final Instant at;
        private final long timestamp;

        Decision(long version, Instant at, long timestamp) {
            this.version = version;
            this.at = at;
            this.timestamp = timestamp;
        }

        void apply(AgentDecision decision, SessionRecord before, Option<String> cause) {
            String agent = decision.session().agent().value();
            long count = before == null ? 0 : before.commands();
            for (Command command : decision.commands()) {
                count++;
                forward(agent, new Outbound.ToVendor(new CommandRecord(agent + "-" + count, command, version, cause)));
            }
            sessions.put(agent, new SessionRecord(decision.session(), version, count));
            decision.facts().forEach(this::fact);
        }

        void fact(Fact fact) {
            forward(
                    fact.about().map(Object::toString).getOrNull(),
                    new Outbound.ToAudit(new FactRecord.Decided(fact, version, at)));
        }

        private void forward(String key, Outbound outbound) {
            context.forward(new Record<>(key, outbound, timestamp));
        }
    }

    private void unused(Record<String, byte[]> record, Unreadable why) {
        RecordMetadata where = context.recordMetadata().orElse(null);
        log.warn(
                "record {}-{}@{} of the events topic is not used: {} {}",
                where == null ? "?" : where.topic(),
                where == null ? -1 : where.partition(),
                where == null ? -1 : where.offset(),
                why.code(),
                why.message());
        long version = configurations.current(configuration).version();
        context.forward(new Record<>(
                record.key(),
                new Outbound.ToAudit(new FactRecord.Unused(
                        Option.of(record.key()),
                        why,
                        where == null ? "" : where.topic(),
                        where == null ? -1 : where.partition(),
                        where == null ? -1 : where.offset(),
                        version,
                        Instant.ofEpochMilli(record.timestamp()))),
                record.timestamp()));
    }
}
