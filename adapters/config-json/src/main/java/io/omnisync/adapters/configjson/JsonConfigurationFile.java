package io.omnisync.adapters.configjson;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The configuration file of SPEC section 6: read into a {@link ConfigurationDraft} with the line
 * of every element, or a {@link ReadError} naming file, line and field. Strict: an unknown field,
 * a duplicated key, a value of the wrong type or malformed JSON is an error, never ignored.
 */
public final class JsonConfigurationFile {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonConfigurationFile() {
    }

    /** A configuration as written, and where each of its elements is in the file. */
    public record Parsed(ConfigurationDraft draft, LineIndex lines) {
    }

    public static Either<ReadError, Parsed> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Either.left(new ReadError(file.toString(), 0, 0, "", "cannot read the file ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"));
        }
        return parse(text, file.toString());
    }

    public static Either<ReadError, Parsed> parse(String text, String fileName) {
        ConfigurationDocument document;
        LineIndex lines = LineIndex.empty();
        try {
            lines = LineIndex.of(text);
            document = MAPPER.readValue(text, ConfigurationDocument.class);
        } catch (JacksonException e) {
            return Either.left(error(fileName, e, lines));
        } catch (IOException e) {
            return Either.left(new ReadError(fileName, 0, 0, "", e.getMessage()));
        }
        if (document == null) {
            return Either.left(new ReadError(fileName, 1, 1, "", "the file is empty; a configuration is a JSON object"));
        }
        try {
            return Either.right(new Parsed(DocumentMapping.toDraft(document), lines));
        } catch (DocumentMapping.Bad bad) {
            return Either.left(new ReadError(fileName, lines.lineOf(bad.path).orElse(0), 0, bad.path,
                    bad.getMessage()));
        }
    }

    /** The draft in the same format, so that what is written reads back equal. */
    public static String write(ConfigurationDraft draft) {
        try {
            return MAPPER.writeValueAsString(DocumentMapping.fromDraft(draft));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a configuration draft did not serialise", e);
        }
    }

    static ReadError error(String fileName, JacksonException e, LineIndex lines) {
        JsonLocation location = e.getLocation();
        String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
        var indexed = path.isEmpty() ? java.util.Optional.<Integer>empty() : lines.lineOf(path);
        int line = indexed.orElse(location == null ? 0 : Math.max(location.getLineNr(), 0));
        int column = indexed.isPresent() || location == null ? 0 : Math.max(location.getColumnNr(), 0);
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "the top level";
            message = "unknown field '" + unknown.getPropertyName() + "' in " + parent
                    + (known.isEmpty() ? "" : " (known: " + known + ")");
        } else if (e instanceof JsonMappingException) {
            message = "wrong value: " + e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", "")
                    .replaceAll("`[a-z.]+\\.([A-Za-z$]+)`", "$1");
        } else {
            message = "malformed JSON: " + e.getOriginalMessage();
        }
        return new ReadError(fileName, line, column, path, message);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
