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
 * '.'). A field is where its name is written; a list's element and the top-level value where they
 * start.
 *
 * <p>A path that names an element the file does not write (a missing field, say
 * {@code agents[0].profile} when the agent has no profile) is placed at its closest enclosing
 * element; a path none of whose parts is in the file has no line.
 *
 * <p>Cheap enough for a million agents: the elements are a tree kept in flat arrays (line,
 * column, the field's name, shared with the parser, and the children), about 20 bytes an element,
 * and a path is found by walking it from the top, never by building path strings.
 */
public final class LineIndex {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final int ROOT = 0;
    /** Objects with more fields than this find a field by hashing rather than by looking at each. */
    private static final int FEW_FIELDS = 16;

    private final int size;
    private final Pages.Ints lines;
    private final Pages.Ints columns;
    private final Pages.Objects<String> names;
    private final Pages.Objects<String> found;
    /** The children of element {@code n} are {@code children[firstChild[n]]} up to {@code children[firstChild[n + 1]]}. */
    private final int[] firstChild;

    private final int[] children;
    private final Map<Integer, Map<String, Integer>> fieldsOfBigObjects;

    private LineIndex(Builder built) {
        this.size = built.size;
        this.lines = built.lines;
        this.columns = built.columns;
        this.names = built.names;
        this.found = built.found;
        this.firstChild = new int[size + 1];
        this.children = new int[Math.max(size - 1, 0)];
        for (int node = 1; node < size; node++) {
            firstChild[built.parents.get(node) + 1]++;
        }
        for (int node = 0; node < size; node++) {
            firstChild[node + 1] += firstChild[node];
        }
        int[] next = new int[size];
        for (int node = 1; node < size; node++) {
            int parent = built.parents.get(node);
            children[firstChild[parent] + next[parent]++] = node;
        }
        Map<Integer, Map<String, Integer>> big = new HashMap<>();
        for (int node = 0; node < size; node++) {
            int count = firstChild[node + 1] - firstChild[node];
            if (count > FEW_FIELDS && names.get(children[firstChild[node]]) != null) {
                Map<String, Integer> fields = new HashMap<>();
                for (int i = firstChild[node]; i < firstChild[node + 1]; i++) {
                    fields.putIfAbsent(names.get(children[i]), children[i]);
                }
                big.put(node, fields);
            }
        }
        this.fieldsOfBigObjects = big;
    }

    static LineIndex empty() {
        return new Builder(false).build();
    }

    /** The line where the element at {@code path} starts, or that of its closest enclosing element. */
    public Optional<Integer> lineOf(String path) {
        return closest(path).map(Entry::line);
    }

    /** Line, column and what the file holds at exactly {@code path}; empty when it is not in the file. */
    public Optional<Entry> at(String path) {
        Walk walk = walk(path == null ? "" : path);
        return walk.exact ? Optional.of(entry(walk.node)) : Optional.empty();
    }

    /** The entry at {@code path}, or at its closest enclosing element; never the top-level value itself. */
    Optional<Entry> closest(String path) {
        Walk walk = walk(path == null ? "" : path);
        return walk.node > ROOT ? Optional.of(entry(walk.node)) : Optional.empty();
    }

    private Entry entry(int node) {
        String what = found == null ? null : found.get(node);
        return new Entry(lines.get(node), columns.get(node), what == null ? "nothing" : what);
    }

    private record Walk(int node, boolean exact) {}

    /** As far down {@code path} as the file goes: the element reached, and whether that is all of the path. */
    private Walk walk(String path) {
        if (size == 0) {
            return new Walk(-1, false);
        }
        int node = ROOT;
        int at = 0;
        while (at < path.length()) {
            int count = firstChild[node + 1] - firstChild[node];
            if (count == 0) {
                break;
            }
            boolean list = names.get(children[firstChild[node]]) == null;
            int child = -1;
            int after = -1;
            if (list) {
                int close = path.indexOf(']', at);
                if (path.charAt(at) == '[' && close > at + 1) {
                    int index = index(path, at + 1, close);
                    if (index >= 0 && index < count) {
                        child = children[firstChild[node] + index];
                        after = close + 1;
                    }
                }
            } else {
                int start = node == ROOT ? at : path.charAt(at) == '.' ? at + 1 : -1;
                if (start >= 0) {
                    child = field(node, path, start);
                    after = child < 0 ? -1 : start + names.get(child).length();
                }
            }
            if (child < 0) {
                break;
            }
            node = child;
            at = after;
        }
        return new Walk(node, at == path.length());
    }

    /** The field of {@code object} whose name is written at {@code start} of the path, the longest if several. */
    private int field(int object, String path, int start) {
        Map<String, Integer> big = fieldsOfBigObjects.get(object);
        if (big != null) {
            int end = start;
            while (end < path.length() && path.charAt(end) != '.') {
                end++;
            }
            // a key may hold '[': try the longest name first, then shorter ones cut at a '['
            for (int cut = end; cut >= start; cut = path.lastIndexOf('[', cut - 1)) {
                Integer found = big.get(path.substring(start, cut));
                if (found != null) {
                    return found;
                }
                if (cut == start) {
                    break;
                }
            }
            return -1;
        }
        int best = -1;
        for (int i = firstChild[object]; i < firstChild[object + 1]; i++) {
            String name = names.get(children[i]);
            int end = start + name.length();
            if (path.startsWith(name, start)
                    && (end == path.length() || path.charAt(end) == '.' || path.charAt(end) == '[')
                    && (best < 0 || name.length() > names.get(best).length())) {
                best = children[i];
            }
        }
        return best;
    }

    private static int index(String path, int from, int to) {
        int index = 0;
        for (int i = from; i < to; i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9' || index > (Integer.MAX_VALUE - 9) / 10) {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    /**
     * Scans {@code json}: the index of its elements, each with what the file holds there, or why it
     * is not one well-formed JSON value (malformed, a key written twice in the same object, content
     * after the end).
     */
    public static Either<Located, LineIndex> scan(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            try {
                return scanned(parser);
            } catch (JacksonException e) {
                return Either.left(Messages.stopped(e, parser));
            }
        } catch (IOException e) {
            return Either.left(new Located(0, 0, "", "cannot read the JSON: " + Messages.reason(e)));
        }
    }

    private static Either<Located, LineIndex> scanned(JsonParser parser) throws IOException {
        Builder index = new Builder(true);
        Deque<Frame> stack = new ArrayDeque<>();
        int field = -1;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            JsonLocation location = parser.currentTokenLocation();
            if (token == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                Frame object = stack.peek();
                if (!object.names.add(name)) {
                    return Either.left(new Located(
                            location.getLineNr(),
                            location.getColumnNr(),
                            child(object.path, name),
                            "duplicate field '" + name + "' " + where(object.path)
                                    + ": each field may be written once"));
                }
                field = index.add(object.node, name, location.getLineNr(), location.getColumnNr());
                continue;
            }
            if (stack.isEmpty() && index.size > 0) {
                return Either.left(new Located(
                        location.getLineNr(),
                        location.getColumnNr(),
                        "",
                        "unexpected content after the end of the JSON value"));
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                stack.pop();
                field = -1;
                continue;
            }
            Frame parent = stack.peek();
            int node;
            String path;
            if (parent == null) {
                node = index.add(-1, null, location.getLineNr(), location.getColumnNr());
                path = "";
            } else if (parent.array) {
                node = index.add(parent.node, null, location.getLineNr(), location.getColumnNr());
                path = parent.path + "[" + parent.index++ + "]";
            } else {
                node = field;
                path = child(parent.path, index.names.get(field));
            }
            index.found(node, describe(token, parser));
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                stack.push(new Frame(path, node, token == JsonToken.START_ARRAY));
            }
            field = -1;
        }
        return Either.right(index.build());
    }

    /** "at talkdesk", "at the top level". */
    static String where(String path) {
        return path.isEmpty() ? "at the top level" : "at " + path;
    }

    static String child(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** What a token is, in words: "the text \"yes\"", "the number 4.5", "a list", "null"... */
    static String describe(JsonToken token, JsonParser parser) throws IOException {
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
        private final String found;

        Entry(int line, int column, String found) {
            this.line = line;
            this.column = column;
            this.found = found;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** "the text \"yes\"", "the number 4.5", "a list", "null"... ("nothing" when not recorded). */
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

    /**
     * The index as a file is read, element by element in the order they are written: the top-level
     * value first (parent -1), then each field and list element under its parent.
     */
    static final class Builder {
        private final Pages.Ints lines = new Pages.Ints();
        private final Pages.Ints columns = new Pages.Ints();
        private final Pages.Ints parents = new Pages.Ints();
        private final Pages.Objects<String> names = new Pages.Objects<>();
        private final Pages.Objects<String> found;
        private int size;

        /** {@code describing}: keep what the file holds at each element, for messages about a few short lines. */
        Builder(boolean describing) {
            this.found = describing ? new Pages.Objects<>() : null;
        }

        /** A new element: a field (named) or a list element or the top-level value (no name). */
        int add(int parent, String name, int line, int column) {
            lines.add(line);
            columns.add(column);
            parents.add(parent);
            names.add(name);
            if (found != null) {
                found.add(null);
            }
            return size++;
        }

        void found(int node, String what) {
            if (found != null) {
                found.set(node, what);
            }
        }

        LineIndex build() {
            return new LineIndex(this);
        }
    }

    private static final class Frame {
        final String path;
        final int node;
        final boolean array;
        final Set<String> names = new HashSet<>();
        int index;

        Frame(String path, int node, boolean array) {
            this.path = path;
            this.node = node;
            this.array = array;
        }
    }

    /** Growable arrays in pages of 64 Ki entries: no copy of everything read so far when they grow. */
    static final class Pages {
        private static final int SHIFT = 16;
        private static final int PAGE = 1 << SHIFT;
        private static final int MASK = PAGE - 1;

        private Pages() {}

        static final class Ints {
            private int[][] pages = new int[1][];
            private int size;

            void add(int value) {
                int page = size >>> SHIFT;
                if (page == pages.length) {
                    pages = java.util.Arrays.copyOf(pages, pages.length * 2);
                }
                if (pages[page] == null) {
                    pages[page] = new int[page == 0 ? 64 : PAGE];
                } else if (page == 0 && (size & MASK) == pages[0].length) {
                    pages[0] = java.util.Arrays.copyOf(pages[0], Math.min(pages[0].length * 4, PAGE));
                }
                pages[page][size & MASK] = value;
                size++;
            }

            int get(int index) {
                return pages[index >>> SHIFT][index & MASK];
            }
        }

        static final class Objects<T> {
            private Object[][] pages = new Object[1][];
            private int size;

            void add(T value) {
                int page = size >>> SHIFT;
                if (page == pages.length) {
                    pages = java.util.Arrays.copyOf(pages, pages.length * 2);
                }
                if (pages[page] == null) {
                    pages[page] = new Object[page == 0 ? 64 : PAGE];
                } else if (page == 0 && (size & MASK) == pages[0].length) {
                    pages[0] = java.util.Arrays.copyOf(pages[0], Math.min(pages[0].length * 4, PAGE));
                }
                pages[page][size & MASK] = value;
                size++;
            }

            void set(int index, T value) {
                pages[index >>> SHIFT][index & MASK] = value;
            }

            @SuppressWarnings("unchecked")
            T get(int index) {
                return (T) pages[index >>> SHIFT][index & MASK];
            }
        }
    }
}
