package io.omnisync.adapters.kafka.codec;

import java.util.Objects;

/**
 * Why a record of the events topic could not be used: {@code UNKNOWN_EVENT_TYPE} (a type this release does
 * not know, say from a newer writer) or {@code UNREADABLE_RECORD} (not JSON, no version, a field missing or of
 * the wrong type), with a sentence naming the field.
 */
public record Unreadable(String code, String message) {

    public static final String UNKNOWN_EVENT_TYPE = "UNKNOWN_EVENT_TYPE";
    public static final String UNREADABLE_RECORD = "UNREADABLE_RECORD";

    public Unreadable {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    static Unreadable record(String message) {
        return new Unreadable(UNREADABLE_RECORD, message);
    }
}
