package io.omnisync.domain.event;

import java.util.Objects;

/** A vendor's id for one event; a redelivery carries the same id. */
public record EventId(String value) {

    public EventId {
        Objects.requireNonNull(value, "value");
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    /** Written out (not the record's generated one): ids are compared on every event. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof EventId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
