package io.omnisync.application.store;

import io.omnisync.application.vendor.CommandId;
import io.omnisync.domain.sync.Command;
import io.vavr.collection.Seq;

/**
 * Driven port: commands decided but not yet acknowledged by their vendor. They are added in the
 * same transaction as the session change that produced them, and removed once a vendor answered.
 */
public interface Outbox {

    void add(Seq<Command> commands);

    /** Oldest first; each with the stable id it was given when it was added. */
    Seq<PendingCommand> pending();

    /** The vendor answered (accepted or refused for good), or the command will never be sent: it is done. */
    void done(CommandId id);

    /** The vendor could not be reached: keep the command, count the attempt. */
    void failed(CommandId id, String error);
}
