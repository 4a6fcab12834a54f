package io.omnisync.adapters.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a serving process ends (SPEC 10): SIGTERM (or Ctrl-C) stops gracefully what runs now and the process exits 0,
 * or 3 when stopping failed. What runs changes as the process goes (a standby's listener, then the service); before
 * anything runs, or after a start failed, there is nothing to stop and the JVM's exit code (the failure's) stands.
 * The JVM runs the stop as its shutdown hook, installed once; the exit status is set by halting once it is done.
 */
final class ServeSignals {

    private static final Logger LOG = LoggerFactory.getLogger(ServeSignals.class);

    private final AtomicReference<Runnable> running = new AtomicReference<>();
    private final AtomicBoolean installed = new AtomicBoolean();

    /** From now on SIGTERM runs {@code stop}, then exits 0. */
    void stopWith(Runnable stop) {
        running.set(stop);
        if (installed.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopGracefully, "omnisync-shutdown"));
        }
    }

    /** Nothing runs any more: the process ends by itself, with its own exit code. */
    void nothingRuns() {
        running.set(null);
    }

    /** Serves until the process is told to stop (the shutdown hook ends it). */
    static void awaitTheEnd() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopGracefully() {
        Runnable stop = running.get();
        if (stop == null) {
            return;
        }
        LOG.info("SIGTERM: stopping gracefully");
        try {
            stop.run();
        } catch (RuntimeException broken) {
            LOG.error("stopping failed", broken);
            Runtime.getRuntime().halt(ExitCode.UNEXPECTED);
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(ExitCode.OK);
    }
}
