package io.omnisync.application.store;

import io.omnisync.application.vendor.CommandId;
import io.omnisync.domain.sync.Command;
import io.vavr.control.Option;
import java.util.Objects;

/** A command in the outbox, with its id, how often sending it failed and why, last time. */
public record PendingCommand(CommandId id, Command command, int attempts, Option<String> lastError) {

    public PendingCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(command, "command");
        lastError = lastError == null ? Option.none() : lastError;
    }
}
