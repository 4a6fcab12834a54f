package io.omnisync.application.delivery;

import io.omnisync.application.store.PendingCommand;
import io.vavr.collection.Seq;

/**
 * Driving port: send the commands that are waiting for their vendor (after a restart, or when a
 * vendor was unreachable), and see which are still waiting, with their attempts and last error.
 */
public interface DeliverCommands {

    SendReport sendPending();

    Seq<PendingCommand> pending();
}
