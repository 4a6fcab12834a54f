package io.omnisync.application.delivery;

import io.omnisync.application.vendor.VendorAnswer;
import java.util.Objects;

/** What became of a command a vendor took to answer later. */
public sealed interface CommandAnswer {

    CommandAnswer ACCEPTED = new Accepted();

    CommandAnswer EXPIRED = new Expired();

    /** The vendor made the change; its echo is on its way. */
    record Accepted() implements CommandAnswer {}

    /**
     * The vendor said no; the engine stops waiting for the echo. {@code kind} says whether the
     * vendor no longer knows the status, as for an immediate refusal.
     */
    record Refused(String reason, VendorAnswer.Refused.Kind kind) implements CommandAnswer {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(kind, "kind");
        }

        public Refused(String reason) {
            this(reason, VendorAnswer.Refused.Kind.OTHER);
        }
    }

    /** Nobody took the command in time (no console connected within 60 s); the engine stops waiting for the echo. */
    record Expired() implements CommandAnswer {}
}
