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

    /**
     * The vendor said no, for good. {@code kind} says whether it no longer knows the status (it was
     * renamed or deleted there after the configuration was written: Talkdesk's 404 or 422 naming
     * the status, Salesforce's unknown ServicePresenceStatus) or refused for another reason (not
     * granted, logged out, in a call).
     */
    record Refused(String reason, Kind kind) implements VendorAnswer {

        /** Why the vendor refused. */
        public enum Kind {
            /** The vendor does not know the status the command names (renamed or deleted there). */
            UNKNOWN_STATUS,
            /** Any other refusal by the vendor's rules. */
            OTHER
        }

        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(kind, "kind");
        }

        /** A refusal for another reason than an unknown status. */
        public Refused(String reason) {
            this(reason, Kind.OTHER);
        }

        /** The vendor does not know the status the command names. */
        public static Refused unknownStatus(String reason) {
            return new Refused(reason, Kind.UNKNOWN_STATUS);
        }
    }

    /** The vendor took the command; its result comes later. Until then it is the agent's command in flight. */
    record Dispatched() implements VendorAnswer {}
}
