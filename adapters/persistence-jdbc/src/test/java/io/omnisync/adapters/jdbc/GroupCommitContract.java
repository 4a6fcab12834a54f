package io.omnisync.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.util.Modules;
import io.omnisync.adapters.composition.OmnisyncModule;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.sandbox.FaultPlan;
import io.omnisync.application.admin.ChangeIntegrationSettings;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.reporting.ReportVendorEvent;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.application.store.Transactions;
import io.omnisync.application.sync.AgentLocks;
import io.omnisync.application.sync.EngineStore;
import io.omnisync.application.sync.GroupCommit;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.RetryPolicy;
import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.control.Either;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit on a durable store: many callers' events decided in per-agent order and committed
 * together, each caller released only once its batch is durable, and a batch that fails releases
 * nobody and leaves nothing. The same events reported one at a time are the reference. Every
 * durable store passes it.
 */
public abstract class GroupCommitContract {

    private static final List<AgentId> AGENTS = List.of(AgentId.of("maria"), AgentId.of("joao"), AgentId.of("ana"));
    private static final List<TalkdeskStatusId> CYCLE =
            List.of(TalkdeskStatusId.of("away"), TalkdeskStatusId.of("lunch"), TalkdeskStatusId.AVAILABLE);
    private static final Instant MORNING = Instant.parse("2026-01-05T09:00:00Z");

    /** A module that opens the store named {@code name}: a new one for a new name. */
    protected abstract Module store(String name);

    /** The store class the module binds. */
    protected abstract Class<? extends Transactions> storeClass();

    /** Rows of {@code table} in the store named {@code name}, as a connection of the test's own sees them. */
    protected abstract long committedRows(String name, String table);

    private final List<Injector> engines = new ArrayList<>();

    /** What happens inside each transaction of the engine once armed, after its work and before its commit. */
    private static final class Gate {
        final AtomicInteger transactions = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        volatile boolean armed;
        volatile int holdAt;
        volatile int failAt;
        volatile int failAfterCommitAt;

        /** After the commit of the outermost transaction: the process dies before it can tell anyone. */
        void afterCommit(int n) {
            if (armed && n == failAfterCommitAt) {
                throw new IllegalStateException("the process died after the commit of transaction " + n);
            }
        }

