package io.omnisync.adapters.sandbox;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.RetryPolicy;
import io.omnisync.application.vendor.TalkdeskPresence;
import java.time.Clock;

/**
 * Vendors as in-memory sandboxes that keep the vendors' own rules, on a simulation clock.
 * {@link UnreliableSandboxVendorsModule} is its sibling with faults injected.
 */
public class SandboxVendorsModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(TalkdeskSandbox.class);
        bind(SalesforceSandbox.class);
        bind(SimulationClock.class);
        bind(VendorDeliveries.class);
        bind(Simulation.class);
        bind(TalkdeskPresence.class).to(TalkdeskSandbox.class);
        bind(OmniChannelPresence.class).to(SalesforceSandbox.class);
        bind(Clock.class).to(SimulationClock.class);
        bind(FaultPlan.class).toInstance(faults());
        // sandboxes answer at once and time stands still in a simulation: retry without waiting
        OptionalBinder.newOptionalBinder(binder(), RetryPolicy.class)
                .setBinding()
                .toInstance(RetryPolicy.simulation());
    }

    /** How the sandboxes misbehave: not at all. */
    protected FaultPlan faults() {
        return FaultPlan.NONE;
    }
}
