package io.omnisync.adapters.kafka.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * The mapper every record codec shares. Values are DTO records bound by Jackson; fields a newer
 * writer added are ignored (so an instance of the previous release reads what the next one writes
 * during a rolling upgrade), absent fields are left out rather than written as null.
 */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private Json() {}

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            // DTO records of strings and numbers always serialize: this is a bug
            throw new UncheckedIOException("could not write " + value.getClass().getSimpleName(), e);
        }
    }

    /** The bytes bound to {@code type}, or a sentence naming what is wrong and where. */
    static <T> Either<String, T> read(byte[] bytes, Class<T> type) {
        if (bytes == null) {
            return Either.left("no value (a tombstone)");
        }
        try {
            return Either.right(MAPPER.readValue(bytes, type));
        } catch (JsonMappingException e) {
            return Either.left(describe(e));
        } catch (IOException e) {
            return Either.left("not JSON: " + firstLine(e));
        }
    }

    private static String describe(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(reference ->
                        reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        return field.isEmpty() ? firstLine(e) : "field '" + field + "': " + firstLine(e);
    }

    private static String firstLine(IOException e) {
        String message = e instanceof JsonProcessingException processing
                ? processing.getOriginalMessage()
                : String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
