package io.omnisync.adapters.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.omnisync.application.vendor.RetryPolicy;
import io.omnisync.application.vendor.VendorCalls;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.event.VendorSystem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Vendor calls with resilience4j: a circuit breaker per vendor, so a Salesforce outage does not
 * cost Talkdesk calls, and resilience4j's exponential {@link IntervalFunction} for how long a
 * failed command waits. Nothing here blocks or retries: the delivery schedules the next attempt.
 * Only a vendor being unreachable counts as a failure; a vendor's "no" is an answer.
 */
@Singleton
public class ResilientVendorCalls implements VendorCalls {

    private final Map<VendorSystem, CircuitBreaker> breakers = new EnumMap<>(VendorSystem.class);
    private final IntervalFunction backoff;

    @Inject
    public ResilientVendorCalls(RetryPolicy policy) {
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowSize(policy.window())
                .minimumNumberOfCalls(policy.window())
                .failureRateThreshold(policy.failureRatePercent())
                .waitDurationInOpenState(policy.openFor())
                .recordExceptions(VendorUnavailableException.class)
                .build();
        for (VendorSystem vendor : VendorSystem.values()) {
            breakers.put(vendor, CircuitBreaker.of(vendor.wireName(), breaker));
        }
        backoff = IntervalFunction.ofExponentialBackoff(policy.initialWait(), policy.multiplier(), policy.maxWait());
    }

    @Override
    public <T> T call(VendorSystem vendor, Supplier<T> call) {
        try {
            return breakers.get(vendor).decorateSupplier(call).get();
        } catch (CallNotPermittedException open) {
            throw new VendorUnavailableException(
                    vendor.wireName() + " kept failing; its circuit breaker is open and the command waits", open);
        }
    }

    @Override
    public Duration backoff(int failures) {
        return Duration.ofMillis(backoff.apply(Math.max(1, failures)));
    }

    @Override
    public Circuit circuit(VendorSystem vendor) {
        return switch (breakers.get(vendor).getState()) {
            case OPEN, FORCED_OPEN -> Circuit.OPEN;
            case HALF_OPEN -> Circuit.HALF_OPEN;
            case CLOSED, DISABLED, METRICS_ONLY -> Circuit.CLOSED;
        };
    }

    /** Whether calls to the vendor are held back because it kept failing. */
    public boolean isOpen(VendorSystem vendor) {
        return breakers.get(vendor).getState() == CircuitBreaker.State.OPEN;
    }
}
