package io.omnisync.application.delivery;

import io.omnisync.application.store.PendingCommand;
import io.vavr.collection.Seq;

/**
 * Driving port: send the outbox to the vendors, on the caller's thread. A service does not call
 * it: its {@link DeliveryLoop} runs it on threads of its own. Simulations, tests and hosts that
 * drive time themselves call it between events.
 */
public interface DeliverCommands {

    /** One round: per agent and vendor, the newest waiting command is sent if its time has come. */
    DeliveryReport deliverDue();

    /**
     * The same round, not waiting for any backoff: for simulations, where time stands still. A
     * caller bounds how many rounds a vendor that keeps failing gets.
     */
    DeliveryReport resendNow();

    /** The commands not yet answered by their vendor, oldest first, with their attempts and last error. */
    Seq<PendingCommand> pending();
}
