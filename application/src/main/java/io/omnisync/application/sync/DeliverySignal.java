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

    private volatile Consumer<VendorSystem> listener = DeliverySignal::nobodyListens;

    public void listen(Consumer<VendorSystem> newListener) {
        listener = newListener;
    }

    public void stopListening() {
        listener = DeliverySignal::nobodyListens;
    }

    private static void nobodyListens(VendorSystem vendor) {
        // a simulation delivers by itself
    }

    /** {@code vendor} has commands waiting. */
    public void commandsFor(VendorSystem vendor) {
        listener.accept(vendor);
    }
}
