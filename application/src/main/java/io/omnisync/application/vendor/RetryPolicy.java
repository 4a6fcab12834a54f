package io.omnisync.application.vendor;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard to try a vendor before leaving a command pending: attempts with exponential backoff
 * ({@code initialWait}, times {@code multiplier} each time), and a circuit breaker that opens when
 * at least {@code failureRatePercent} of the last {@code window} calls failed and stays open for
 * {@code openFor}, so a vendor that is down is not hammered.
 */
public record RetryPolicy(
        int attempts, Duration initialWait, double multiplier, int window, float failureRatePercent, Duration openFor) {

    public RetryPolicy {
        Objects.requireNonNull(initialWait, "initialWait");
        Objects.requireNonNull(openFor, "openFor");
        if (attempts < 1 || multiplier < 1 || window < 1 || failureRatePercent <= 0 || failureRatePercent > 100) {
            throw new IllegalArgumentException("a retry policy needs attempts >= 1, multiplier >= 1, window >= 1 "
                    + "and a failure rate in (0, 100]");
        }
    }

    /** For real vendors: three attempts 200 ms then 400 ms apart; the breaker opens at 50% of 20 calls for 30 s. */
    public static RetryPolicy standard() {
        return new RetryPolicy(3, Duration.ofMillis(200), 2.0, 20, 50, Duration.ofSeconds(30));
    }

    /** For simulations, where time stands still: the same shape with no real waiting. */
    public static RetryPolicy simulation() {
        return new RetryPolicy(3, Duration.ofMillis(1), 1.0, 100, 100, Duration.ofMillis(1));
    }
}
