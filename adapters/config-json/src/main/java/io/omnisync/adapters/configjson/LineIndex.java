package io.omnisync.adapters.configjson;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vavr.control.Either;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each element of a JSON file is, by the paths the domain writes in its problems:
 * {@code agents[0].profile}, {@code omniChannel.presenceStatuses[2].channels[1]},
 * {@code integration.omniToTalkdesk.On_Call} (a key of a mapping table may hold any character but
 * '.'). Built in one streaming pass over the text, which also catches what binding cannot say
 * precisely: malformed JSON, a key written twice, content after the closing brace.
 *
 * <p>A path that names an element the file does not write (a missing field, say
 * {@code agents[0].profile} when the agent has no profile) is placed at its closest enclosing
 * element; a path none of whose parts is in the file has no line.
 */
public final class LineIndex {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final Map<String, Entry> entries;

    private LineIndex(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static LineIndex empty() {
        return new LineIndex(Map.of());
    }

    /** The line where the element at {@code path} starts, or that of its closest enclosing element. */
    public Optional<Integer> lineOf(String path) {
        return closest(path).map(Entry::line);
    }

    /** Line, column and what the file holds at exactly {@code path}; empty when it is not in the file. */
    public Optional<Entry> at(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    /** The entry at {@code path}, or at its closest enclosing element. */
    Optional<Entry> closest(String path) {
        String at = path == null ? "" : path;
        while (!at.isEmpty()) {
            Entry entry = entries.get(at);
            if (entry != null) {
                return Optional.of(entry);
            }
            at = parent(at);
        }
        return Optional.empty();
    }

    /**
     * The path one level up: {@code a.b[2]} → {@code a.b}, {@code a.b} → {@code a}, {@code a} → "".
     * A trailing index is cut first, so that a map key containing '[' is not split.
     */
    static String parent(String path) {
        if (path.endsWith("]")) {
            int open = path.lastIndexOf('[');
            if (open > 0 && path.substring(open + 1, path.length() - 1).chars().allMatch(Character::isDigit)) {
                return path.substring(0, open);
            }
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /**
     * Scans {@code json}: the index of its elements, or why it is not one well-formed JSON value
     * (malformed, a key written twice in the same object, content after the end).
     */
    public static Either<Located, LineIndex> scan(String json) {
        Map<String, Entry> entries = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(json)) {
            Deque<Frame> stack = new ArrayDeque<>();
            String pendingField = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonLocation location = parser.currentTokenLocation();
                if (token == JsonToken.FIELD_NAME) {
                    pendingField = parser.currentName();
                    Frame object = stack.peek();
                    String path = child(object.path, pendingField);
                    if (!object.names.add(pendingField)) {
                        return Either.left(new Located(
                                location.getLineNr(),
                                location.getColumnNr(),
                                path,
                                "duplicate field '" + pendingField + "' " + where(object.path)
                                        + ": each field may be written once"));
                    }
                    entries.put(path, new Entry(location.getLineNr(), location.getColumnNr()));
                    continue;
                }
                if (stack.isEmpty() && !entries.isEmpty()) {
                    return Either.left(new Located(
                            location.getLineNr(),
                            location.getColumnNr(),
                            "",
                            "unexpected content after the end of the JSON value"));
                }
                String here = stack.isEmpty() ? "" : elementPath(stack.peek(), pendingField);
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.pop();
                    pendingField = null;
                    continue;
                }
                Entry entry = entries.get(here);
                if (entry == null || (!stack.isEmpty() && stack.peek().array)) {
                    entry = new Entry(location.getLineNr(), location.getColumnNr());
                    entries.put(here, entry);
                }
                entry.found = describe(token, parser);
                if (!stack.isEmpty() && stack.peek().array) {
                    stack.peek().index++;
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    stack.push(new Frame(here, token == JsonToken.START_ARRAY));
                }
                pendingField = null;
            }
        } catch (JacksonException e) {
            JsonLocation location = e.getLocation();
            return Either.left(new Located(
                    location == null ? 0 : Math.max(location.getLineNr(), 0),
                    location == null ? 0 : Math.max(location.getColumnNr(), 0),
                    "",
                    "malformed JSON: " + Messages.clean(e.getOriginalMessage())));
        } catch (IOException e) {
            return Either.left(new Located(0, 0, "", "cannot read the JSON (" + e.getMessage() + ")"));
        }
        return Either.right(new LineIndex(entries));
    }

    /** "at talkdesk", "at the top level". */
    static String where(String path) {
        return path.isEmpty() ? "at the top level" : "at " + path;
    }

    private static String child(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    private static String elementPath(Frame frame, String field) {
        if (frame.array) {
            return frame.path + "[" + frame.index + "]";
        }
        return field == null ? frame.path : child(frame.path, field);
    }

    private static String describe(JsonToken token, JsonParser parser) throws IOException {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "the text \"" + Messages.shorten(parser.getText()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + Messages.shorten(parser.getText());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    /** Where an element is (line and column from 1), and what value the file holds there. */
    public static final class Entry {
        private final int line;
        private final int column;
        private String found = "nothing";

        Entry(int line, int column) {
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** "the text \"yes\"", "the number 4.5", "a list", "null"... */
        public String found() {
            return found;
        }
    }

    /** What went wrong, where (line and column from 1; 0 when unknown) and at which path. */
    public record Located(int line, int column, String path, String message) {

        ReadError in(String file) {
            return new ReadError(file, line, column, path, message);
        }
    }

    private static final class Frame {
        final String path;
        final boolean array;
        final Set<String> names = new HashSet<>();
        int index;

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }
}
