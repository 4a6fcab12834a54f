package io.omnisync.application.vendor;

import io.omnisync.domain.event.VendorSystem;
import java.util.function.Supplier;

/**
 * Driven port: how a call to a vendor is made: once, or with retries, backoff and a circuit
 * breaker. Whatever it does, it either returns the vendor's answer or throws
 * {@link VendorUnavailableException} when it gives up.
 */
public interface VendorCalls {

    <T> T call(VendorSystem system, Supplier<T> call);
}
