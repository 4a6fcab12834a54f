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

    @Override
    public String toString() {
        return value;
    }
}
