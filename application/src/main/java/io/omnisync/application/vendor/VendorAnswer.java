package io.omnisync.application.vendor;

import java.util.Objects;

/**
 * A vendor's answer to a set-status call: accepted, refused for good with its reason, or taken
 * to be answered later ({@link Dispatched}: a console that applies the command in the agent's
 * browser says what became of it through {@code CommandAnswered}).
 */
public sealed interface VendorAnswer {

    VendorAnswer ACCEPTED = new Accepted();

    VendorAnswer DISPATCHED = new Dispatched();

    record Accepted() implements VendorAnswer {}

    record Refused(String reason) implements VendorAnswer {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The vendor took the command; its result comes later. Until then it is the agent's command in flight. */
    record Dispatched() implements VendorAnswer {}
}
