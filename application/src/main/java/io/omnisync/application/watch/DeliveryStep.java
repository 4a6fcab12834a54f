package io.omnisync.application.watch;

/** What became of one attempt to deliver a command, or of a command a vendor answered later. */
public enum DeliveryStep {
    /** The vendor made the change; the command left the outbox. */
    ACCEPTED,
    /** The vendor took the command and will answer later; it stays in flight. */
    DISPATCHED,
    /** The vendor said no for good; the command left the outbox. */
    REFUSED,
    /** The vendor could not be reached; the command waits for another attempt. */
    UNAVAILABLE,
    /** A command taken to be answered later was settled (accepted, refused or expired); it left the outbox. */
    ANSWERED,
    /** The command's agent is no longer configured: it left the outbox unsent. */
    FORGOTTEN
}
