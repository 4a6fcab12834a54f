package io.omnisync.application.delivery;

import java.util.Objects;

/** What became of a command a vendor took to answer later. */
public sealed interface CommandAnswer {

    CommandAnswer ACCEPTED = new Accepted();

    CommandAnswer EXPIRED = new Expired();

    /** The vendor made the change; its echo is on its way. */
    record Accepted() implements CommandAnswer {}

    /** The vendor said no; the engine stops waiting for the echo. */
    record Refused(String reason) implements CommandAnswer {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Nobody took the command in time (no console connected within 60 s); the engine stops waiting for the echo. */
    record Expired() implements CommandAnswer {}
}
