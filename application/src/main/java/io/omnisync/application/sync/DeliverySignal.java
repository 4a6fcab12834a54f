package io.omnisync.application.sync;

import io.omnisync.domain.event.VendorSystem;
import jakarta.inject.Singleton;
import java.util.function.Consumer;

/**
 * How a commit tells the delivery loop that a vendor has something to do (commands were added, or
 * the command in flight was answered), so that the loop wakes instead of polling. Nobody listens
 * until a loop starts; a simulation delivers by itself.
 */
@Singleton
public class DeliverySignal {

    private static final Consumer<VendorSystem> NOBODY = vendor -> {};

    private volatile Consumer<VendorSystem> listener = NOBODY;

    public void listen(Consumer<VendorSystem> newListener) {
        listener = newListener;
    }

    public void stopListening() {
        listener = NOBODY;
    }

    /** {@code vendor} has commands waiting. */
    public void commandsFor(VendorSystem vendor) {
        listener.accept(vendor);
    }
}
