package io.omnisync.adapters.kafka.topology;

import io.omnisync.adapters.kafka.codec.ParkedCodec;
import io.omnisync.adapters.kafka.codec.ParkedRecords;
import io.omnisync.adapters.kafka.codec.SessionCodec;
import io.omnisync.adapters.kafka.codec.SessionRecord;
import io.vavr.control.Either;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serdes for the stores' values. Stores hold only what this topology wrote: a value that does not read back is
 * a damaged store or a bug, and stops processing rather than deciding on a guess.
 */
final class RecordSerdes {

    private RecordSerdes() {}

    static Serde<SessionRecord> sessions() {
        return serde(SessionCodec::encode, SessionCodec::decode, "session");
    }

    static Serde<ParkedRecords> parked() {
        return serde(ParkedCodec::encode, ParkedCodec::decode, "parked records");
    }

    private static <T> Serde<T> serde(
            Function<T, byte[]> encode, Function<byte[], Either<String, T>> decode, String what) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : encode.apply(value),
                (topic, bytes) -> bytes == null
                        ? null
                        : decode.apply(bytes)
                                .getOrElseThrow(problem -> new IllegalStateException(
                                        "a stored " + what + " does not read back (" + topic + "): " + problem)));
    }
}
