package io.omnisync.application.audit;

import io.omnisync.domain.sync.Fact;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The default audit trail: the latest facts in memory, in the order they were recorded, at most
 * {@link #CAPACITY}. {@link #drain()} hands over what arrived since the last call, for readers
 * that print as they go (the command line's timeline).
 */
@Singleton
public class FactLog implements AuditTrail {

    public static final int CAPACITY = 100_000;

    private final Deque<Fact> facts = new ArrayDeque<>();
    private final Deque<Fact> undrained = new ArrayDeque<>();

    @Override
    public synchronized void record(Seq<Fact> recorded) {
        for (Fact fact : recorded) {
            facts.addLast(fact);
            undrained.addLast(fact);
            if (facts.size() > CAPACITY) {
                facts.removeFirst();
            }
            if (undrained.size() > CAPACITY) {
                undrained.removeFirst();
            }
        }
    }

    /** The latest facts, oldest first. */
    public synchronized Seq<Fact> recent() {
        return List.ofAll(facts);
    }

    /** The facts recorded since the last drain, oldest first. */
    public synchronized Seq<Fact> drain() {
        Seq<Fact> fresh = List.ofAll(undrained);
        undrained.clear();
        return fresh;
    }
}
