package io.omnisync.application.vendor;

/**
 * The stable id of a command in the outbox (its row). A vendor receives it with the command, and
 * a vendor that answers later names the command by it.
 */
public record CommandId(long value) {

    public static CommandId of(long value) {
        return new CommandId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
