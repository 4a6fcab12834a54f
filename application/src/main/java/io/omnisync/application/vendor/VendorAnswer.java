package io.omnisync.application.vendor;

import java.util.Objects;

/** A vendor's answer to a set-status call: accepted, or refused for good with its reason. */
public sealed interface VendorAnswer {

    VendorAnswer ACCEPTED = new Accepted();

    record Accepted() implements VendorAnswer {}

    record Refused(String reason) implements VendorAnswer {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
