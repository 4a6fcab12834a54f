package io.omnisync.application.store;

import io.omnisync.domain.sync.Command;
import io.vavr.collection.Seq;

/**
 * Driven port: commands decided but not yet acknowledged by their vendor. They are added in the
 * same transaction as the session change that produced them, and removed once a vendor answered.
 */
public interface Outbox {

    void add(Seq<Command> commands);

    /** Oldest first. */
    Seq<PendingCommand> pending();

    /** The vendor answered (accepted or refused for good): the command is done. */
    void done(long id);

    /** The vendor could not be reached: keep the command, count the attempt. */
    void failed(long id, String error);
}
