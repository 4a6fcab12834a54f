package io.omnisync.adapters.kafka.codec;

import io.omnisync.domain.sync.Command;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * A record of a commands topic ({@code omnisync.commands.talkdesk} or {@code omnisync.commands.omni}, keyed by
 * agent id): a change the engine asks a vendor to make, with a stable id (the agent and the count of the
 * agent's commands), the configuration version it was decided under, and the id of the event (or
 * reconciliation) that led to it.
 */
public record CommandRecord(String commandId, Command command, long configurationVersion, Option<String> cause) {

    public CommandRecord {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(command, "command");
        cause = cause == null ? Option.none() : cause;
    }
}
