package io.omnisync.application.audit;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The default audit trail, in memory: the latest {@link #CAPACITY} entries in the order they were
 * recorded, and for each agent an index of its latest {@link #PER_AGENT} among them (so one
 * agent's trail is read without scanning everyone's, and the index never holds more than the trail
 * does). {@link #drain()} hands over what arrived since the last call (at most {@link #CAPACITY});
 * a reader that must see every fact however many arrive at once (the command line's timeline, on an
 * activation of a million agents) {@link #follow follows} the log instead.
 */
@Singleton
public class FactLog implements AuditTrail {

    public static final int CAPACITY = 100_000;

    /** What one agent's trail keeps: the admin API shows an agent's latest 200 entries. */
    public static final int PER_AGENT = 200;

    /** An entry and its place in the order of recording. */
    private record Slot(long sequence, AuditEntry entry) {}

    private final Clock clock;
    private final Deque<Slot> entries = new ArrayDeque<>();
    private final Map<AgentId, Deque<Slot>> byAgent = new HashMap<>();
    private final Deque<Fact> undrained = new ArrayDeque<>();
    private Consumer<Seq<Fact>> follower;
    private long sequence;

    @Inject
    public FactLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void record(Seq<Fact> recorded) {
        Instant at = clock.instant();
        for (Fact fact : recorded) {
            Slot slot = new Slot(++sequence, new AuditEntry(at, fact));
            entries.addLast(slot);
            fact.about().forEach(agent -> {
                Deque<Slot> trail = byAgent.computeIfAbsent(agent, key -> new ArrayDeque<>());
                trail.addLast(slot);
                if (trail.size() > PER_AGENT) {
                    trail.removeFirst();
                }
            });
            if (entries.size() > CAPACITY) {
                forget(entries.removeFirst());
            }
            if (follower == null) {
                undrained.addLast(fact);
                if (undrained.size() > CAPACITY) {
                    undrained.removeFirst();
                }
            }
        }
        if (follower != null && !recorded.isEmpty()) {
            follower.accept(recorded);
        }
    }

    /**
     * Hands every batch of facts to {@code reader} as it is recorded, in order, on the recording
     * thread; {@link #drain()} then has nothing to hand over. What was recorded before is drained
     * to it first.
     */
    public synchronized void follow(Consumer<Seq<Fact>> reader) {
        if (reader == null) {
            throw new IllegalArgumentException("reader must not be null");
        }
        Seq<Fact> before = drain();
        follower = reader;
        if (!before.isEmpty()) {
            reader.accept(before);
        }
    }

    @Override
    public synchronized Seq<AuditEntry> recent(int limit) {
        return latest(entries, limit);
    }

    @Override
    public synchronized Seq<AuditEntry> of(AgentId agent, int limit) {
        Deque<Slot> trail = byAgent.get(agent);
        return trail == null ? List.empty() : latest(trail, limit);
    }

    /** The facts recorded since the last drain, oldest first. */
    public synchronized Seq<Fact> drain() {
        Seq<Fact> fresh = List.ofAll(undrained);
        undrained.clear();
        return fresh;
    }

    /** The entry left the trail: it leaves its agent's index too, if it is still there (it is then the oldest). */
    private void forget(Slot gone) {
        gone.entry().fact().about().forEach(agent -> {
            Deque<Slot> trail = byAgent.get(agent);
            if (trail != null && !trail.isEmpty() && trail.peekFirst().sequence() == gone.sequence()) {
                trail.removeFirst();
                if (trail.isEmpty()) {
                    byAgent.remove(agent);
                }
            }
        });
    }

    private static Seq<AuditEntry> latest(Deque<Slot> slots, int limit) {
        List<AuditEntry> latest = List.empty();
        Iterator<Slot> newestFirst = slots.descendingIterator();
        for (int i = 0; i < limit && newestFirst.hasNext(); i++) {
            latest = latest.prepend(newestFirst.next().entry());
        }
        return latest;
    }
}
