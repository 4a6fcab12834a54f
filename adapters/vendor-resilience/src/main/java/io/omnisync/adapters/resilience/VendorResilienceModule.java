package io.omnisync.adapters.resilience;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import io.omnisync.application.vendor.RetryPolicy;
import io.omnisync.application.vendor.VendorCalls;

/**
 * Vendor calls with resilience4j, tuned by the {@link RetryPolicy}: {@link RetryPolicy#standard()}
 * unless a vendor module sets its own (the sandboxes, where time stands still, do).
 */
public class VendorResilienceModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ResilientVendorCalls.class);
        bind(VendorCalls.class).to(ResilientVendorCalls.class);
        OptionalBinder.newOptionalBinder(binder(), RetryPolicy.class)
                .setDefault()
                .toInstance(RetryPolicy.standard());
    }
}
