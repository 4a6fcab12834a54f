package io.omnisync.application.vendor;

import io.omnisync.domain.event.VendorSystem;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Driven port: how calls to a vendor are made and retried. A call goes through the vendor's
 * circuit breaker once (it never waits and never retries itself); the delivery decides when a
 * command that failed is tried again, after {@link #backoff(int)}.
 */
public interface VendorCalls {

    /**
     * Makes one call to {@code vendor}.
     *
     * @return the vendor's answer
     * @throws VendorUnavailableException when the vendor failed, or its breaker is open because it kept failing
     */
    <T> T call(VendorSystem vendor, Supplier<T> call);

    /** How long a command waits after its {@code failures}-th failed attempt: growing exponentially, capped at 30 s. */
    Duration backoff(int failures);

    /** Whether calls to {@code vendor} go through (closed), are held back (open), or are being tried again (half open). */
    default Circuit circuit(VendorSystem vendor) {
        return Circuit.CLOSED;
    }

    /** The state of a vendor's circuit breaker, as an operator reads it. */
    enum Circuit {
        CLOSED,
        HALF_OPEN,
        OPEN
    }
}
