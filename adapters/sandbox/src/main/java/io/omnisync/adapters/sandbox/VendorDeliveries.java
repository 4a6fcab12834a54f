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

/**
 * The webhooks both sandboxes owe the engine, in the order they will be delivered. The fault plan
 * may deliver one twice, hold one back for a while, or slip one ahead of others. Every report is
 * stamped with a time that never goes backwards, as a vendor's own event times would.
 */
@Singleton
public class VendorDeliveries {

    private record Pending(AgentEvent event, int holdFor) {}

    private final List<Pending> queue = new ArrayList<>();
    private final FaultPlan faults;
    private final Random random;
    private final Clock clock;
    private Instant lastStamp = Instant.MIN;
    private long sequence;

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

    /** A fresh vendor event id. */
    public synchronized String nextId(String prefix) {
        return prefix + "-" + (++sequence);
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
        for (int i = 0; i < queue.size(); i++) {
            Pending pending = queue.get(i);
            if (pending.holdFor() == 0) {
                queue.remove(i);
                ageHeldBack();
                return Optional.of(pending.event());
            }
        }
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(queue.remove(0).event());
    }

    public synchronized boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Should the vendor fail this call? */
    synchronized boolean failNow() {
        return chance(faults.failRate());
    }

    private void enqueue(AgentEvent event) {
        int holdFor = chance(faults.delayRate()) ? 1 + random.nextInt(3) : 0;
        Pending pending = new Pending(event, holdFor);
        if (chance(faults.reorderRate()) && !queue.isEmpty()) {
            queue.add(random.nextInt(queue.size()), pending);
        } else {
            queue.add(pending);
        }
    }

    private void ageHeldBack() {
        queue.replaceAll(p -> p.holdFor() > 0 ? new Pending(p.event(), p.holdFor() - 1) : p);
    }

    private boolean chance(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
