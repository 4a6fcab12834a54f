package io.omnisync.adapters.kafka.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.vavr.collection.List;
import io.vavr.control.Either;

/**
 * The values of the parked-records store (and its changelog), version {@value #VERSION}:
 * {@code {"v":1,"records":[{"timestamp":1767603600000,"value":"{\"v\":1,\"type\":\"talkdesk.status\",...}"}]}}.
 * Only readable values of the events topic are ever parked, so each is JSON text.
 */
public final class ParkedCodec {

    public static final int VERSION = 1;

    @JsonPropertyOrder({"timestamp", "value"})
    record ParkedJson(Long timestamp, String value) {}

    @JsonPropertyOrder({"v", "records"})
    record ParkedRecordsJson(Integer v, java.util.List<ParkedJson> records) {}

    private ParkedCodec() {}

    public static byte[] encode(ParkedRecords parked) {
        return Json.write(new ParkedRecordsJson(
                VERSION,
                parked.records()
                        .map(record -> new ParkedJson(record.timestamp(), record.value()))
                        .toJavaList()));
    }

    public static Either<String, ParkedRecords> decode(byte[] bytes) {
        return Json.read(bytes, ParkedRecordsJson.class)
                .flatMap(json -> Versions.check(json.v()).map(version -> json))
                .flatMap(json -> Fields.required(json.records(), "records"))
                .flatMap(records -> {
                    List<ParkedRecords.Parked> read = List.empty();
                    for (int i = 0; i < records.size(); i++) {
                        ParkedJson record = records.get(i);
                        if (record == null || record.timestamp() == null || record.value() == null) {
                            return Either.left("field 'records[" + i + "]' needs a timestamp and a value");
                        }
                        read = read.append(new ParkedRecords.Parked(record.timestamp(), record.value()));
                    }
                    return Either.right(new ParkedRecords(read));
                });
    }
}
