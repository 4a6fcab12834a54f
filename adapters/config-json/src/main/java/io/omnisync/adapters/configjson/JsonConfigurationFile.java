package io.omnisync.adapters.configjson;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The configuration file of SPEC section 6: read into a {@link ConfigurationDraft} with the line
 * of every element, or every {@link ReadError} one pass over the file can find, in the order of
 * the file, each naming file, line, column and field ({@link ConfigurationReader} says which).
 * An input is read as a stream, strictly UTF-8 and never past {@link InputText#LIMIT} bytes: a
 * file larger than that, or a device that never ends, is an error naming the limit. Bad input
 * never throws: it is a {@link ReadError}.
 */
public final class JsonConfigurationFile {

    /** Writes the file; reading is {@link ConfigurationReader}'s, on the parser below. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /**
     * The parser of configurations: Jackson's limits (nesting, length of a text, a number, a name)
     * as they are, said in words when met; field names not interned, since a wrong file may hold
     * millions of different ones.
     */
    private static final JsonFactory PARSERS = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
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

    /** Reads a configuration file: the first of its errors, or the configuration. */
    public static Either<ReadError, Parsed> read(Path file) {
        return readAll(file).mapLeft(Seq::head);
    }

    /** Reads configuration text; {@code fileName} is what errors call it. */
    public static Either<ReadError, Parsed> parse(String text, String fileName) {
        return parseAll(text, fileName).mapLeft(Seq::head);
    }

    /**
     * Reads a configuration file: every error one pass finds, in the order of the file, or the
     * configuration. A file that cannot be opened is one error at line 0; so is one larger than
     * the limit, which is judged before what the file holds.
     */
    public static Either<Seq<ReadError>, Parsed> readAll(Path file) {
        return readAll(file, InputText.LIMIT);
    }

    /** The same with another limit (tests). */
    static Either<Seq<ReadError>, Parsed> readAll(Path file, long limit) {
        String name = file.toString();
        boolean regular;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                return whole(name, "cannot read the file: it is a folder");
            }
            regular = attributes.isRegularFile();
            if (regular && attributes.size() > limit) {
                return tooLarge(name, limit);
            }
        } catch (IOException e) {
            return whole(name, "cannot read the file: " + Messages.reason(e));
        }
        try (InputStream opened = Files.newInputStream(file);
                InputText.Bounded bytes = new InputText.Bounded(opened, limit);
                Reader text = new InputText.Utf8Reader(bytes);
                JsonParser parser = PARSERS.createParser(text)) {
            ConfigurationReader reader = new ConfigurationReader(parser);
            try {
                reader.read();
            } catch (InputText.NotUtf8 e) {
                // a device or a pipe has no size to judge first: what is left of it is
                return !regular && bytes.restIsTooLarge() ? tooLarge(name, limit) : result(reader, name, notUtf8(e));
            }
            if (reader.stopped() && !regular && bytes.restIsTooLarge()) {
                return tooLarge(name, limit);
            }
            return result(reader, name, null);
        } catch (InputText.TooLarge e) {
            return tooLarge(name, limit);
        } catch (IOException e) {
            return whole(name, "cannot read the file: " + Messages.reason(e));
        }
    }

    /** The same for text in hand (the store's, a test's); {@code fileName} is what errors call it. */
    public static Either<Seq<ReadError>, Parsed> parseAll(String text, String fileName) {
        return parseAll(text, fileName, InputText.LIMIT);
    }

    /** The same with another limit (tests). */
    static Either<Seq<ReadError>, Parsed> parseAll(String text, String fileName, long limit) {
        String json = text == null ? "" : text;
        // UTF-8 takes at most 3 bytes a char: count only text that might be over
        if (json.length() > limit / 3 && utf8Length(json) > limit) {
            return tooLarge(fileName, limit);
        }
        try (JsonParser parser = PARSERS.createParser(Messages.withoutByteOrderMark(json))) {
            ConfigurationReader reader = new ConfigurationReader(parser);
            reader.read();
            return result(reader, fileName, null);
        } catch (IOException e) {
            return whole(fileName, "cannot read the text: " + Messages.reason(e));
        }
    }

    private static Either<Seq<ReadError>, Parsed> result(
            ConfigurationReader reader, String name, LineIndex.Located last) {
        java.util.List<LineIndex.Located> errors = reader.errors();
        if (errors.isEmpty() && last == null) {
            return Either.right(new Parsed(reader.draft().get(), reader.lines()));
        }
        List<ReadError> all = List.ofAll(errors).map(located -> located.in(name));
        return Either.left(last == null ? all : all.append(last.in(name)));
    }

    private static LineIndex.Located notUtf8(InputText.NotUtf8 e) {
        return new LineIndex.Located(
                e.line,
                e.column,
                "",
                "not UTF-8 text at line " + e.line + ", column " + e.column + ": a configuration is saved as UTF-8");
    }

    private static Either<Seq<ReadError>, Parsed> tooLarge(String name, long limit) {
        return whole(
                name,
                "larger than " + InputText.inWords(limit) + ", the most a configuration may hold (a million agents"
                        + " take about 250 MB): is it the right file?");
    }

    private static Either<Seq<ReadError>, Parsed> whole(String name, String message) {
        return Either.left(List.of(new ReadError(name, 0, 0, "", message)));
    }

    /** How many bytes {@code text} takes in UTF-8, without encoding it. */
    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The draft in the same format, so that what is written reads back equal. */
    public static String write(ConfigurationDraft draft) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(DocumentMapping.fromDraft(draft)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a configuration draft did not serialise", e);
        }
    }
}
