package io.omnisync.adapters.kafka.codec;

import io.vavr.collection.List;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One agent's records of the events topic that wait, in their order, for the configuration version they need
 * (the instance's copy of the configuration topic is behind): each with its timestamp and its value as read.
 */
public record ParkedRecords(List<Parked> records) {

    public static final ParkedRecords NONE = new ParkedRecords(List.empty());

    /** A record that waits: its timestamp and its value (JSON text, as every readable value is). */
    public record Parked(long timestamp, String value) {
        public Parked {
            Objects.requireNonNull(value, "value");
        }

        public byte[] bytes() {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }

    public ParkedRecords {
        Objects.requireNonNull(records, "records");
    }

    public ParkedRecords append(long timestamp, byte[] value) {
        return new ParkedRecords(records.append(new Parked(timestamp, new String(value, StandardCharsets.UTF_8))));
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }
}
