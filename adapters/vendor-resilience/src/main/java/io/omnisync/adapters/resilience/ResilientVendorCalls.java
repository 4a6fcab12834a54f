package io.omnisync.adapters.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.omnisync.application.vendor.RetryPolicy;
import io.omnisync.application.vendor.VendorCalls;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.event.VendorSystem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Vendor calls with resilience4j: retries with exponential backoff inside a circuit breaker, one
 * pair per vendor, so a Salesforce outage does not slow Talkdesk calls. Only a vendor being
 * unreachable is retried; a vendor's "no" is an answer and returns at once.
 */
@Singleton
public class ResilientVendorCalls implements VendorCalls {

    private final Map<VendorSystem, Retry> retries = new EnumMap<>(VendorSystem.class);
    private final Map<VendorSystem, CircuitBreaker> breakers = new EnumMap<>(VendorSystem.class);

    @Inject
    public ResilientVendorCalls(RetryPolicy policy) {
        RetryConfig retry = RetryConfig.custom()
                .maxAttempts(policy.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(policy.initialWait(), policy.multiplier()))
                .retryExceptions(VendorUnavailableException.class)
                .build();
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowSize(policy.window())
                .minimumNumberOfCalls(policy.window())
                .failureRateThreshold(policy.failureRatePercent())
                .waitDurationInOpenState(policy.openFor())
                .recordExceptions(VendorUnavailableException.class)
                .build();
        for (VendorSystem system : VendorSystem.values()) {
            retries.put(system, Retry.of(system.wireName(), retry));
            breakers.put(system, CircuitBreaker.of(system.wireName(), breaker));
        }
    }

    @Override
    public <T> T call(VendorSystem system, Supplier<T> call) {
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(breakers.get(system), call);
        try {
            return Retry.decorateSupplier(retries.get(system), guarded).get();
        } catch (CallNotPermittedException open) {
            throw new VendorUnavailableException(
                    system.wireName() + " is failing; the circuit breaker is open and "
                            + "the command waits for the next round",
                    open);
        }
    }

    /** Whether calls to the vendor are held back because it kept failing. */
    public boolean isOpen(VendorSystem system) {
        return breakers.get(system).getState() == CircuitBreaker.State.OPEN;
    }
}
