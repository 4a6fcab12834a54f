package io.omnisync.adapters.service.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * JSON in and out of the service with Jackson 2: request bodies read strictly (a key written twice or anything after
 * the value is malformed), and field readers whose errors name the field, as SPEC 10's 400 asks.
 */
public final class Json {

    /** One mapper for the service; Javalin is given it too. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** The body as a JSON object, or 400 saying where it is malformed. */
    public static ObjectNode objectOf(byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("malformed JSON"
                    + (e.getLocation() == null
                            ? ""
                            : " at line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr())
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("the body could not be read as JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** A string field that must be there and not be blank; {@code path} is how the message names it. */
    public static String text(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.badRequest("'" + path + "' is missing");
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("'" + path + "' must be a string");
        }
        if (value.asText().isBlank()) {
            throw ApiError.badRequest("'" + path + "' must not be blank");
        }
        return value.asText();
    }

    /** A string field that may be absent or null, but is a non-blank string when given. */
    public static Optional<String> optionalText(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(text(parent, field, path));
    }

    public static boolean bool(JsonNode parent, String field) {
        return optionalBool(parent, field).orElseThrow(() -> ApiError.badRequest("'" + field + "' is missing"));
    }

    public static Optional<Boolean> optionalBool(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiError.badRequest("'" + field + "' must be true or false");
        }
        return Optional.of(value.booleanValue());
    }

    /** An object field that must be there. */
    public static ObjectNode object(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.badRequest("'" + path + "' is missing");
        }
        if (!value.isObject()) {
            throw ApiError.badRequest("'" + path + "' must be a JSON object");
        }
        return (ObjectNode) value;
    }

    /** 400 naming the first field of {@code body} that is not one of {@code known}. */
    public static void onlyFields(ObjectNode body, Set<String> known) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ApiError.badRequest("unknown field '" + name + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialise", e);
        }
    }
}
