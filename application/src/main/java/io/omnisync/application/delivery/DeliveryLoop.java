package io.omnisync.application.delivery;

import io.omnisync.application.sync.DeliverySignal;
import io.omnisync.domain.event.VendorSystem;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's own delivery: one thread per vendor, so a slow or failing vendor slows only its
 * own commands, never the webhooks nor the other vendor. A thread sleeps until a commit gives it
 * work ({@link DeliverySignal}) or a failed command's backoff ends; there is no polling. Started
 * and stopped explicitly; starting sends at once what a previous run left in the outbox.
 */
@Singleton
public class DeliveryLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);

    /** After a round that broke (the store failed, say), the next one comes this much later. */
    private static final Duration AFTER_A_BROKEN_ROUND = Duration.ofSeconds(1);

    private static final Duration STOPPING = Duration.ofSeconds(10);

    private final CommandDelivery delivery;
    private final DeliverySignal signal;
    private final Clock clock;
    private volatile Map<VendorSystem, Worker> workers = Map.of();

    @Inject
    public DeliveryLoop(CommandDelivery delivery, DeliverySignal signal, Clock clock) {
        this.delivery = delivery;
        this.signal = signal;
        this.clock = clock;
    }

    /** Starts one delivery thread per vendor; each sends what waits at once. Starting twice does nothing. */
    public synchronized void start() {
        if (!workers.isEmpty()) {
            return;
        }
        Map<VendorSystem, Worker> started = new EnumMap<>(VendorSystem.class);
        for (VendorSystem vendor : VendorSystem.values()) {
            started.put(vendor, new Worker(vendor));
        }
        workers = started;
        signal.listen(this::wake);
        started.values().forEach(Worker::wake);
        LOG.info("delivery started: one thread per vendor");
    }

    /**
     * Stops the threads: a call in progress finishes (up to 10 s), nothing new is sent. What is
     * still waiting stays in the outbox for the next start.
     */
    public synchronized void stop() {
        if (workers.isEmpty()) {
            return;
        }
        signal.stopListening();
        Map<VendorSystem, Worker> stopping = workers;
        workers = Map.of();
        stopping.values().forEach(Worker::stop);
        LOG.info("delivery stopped");
    }

    public boolean isRunning() {
        return !workers.isEmpty();
    }

    @Override
    public void close() {
        stop();
    }

    private void wake(VendorSystem vendor) {
        Worker worker = workers.get(vendor);
        if (worker != null) {
            worker.wake();
        }
    }

    /** One vendor's thread: a round when woken, and one when the earliest backoff ends. */
    private final class Worker {
        private final VendorSystem vendor;
        private final ScheduledExecutorService thread;
        private final AtomicBoolean woken = new AtomicBoolean();
        private ScheduledFuture<?> later;

        Worker(VendorSystem vendor) {
            this.vendor = vendor;
            this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread named = new Thread(runnable, "omnisync-delivery-" + vendor.wireName());
                named.setDaemon(true);
                return named;
            });
        }

        /** Asks for a round soon; many wakes before it runs make one round. */
        void wake() {
            if (woken.compareAndSet(false, true)) {
                try {
                    thread.execute(this::round);
                } catch (RejectedExecutionException stopped) {
                    woken.set(false);
                }
            }
        }

        /** Runs on the vendor's thread only. */
        private void round() {
            woken.set(false);
            Option<Duration> next;
            try {
                delivery.deliverDue(vendor);
                next = delivery.nextRetry(vendor).map(at -> Duration.between(clock.instant(), at));
            } catch (RuntimeException broken) {
                LOG.error(
                        "a delivery round for {} broke; the next one is in {}",
                        vendor.wireName(),
                        AFTER_A_BROKEN_ROUND,
                        broken);
                next = Option.some(AFTER_A_BROKEN_ROUND);
            }
            if (later != null) {
                later.cancel(false);
                later = null;
            }
            if (next.isDefined()) {
                long millis = Math.max(0, next.get().toMillis());
                try {
                    later = thread.schedule(this::wake, millis, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopped) {
                    // stopping: the command waits in the outbox for the next start
                }
            }
        }

        void stop() {
            thread.shutdown();
            try {
                if (!thread.awaitTermination(STOPPING.toMillis(), TimeUnit.MILLISECONDS)) {
                    thread.shutdownNow();
                }
            } catch (InterruptedException e) {
                thread.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
