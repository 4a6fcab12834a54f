package io.omnisync.adapters.configjson;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configuration file of SPEC section 6: read into a {@link ConfigurationDraft} with the line
 * of every element, or a {@link ReadError} naming file, line, column and field. Strict: an unknown
 * field, a key written twice, a value of the wrong type (no text for a number, no number for a
 * name, no fraction for a whole number), a null inside a list or a mapping table, an unknown enum
 * name, time zone or time, and malformed JSON are errors, never ignored or guessed. A null field
 * reads as a missing one (the domain's validation then names what is missing); a presence sync rule
 * written without {@code enabled} is enabled. Bad input never throws: it is a {@link ReadError}.
 */
public final class JsonConfigurationFile {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // "id": 42 or "name": true are mistakes in a file of names, not names to guess.
            .withCoercionConfig(
                    LogicalType.Textual,
                    config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            // ["Voice", null] or {"On_Call": null}: a hole the domain cannot name; say so where it is.
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** Written the way the specification and the examples write it: {@code "key": value}, {@code []}. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""));

    private JsonConfigurationFile() {}

    /** A configuration as written, and where each of its elements is in the file. */
    public record Parsed(ConfigurationDraft draft, LineIndex lines) {}

    /** Reads a configuration file; a file that cannot be read is a {@link ReadError} at line 0. */
    public static Either<ReadError, Parsed> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Either.left(new ReadError(
                    file.toString(),
                    0,
                    0,
                    "",
                    "cannot read the file (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"));
        }
        return parse(text, file.toString());
    }

    /** Reads configuration text; {@code fileName} is what errors call it. */
    public static Either<ReadError, Parsed> parse(String text, String fileName) {
        String json = Messages.withoutByteOrderMark(text == null ? "" : text);
        if (json.isBlank()) {
            return Either.left(
                    new ReadError(fileName, 1, 1, "", "the file is empty; a configuration is a JSON object"));
        }
        return LineIndex.scan(json)
                .mapLeft(located -> located.in(fileName))
                .flatMap(lines -> bind(json, lines).mapLeft(located -> located.in(fileName)));
    }

    /** The draft in the same format, so that what is written reads back equal. */
    public static String write(ConfigurationDraft draft) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(DocumentMapping.fromDraft(draft)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a configuration draft did not serialise", e);
        }
    }

    private static Either<LineIndex.Located, Parsed> bind(String json, LineIndex lines) {
        ConfigurationDocument document;
        try {
            document = MAPPER.readValue(json, ConfigurationDocument.class);
        } catch (JsonMappingException e) {
            return Either.left(bindingError(e, lines));
        } catch (JacksonException e) {
            JsonLocation location = e.getLocation();
            return Either.left(new LineIndex.Located(
                    location == null ? 0 : Math.max(0, location.getLineNr()),
                    location == null ? 0 : Math.max(0, location.getColumnNr()),
                    "",
                    "malformed JSON: " + Messages.clean(e.getOriginalMessage())));
        }
        if (document == null) {
            return Either.left(new LineIndex.Located(1, 1, "", "a configuration is a JSON object, not null"));
        }
        try {
            return Either.right(new Parsed(DocumentMapping.toDraft(document), lines));
        } catch (DocumentMapping.Bad bad) {
            Optional<LineIndex.Entry> entry = lines.closest(bad.path);
            return Either.left(new LineIndex.Located(
                    entry.map(LineIndex.Entry::line).orElse(0),
                    entry.map(LineIndex.Entry::column).orElse(0),
                    bad.path,
                    bad.getMessage()));
        }
    }

    /** What Jackson could not bind, said in the file's terms: the path, what was expected, what was found. */
    static LineIndex.Located bindingError(JsonMappingException e, LineIndex lines) {
        List<JsonMappingException.Reference> references = e.getPath();
        String path = path(references);
        Optional<LineIndex.Entry> exact = lines.at(path);
        Optional<LineIndex.Entry> entry = exact.isPresent() ? exact : lines.closest(path);
        JsonLocation location = e.getLocation();
        int line = entry.map(LineIndex.Entry::line).orElse(location == null ? 0 : Math.max(location.getLineNr(), 0));
        int column =
                entry.map(LineIndex.Entry::column).orElse(location == null ? 0 : Math.max(location.getColumnNr(), 0));
        String found = exact.map(LineIndex.Entry::found).orElse("");
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            String parent = path(references.subList(0, Math.max(references.size() - 1, 0)));
            String known = unknown.getKnownPropertyIds() == null
                    ? ""
                    : unknown.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", "));
            message = "unknown field '" + unknown.getPropertyName() + "' " + LineIndex.where(parent)
                    + (known.isEmpty() ? "" : " (known: " + known + ")");
        } else if (e instanceof InvalidNullException) {
            message = "null is not allowed at " + path + ": write a value, or leave the element out";
        } else if (path.isEmpty() && e instanceof MismatchedInputException) {
            message = "a configuration is a JSON object" + (found.isEmpty() ? "" : ", not " + found);
        } else if (e instanceof MismatchedInputException mismatch) {
            message = "wrong type at " + path + ": expected " + expected(mismatch.getTargetType())
                    + (found.isEmpty() ? "" : ", found " + found);
        } else if (String.valueOf(e.getOriginalMessage()).contains("out of range")) {
            message = "number out of range at " + path + (found.isEmpty() ? "" : ": " + found);
        } else {
            message = "wrong value at " + path + ": " + Messages.clean(e.getOriginalMessage());
        }
        return new LineIndex.Located(line, column, path, message);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of names";
        }
        return "an object";
    }

    /** Jackson's path in the domain's syntax: {@code agents[0].permissionSets[1]}, {@code integration.omniToTalkdesk.On_Call}. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
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
