package io.omnisync.adapters.sandbox;

import io.omnisync.domain.event.AgentEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The webhooks both sandboxes owe the engine, in the order they will be delivered. The fault plan
 * may deliver one twice, hold one back for a while, or slip one ahead of others. Every report is
 * stamped with a time that never goes backwards, as a vendor's own event times would, and carries
 * an id no earlier run of the same store used ({@link #continueAfter}).
 * <p>Without faults the queue is first in, first out at constant cost per report, so an activation
 * of a million agents delivers its million echoes in linear time.
 */
@Singleton
public class VendorDeliveries {

    private record Pending(AgentEvent event, int holdFor) {}

    /** A run's mark is six base-36 digits: about two billion marks. */
    private static final long SIX_DIGITS_MIN = 36L * 36 * 36 * 36 * 36;

    private static final long SIX_DIGITS_MAX = SIX_DIGITS_MIN * 36;

    /** The reports still owed are {@code queue[head..]}: taking the first is moving {@code head}. */
    private final List<Pending> queue = new ArrayList<>();

    private final FaultPlan faults;
    private final Random random;
    private final Clock clock;
    private Instant lastStamp = Instant.MIN;
    private long sequence;
    private String run = "";
    private int head;
    private int heldBack;

    @Inject
    public VendorDeliveries(FaultPlan faults, Clock clock) {
        this.faults = faults;
        this.random = new Random(faults.seed());
        this.clock = clock;
    }

    /** A time for a new vendor event: the clock's, nudged forward if the clock stood still. */
    public synchronized Instant stamp() {
        Instant now = clock.instant();
        lastStamp = now.isAfter(lastStamp) ? now : lastStamp.plusNanos(1000);
        return lastStamp;
    }

    /**
     * The vendors continue a world an earlier run left in a store: their events are stamped after
     * {@code latest} (the latest event the store applied), so none is stale for being early, and
     * their ids carry a mark of this run ({@code td-k3x9q2-1}), so none repeats an id of a run the
     * store remembers.
     */
    public synchronized void continueAfter(Optional<Instant> latest) {
        latest.filter(at -> at.isAfter(lastStamp)).ifPresent(at -> lastStamp = at);
        run = Long.toString(ThreadLocalRandom.current().nextLong(SIX_DIGITS_MIN, SIX_DIGITS_MAX), 36) + "-";
    }

    /** A fresh vendor event id: {@code td-1}, or {@code td-<run>-1} when continuing a store's world. */
    public synchronized String nextId(String prefix) {
        sequence++;
        return prefix + "-" + run + sequence;
    }

    public synchronized void report(AgentEvent event) {
        enqueue(event);
        if (chance(faults.duplicateRate())) {
            enqueue(event);
        }
    }

    /** Deliver this event again, as is: a redelivery of a webhook already sent. */
    public synchronized void redeliver(AgentEvent event) {
        queue.add(new Pending(event, 0));
    }

    /** The next report to deliver, if any; held-back reports come out once nothing else is left. */
    public synchronized Optional<AgentEvent> next() {
        if (isEmpty()) {
            return Optional.empty();
        }
        if (heldBack > 0) {
            for (int i = head; i < queue.size(); i++) {
                Pending candidate = queue.get(i);
                if (candidate.holdFor() == 0) {
                    queue.remove(i);
                    ageHeldBack();
                    return Optional.of(candidate.event());
                }
            }
            heldBack--;
        }
        return Optional.of(takeFirst().event());
    }

    public synchronized boolean isEmpty() {
        return head == queue.size();
    }

    private Pending takeFirst() {
        Pending first = queue.get(head);
        queue.set(head, null);
        head++;
        if (head == queue.size()) {
            queue.clear();
            head = 0;
        } else if (head > 1024 && head > queue.size() / 2) {
            queue.subList(0, head).clear();
            head = 0;
        }
        return first;
    }

    /** Should the vendor fail this call? */
    synchronized boolean failNow() {
        return chance(faults.failRate());
    }

    private void enqueue(AgentEvent event) {
        int holdFor = chance(faults.delayRate()) ? 1 + random.nextInt(3) : 0;
        Pending pending = new Pending(event, holdFor);
        if (holdFor > 0) {
            heldBack++;
        }
        if (chance(faults.reorderRate()) && !isEmpty()) {
            queue.add(head + random.nextInt(queue.size() - head), pending);
        } else {
            queue.add(pending);
        }
    }

    private void ageHeldBack() {
        for (int i = head; i < queue.size(); i++) {
            Pending p = queue.get(i);
            if (p.holdFor() > 0) {
                if (p.holdFor() == 1) {
                    heldBack--;
                }
                queue.set(i, new Pending(p.event(), p.holdFor() - 1));
            }
        }
    }

    private boolean chance(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