        void beforeCommit() {
            if (!armed) {
                return;
            }
            int n = transactions.incrementAndGet();
            if (n == holdAt) {
                entered.countDown();
                try {
                    if (!open.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the gate was never opened");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            if (n == failAt) {
                throw new IllegalStateException("the store broke before the commit of transaction " + n);
            }
        }
    }

    private Injector engine(String name, Gate gate) {
        CrashPointsContract.Vendors vendors = new CrashPointsContract.Vendors(FaultPlan.NONE);
        AbstractModule environment = new AbstractModule() {
            @Override
            protected void configure() {
                bind(TalkdeskPresence.class).toInstance(vendors.talkdesk);
                bind(OmniChannelPresence.class).toInstance(vendors.salesforce);
                bind(Clock.class).toInstance(vendors.clock);
                bind(ConfigurationCodec.class).to(JsonConfigurationCodec.class);
                OptionalBinder.newOptionalBinder(binder(), RetryPolicy.class)
                        .setBinding()
                        .toInstance(RetryPolicy.simulation());
            }
        };
        AbstractModule gated = new AbstractModule() {
            @Override
            protected void configure() {
                Provider<? extends Transactions> real = getProvider(storeClass());
                bind(Transactions.class)
                        .toProvider(() -> new Transactions() {
                            @Override
                            public <T> T inTransaction(Supplier<T> work) {
                                T result = real.get().inTransaction(() -> {
                                    T done = work.get();
                                    gate.beforeCommit();
                                    return done;
                                });
                                gate.afterCommit(gate.transactions.get());
                                return result;
                            }
                        })
                        .in(Singleton.class);
            }
        };
        Injector engine = Guice.createInjector(
                Modules.override(new OmnisyncModule(), environment, store(name)).with(gated));
        engines.add(engine);
        engine.getInstance(LoadConfiguration.class)
                .load(JsonConfigurationFile.read(Path.of("../../examples/contact-center.json"))
                        .get()
                        .draft());
        engine.getInstance(ChangeIntegrationSettings.class)
                .change(new SettingsChange.ToggleSync(true, true, vendors.clock.instant()));
        gate.armed = true;
        return engine;
    }

    @AfterEach
    void closeTheStores() throws Exception {
        for (Injector engine : engines) {
            ((AutoCloseable) engine.getInstance(storeClass())).close();
        }
    }

    private static GroupCommit groupCommit(Injector engine, int maxBatch) {
        return new GroupCommit(
                engine.getInstance(EngineStore.class), engine.getInstance(AgentLocks.class), 10_000, maxBatch);
    }

    /** The agent's {@code i}-th status change at Talkdesk. */
    private static AgentEvent change(AgentId agent, int i) {
        return new AgentEvent.TalkdeskStatusReported(
                EventId.of(agent.value() + "-" + i), agent, MORNING.plusSeconds(i), CYCLE.get(i % CYCLE.size()));
    }

    /** What one-at-a-time reporting leaves: each agent's session and its pending commands, in order. */
    private static Map<String, Object> outcome(Injector engine) {
        Map<String, Object> outcome = new TreeMap<>();
        engine.getInstance(QueryAgents.class)
                .agents()
                .forEach(session -> outcome.put(session.agent().value(), session));
        for (PendingCommand pending : engine.getInstance(DeliverCommands.class).pending()) {
            outcome.merge(
                    pending.command().agent().value() + " commands",
                    pending.command().system().wireName() + " "
                            + pending.command().statusName(),
                    (a, b) -> a + ", " + b);
        }
        return outcome;
    }

    private static Map<String, Object> oneAtATime(Injector engine, List<AgentEvent> events) {
        events.forEach(event -> engine.getInstance(ReportVendorEvent.class).report(event));
        return outcome(engine);
    }

    private static <T> T done(CompletableFuture<T> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }

    @Test
    void many_callers_events_are_decided_in_each_agent_s_order_and_committed_in_few_transactions() throws Exception {
        int perAgent = 60;
        List<AgentEvent> events = new ArrayList<>();
        for (int i = 0; i < perAgent; i++) {
            for (AgentId agent : AGENTS) {
                events.add(change(agent, i));
            }
        }
        Map<String, Object> reference = oneAtATime(engine("one_at_a_time", new Gate()), events);
        Gate gate = new Gate();
        gate.holdAt = 1;
        Injector engine = engine("grouped", gate);
        GroupCommit commits = groupCommit(engine, 64);

        // the first batch holds the commit while three callers, one per agent, report all their events
        CompletableFuture<Either<Fact.Skipped, AgentDecision>> first = commits.report(change(AgentId.of("maria"), 0));
        assertThat(gate.entered.await(60, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<List<CompletableFuture<Either<Fact.Skipped, AgentDecision>>>>> callers =
                new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(AGENTS.size());
        for (AgentId agent : AGENTS) {
            callers.add(CompletableFuture.supplyAsync(
                    () -> {
                        List<CompletableFuture<Either<Fact.Skipped, AgentDecision>>> reported = new ArrayList<>();
                        for (int i = agent.value().equals("maria") ? 1 : 0; i < perAgent; i++) {
                            reported.add(commits.report(change(agent, i)));
                        }
                        return reported;
                    },
                    threads));
        }
        List<CompletableFuture<Either<Fact.Skipped, AgentDecision>>> all = new ArrayList<>(List.of(first));
        for (var caller : callers) {
            all.addAll(done(caller));
        }
        threads.shutdown();
        gate.open.countDown();
        for (var future : all) {
            assertThat(done(future).isRight())
                    .as("a configured agent and status: decided")
                    .isTrue();
        }
        commits.close();

        assertThat(outcome(engine)).isEqualTo(reference);
        assertThat(gate.transactions.get())
                .as("transactions for " + events.size() + " events in batches of at most 64")
                .isBetween(1 + (events.size() - 1 + 63) / 64, 1 + (events.size() - 1 + 63) / 64 + 3);
    }

    @Test
    void no_caller_is_released_before_its_batch_is_durable() throws Exception {
        Gate gate = new Gate();
        gate.holdAt = 1;
        Injector engine = engine("durable", gate);
        long outboxBefore = committedRows("durable", "outbox");
        GroupCommit commits = groupCommit(engine, 16);
        List<String> early = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Either<Fact.Skipped, AgentDecision>>> all = new ArrayList<>();
        AtomicInteger promised = new AtomicInteger();
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AgentEvent event = change(AGENTS.get(i % 3), i / 3);
            CompletableFuture<Either<Fact.Skipped, AgentDecision>> future = commits.report(event);
            all.add(future);
            if (i == 0) {
                assertThat(gate.entered.await(60, TimeUnit.SECONDS)).isTrue();
            }
            // released on the committer's thread: what the caller was promised must already be on disk
            checks.add(future.thenAccept(result -> {
                int commands = promised.addAndGet(
                        result.map(decision -> decision.commands().size()).getOrElse(0));
                long committed = committedRows("durable", "outbox") - outboxBefore;
                if (committed < commands) {
                    early.add(event.id() + " released with " + committed + " of " + commands + " commands committed");
                }
            }));
        }

        assertThat(all)
                .as("nobody is released while the first batch's commit is held")
                .noneMatch(CompletableFuture::isDone);
        assertThat(committedRows("durable", "outbox")).isEqualTo(outboxBefore);
        gate.open.countDown();
        for (var check : checks) {
            done(check);
        }
        commits.close();

        assertThat(promised.get()).isPositive();
        assertThat(early).isEmpty();
    }

    @Test
    void a_batch_that_fails_releases_nobody_as_committed_and_the_store_holds_none_of_it() throws Exception {
        List<AgentEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(change(AGENTS.get(i % 3), i / 3));
        }
        Map<String, Object> reference = oneAtATime(engine("reference", new Gate()), events);
        Gate gate = new Gate();
        gate.holdAt = 1;
        gate.failAt = 2;
        Injector engine = engine("failing", gate);
        long sessionsBefore = committedRows("failing", "agent_session");
        long outboxBefore = committedRows("failing", "outbox");
        GroupCommit commits = groupCommit(engine, 64);

        CompletableFuture<Either<Fact.Skipped, AgentDecision>> first = commits.report(events.get(0));
        assertThat(gate.entered.await(60, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Either<Fact.Skipped, AgentDecision>>> second = new ArrayList<>();
        for (AgentEvent event : events.subList(1, events.size())) {
            second.add(commits.report(event));
        }
        gate.open.countDown();

        Either<Fact.Skipped, AgentDecision> committed = done(first);
        for (var future : second) {
            assertThat(future)
                    .as("a caller of the failed batch")
                    .failsWithin(Duration.ofSeconds(60))
                    .withThrowableOfType(ExecutionException.class)
                    .withMessageContaining("the store broke before the commit");
        }
        long firstCommands = committed.get().commands().size();
        assertThat(committedRows("failing", "outbox") - outboxBefore)
                .as("only the first batch's commands")
                .isEqualTo(firstCommands);
        assertThat(committedRows("failing", "agent_session") - sessionsBefore)
                .as("only the first batch's agent")
                .isLessThanOrEqualTo(1);

        // the senders were not acknowledged, so they deliver again: now it commits, and ends as one at a time does
        List<CompletableFuture<Either<Fact.Skipped, AgentDecision>>> again = new ArrayList<>();
        for (AgentEvent event : events) {
            again.add(commits.report(event));
        }
        for (int i = 0; i < again.size(); i++) {
            Either<Fact.Skipped, AgentDecision> result = done(again.get(i));
            if (i == 0) {
                assertThat(result.get().commands())
                        .as("the committed event, delivered again")
                        .isEmpty();
                assertThat(result.get().facts())
                        .as("the committed event, delivered again, is a duplicate")
                        .anyMatch(fact ->
                                fact instanceof Fact.Skipped skipped && skipped.reason() == SkipReason.DUPLICATE);
            } else {
                assertThat(result.isRight()).isTrue();
            }
        }
        commits.close();
        assertThat(outcome(engine)).isEqualTo(reference);
    }

    @Test
    void a_batch_whose_process_dies_after_the_commit_releases_nobody_and_its_redelivery_changes_nothing()
            throws Exception {
        List<AgentEvent> events = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            events.add(change(AGENTS.get(i % 3), i / 3));
        }
        Map<String, Object> reference = oneAtATime(engine("after_reference", new Gate()), events);
        Gate gate = new Gate();
        gate.holdAt = 1;
        gate.failAfterCommitAt = 1;
        Injector engine = engine("after_commit", gate);
        GroupCommit commits = groupCommit(engine, 64);

        List<CompletableFuture<Either<Fact.Skipped, AgentDecision>>> first = new ArrayList<>();
        first.add(commits.report(events.get(0)));
        assertThat(gate.entered.await(60, TimeUnit.SECONDS)).isTrue();
        gate.open.countDown();
        assertThat(first.get(0))
                .as("committed, but its caller never heard so: no 202")
                .failsWithin(Duration.ofSeconds(60))
                .withThrowableOfType(ExecutionException.class)
                .withMessageContaining("after the commit");

        // the sender delivers again with the rest: the committed one is a duplicate, nothing is decided twice
        List<CompletableFuture<Either<Fact.Skipped, AgentDecision>>> again = new ArrayList<>();
        for (AgentEvent event : events) {
            again.add(commits.report(event));
        }
        for (var future : again) {
            done(future);
        }
        commits.close();
        assertThat(outcome(engine)).isEqualTo(reference);
    }

    @Test
    void a_full_queue_refuses_at_once_and_a_stopped_group_commit_decides_nothing() throws Exception {
        Gate gate = new Gate();
        gate.holdAt = 1;
        Injector engine = engine("bounded", gate);
        GroupCommit commits =
                new GroupCommit(engine.getInstance(EngineStore.class), engine.getInstance(AgentLocks.class), 2, 64);

        CompletableFuture<Either<Fact.Skipped, AgentDecision>> committing = commits.report(change(AGENTS.get(0), 0));
        assertThat(gate.entered.await(60, TimeUnit.SECONDS)).isTrue();
        var waiting = List.of(commits.report(change(AGENTS.get(1), 0)), commits.report(change(AGENTS.get(2), 0)));
        CompletableFuture<Either<Fact.Skipped, AgentDecision>> refused = commits.report(change(AGENTS.get(0), 1));

        assertThat(refused)
                .as("the queue holds two: a third is refused at once, while the commit is still held")
                .isCompletedExceptionally();
        assertThatThrownBy(refused::join).hasCauseInstanceOf(GroupCommit.Overloaded.class);
        gate.open.countDown();
        assertThat(done(committing).isRight()).isTrue();
        for (var future : waiting) {
            assertThat(done(future).isRight()).isTrue();
        }

        commits.close();
        assertThatThrownBy(() -> commits.report(change(AGENTS.get(0), 2)).join())
                .hasCauseInstanceOf(GroupCommit.Stopped.class);
    }
}
