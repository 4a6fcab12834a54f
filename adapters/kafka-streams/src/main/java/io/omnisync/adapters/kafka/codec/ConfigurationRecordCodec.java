package io.omnisync.adapters.kafka.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.omnisync.application.store.ConfigurationCodec;
import io.vavr.control.Either;
import java.util.Objects;

/**
 * The values of the configuration topic, version {@value #VERSION}:
 * {@code {"v":1,"change":"replace","basedOn":11,"configuration":{ ...the configuration file (SPEC 6)... }}}.
 * The configuration itself is written and read by the application's {@link ConfigurationCodec} (the JSON
 * configuration adapter in a deployment), so it is the file an admin wrote, run-time settings included.
 */
public final class ConfigurationRecordCodec {

    public static final int VERSION = 1;

    @JsonPropertyOrder({"v", "change", "basedOn", "configuration"})
    record ConfigurationJson(Integer v, String change, Long basedOn, JsonNode configuration) {}

    private final ConfigurationCodec configurations;

    public ConfigurationRecordCodec(ConfigurationCodec configurations) {
        this.configurations = Objects.requireNonNull(configurations, "configurations");
    }

    public byte[] encode(ConfigurationRecord record) {
        JsonNode configuration;
        try {
            configuration = Json.MAPPER.readTree(configurations.encode(record.draft()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the configuration codec wrote something that is not JSON", e);
        }
        return Json.write(new ConfigurationJson(
                VERSION,
                record.change(),
                record.basedOn() == ConfigurationRecord.NONE ? null : record.basedOn(),
                configuration));
    }

    /** The record, or a sentence saying why it cannot be read (the configuration's own errors included). */
    public Either<String, ConfigurationRecord> decode(byte[] bytes) {
        return Json.read(bytes, ConfigurationJson.class)
                .flatMap(json -> Versions.check(json.v()).map(version -> json))
                .flatMap(json -> Fields.required(json.configuration(), "configuration")
                        .flatMap(configuration -> configurations
                                .decode(configuration.toString())
                                .mapLeft(problem -> "field 'configuration': " + problem))
                        .map(draft -> new ConfigurationRecord(
                                draft,
                                json.basedOn() == null ? ConfigurationRecord.NONE : json.basedOn(),
                                json.change() == null ? "replace" : json.change())));
    }
}
