package io.omnisync.application.sync;

import io.omnisync.application.watch.EngineWatcher;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.PresenceSync;
import io.vavr.collection.List;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: events reported by many callers at once are decided one after the other, in the
 * order they arrived (so each agent's in order, each decision seeing the session the previous one
 * left), and committed together: one transaction, one fsync, for a whole batch. A caller's future
 * completes only once its batch is durable, with what {@link ReportedChanges#report} would have
 * returned; when the batch fails (the store broke, the process is stopping), every caller of the
 * batch gets the failure and the store holds nothing of it, so none of them may acknowledge.
 * <p>One committer thread takes what waits, up to a batch's size, while the previous batch commits:
 * the busier the store, the larger the batches. The queue is bounded: when it is full a report fails
 * at once ({@link Overloaded}), so that a caller can answer "try later" instead of queueing forever.
 * <p>A batch holds its agents' locks (and keeps admin changes off) from its first decision to its
 * commit, so it never races a single event, a delivery's settlement or an admin change.
 */
@Singleton
public class GroupCommit implements AutoCloseable {

    /** How many events may wait for a batch. */
    public static final int QUEUE = 16_384;

    /** At most this many events in one transaction. */
    public static final int BATCH = 1_024;

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /**
     * The event was not taken: nothing was decided or stored, and the caller may send it again later
     * (a service answers 503). Not a broken store: that failure reaches the caller as it is.
     */
    public abstract static sealed class NotTaken extends RuntimeException permits Overloaded, Stopped {
        private static final long serialVersionUID = 1L;

        NotTaken(String message) {
            super(message, null, false, false);
        }
    }

    /** The queue is full: the store does not keep up. Nothing was decided or stored. */
    public static final class Overloaded extends NotTaken {
        private static final long serialVersionUID = 1L;

        Overloaded(int capacity) {
            super("the commit queue is full (" + capacity + " events wait): the store does not keep up");
        }
    }

    /** Group commit was stopped: the event was not decided, nothing was stored. */
    public static final class Stopped extends NotTaken {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("group commit is stopped: the event was not decided");
        }
    }

    private record Waiting(AgentEvent event, CompletableFuture<Either<Fact.Skipped, AgentDecision>> done) {}

    private final EngineStore store;
    private final AgentLocks locks;
    private final EngineWatcher watcher;
    private final int capacity;
    private final int maxBatch;
    private final BlockingQueue<Waiting> queue;
    private Thread committer;
    private volatile boolean stopping;

    @Inject
    public GroupCommit(EngineStore store, AgentLocks locks, EngineWatcher watcher) {
        this(store, locks, watcher, QUEUE, BATCH);
    }

    /** Batches nobody watches (benchmarks, tests). */
    public GroupCommit(EngineStore store, AgentLocks locks, int capacity, int maxBatch) {
        this(store, locks, EngineWatcher.NOBODY, capacity, maxBatch);
    }

    public GroupCommit(EngineStore store, AgentLocks locks, EngineWatcher watcher, int capacity, int maxBatch) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive");
        }
        this.store = store;
        this.locks = locks;
        this.watcher = watcher;
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Queues one event for the next batch. The future completes once the batch that decided it is
     * committed (or with the failure that kept the batch from committing). It completes on the
     * committer's thread: wait for it, or continue with an {@code …Async} stage, rather than work there.
     */
    public CompletableFuture<Either<Fact.Skipped, AgentDecision>> report(AgentEvent event) {
        CompletableFuture<Either<Fact.Skipped, AgentDecision>> done = new CompletableFuture<>();
        if (stopping) {
            done.completeExceptionally(new Stopped());
            return done;
        }
        startOnce();
        if (!queue.offer(new Waiting(event, done))) {
            done.completeExceptionally(new Overloaded(capacity));
        } else if (stopping) {
            failWhatWaits(); // stopped meanwhile: what the committer did not take is not decided
        }
        return done;
    }

    /** Events waiting for a batch (a gauge for the metrics). */
    public int waiting() {
        return queue.size();
    }

    private synchronized void startOnce() {
        if (committer == null && !stopping) {
            committer = new Thread(this::commitUntilStopped, "omnisync-group-commit");
            committer.setDaemon(true);
            committer.start();
        }
    }

    /** Stops taking events, commits what already waits, and stops the committer. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            stopping = true;
            running = committer;
        }
        if (running != null) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failWhatWaits();
    }

    private void failWhatWaits() {
        java.util.List<Waiting> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(waiting -> waiting.done().completeExceptionally(new Stopped()));
    }

    private void commitUntilStopped() {
        java.util.List<Waiting> batch = new ArrayList<>(maxBatch);
        try {
            while (!stopping || !queue.isEmpty()) {
                Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    commit(batch);
                    batch.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // however the committer ends (stopped, interrupted), nobody is left waiting for a batch that never comes
            stopping = true;
            failWhatWaits();
        }
    }

    /** Decides the batch in arrival order and commits it whole; then, and only then, releases its callers. */
    void commit(java.util.List<Waiting> batch) {
        Committed committed;
        try {
            LinkedHashSet<AgentId> agents = new LinkedHashSet<>();
            batch.forEach(waiting -> agents.add(waiting.event().agent()));
            committed = locks.forAgents(agents, () -> decideAndStore(batch));
        } catch (RuntimeException | Error failure) {
            LOG.error("a batch of {} events was not committed; each caller is told", batch.size(), failure);
            batch.forEach(waiting -> waiting.done().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Waiting waiting = batch.get(i);
            watcher.decided(waiting.event(), committed.results().get(i), committed.deciding(), committed.committing());
            waiting.done().complete(committed.results().get(i));
        }
    }

    /** A committed batch: each event's result, in the batch's order, and the times it took. */
    private record Committed(
            java.util.List<Either<Fact.Skipped, AgentDecision>> results, Duration deciding, Duration committing) {}

    private Committed decideAndStore(java.util.List<Waiting> batch) {
        Configuration configuration = store.configuration();
        Map<AgentId, AgentSession> decided = store.storedSessions(io.vavr.collection.HashSet.ofAll(batch)
                .map(waiting -> waiting.event().agent()));
        java.util.List<Either<Fact.Skipped, AgentDecision>> results = new ArrayList<>(batch.size());
        java.util.List<AgentDecision> decisions = new ArrayList<>(batch.size());
        long start = System.nanoTime();
        for (Waiting waiting : batch) {
            Either<Fact.Skipped, AgentDecision> result = PresenceSync.handle(
                    configuration,
                    waiting.event(),
                    (Agent agent) -> decided.computeIfAbsent(agent.id(), id -> AgentSession.of(agent)));
            result.forEach(decision -> {
                decided.put(decision.session().agent(), decision.session());
                decisions.add(decision);
            });
            results.add(result);
        }
        long decidedAt = System.nanoTime();
        // one commit for the batch; the facts follow in the order the events arrived, skipped ones among the others
        store.saveAll(
                List.ofAll(decisions),
                List.ofAll(results).flatMap(result -> result.fold(List::<Fact>of, AgentDecision::facts)));
        // each event's share of the deciding, and the whole commit it waited for
        return new Committed(
                results,
                Duration.ofNanos((decidedAt - start) / batch.size()),
                Duration.ofNanos(System.nanoTime() - decidedAt));
    }
}
