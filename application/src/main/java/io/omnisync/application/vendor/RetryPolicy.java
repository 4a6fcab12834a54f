package io.omnisync.application.vendor;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failing vendor is treated: a command that failed waits {@code initialWait}, then
 * {@code multiplier} times longer after each failure, never more than {@code maxWait}; and a
 * circuit breaker per vendor opens when at least {@code failureRatePercent} of its last
 * {@code window} calls failed, and stays open for {@code openFor}, so a vendor that is down is not
 * hammered.
 */
public record RetryPolicy(
        Duration initialWait,
        double multiplier,
        Duration maxWait,
        int window,
        float failureRatePercent,
        Duration openFor) {

    /** SPEC 10: retries back off exponentially up to 30 s. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);

    public RetryPolicy {
        Objects.requireNonNull(initialWait, "initialWait");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(openFor, "openFor");
        if (multiplier < 1
                || window < 1
                || failureRatePercent <= 0
                || failureRatePercent > 100
                || maxWait.compareTo(initialWait) < 0
                || maxWait.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("a retry policy needs multiplier >= 1, window >= 1, a failure rate in "
                    + "(0, 100] and initialWait <= maxWait <= 30 s");
        }
    }

    /** For real vendors: 200 ms, then twice as long each time up to 30 s; the breaker opens at 50% of 20 calls for 30 s. */
    public static RetryPolicy standard() {
        return new RetryPolicy(Duration.ofMillis(200), 2.0, MAX_WAIT, 20, 50, Duration.ofSeconds(30));
    }

    /**
     * For simulations, where time stands still and the sandboxes fail on purpose: the simulation
     * resends without waiting, and the breaker opens only if every one of 100 calls failed.
     */
    public static RetryPolicy simulation() {
        return new RetryPolicy(Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 100, 100, Duration.ofMillis(1));
    }
}
