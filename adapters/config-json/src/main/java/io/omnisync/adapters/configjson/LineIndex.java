package io.omnisync.adapters.configjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each element of a JSON file starts, by the paths the domain writes in its problems:
 * {@code agents[0].profile}, {@code integration.omniToTalkdesk.On_Call}. A path not found falls
 * back to its closest enclosing element.
 */
public final class LineIndex {

    private final Map<String, Integer> lines;

    private LineIndex(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static LineIndex empty() {
        return new LineIndex(Map.of());
    }

    static LineIndex of(String json) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            Deque<Frame> stack = new ArrayDeque<>();
            String pendingField = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    pendingField = parser.currentName();
                    lines.putIfAbsent(child(stack, pendingField), line);
                    continue;
                }
                String here = stack.isEmpty() ? "" : elementPath(stack, pendingField);
                if (!stack.isEmpty() && stack.peek().array) {
                    lines.putIfAbsent(here, line);
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (!stack.isEmpty() && stack.peek().array) {
                        stack.peek().index++;
                    }
                    stack.push(new Frame(here, token == JsonToken.START_ARRAY));
                    pendingField = null;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.pop();
                    pendingField = null;
                } else if (!stack.isEmpty() && stack.peek().array) {
                    stack.peek().index++;
                }
            }
        }
        return new LineIndex(lines);
    }

    /** The line where the element at {@code path} starts, or that of its closest enclosing element. */
    public Optional<Integer> lineOf(String path) {
        String at = path;
        while (!at.isEmpty()) {
            Integer line = lines.get(at);
            if (line != null) {
                return Optional.of(line);
            }
            int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
            at = cut < 0 ? "" : at.substring(0, cut);
        }
        return Optional.empty();
    }

    private static String child(Deque<Frame> stack, String field) {
        String parent = stack.isEmpty() ? "" : stack.peek().path;
        return parent.isEmpty() ? field : parent + "." + field;
    }

    private static String elementPath(Deque<Frame> stack, String field) {
        Frame frame = stack.peek();
        if (frame.array) {
            return frame.path + "[" + frame.index + "]";
        }
        return field == null ? frame.path : child(stack, field);
    }

    private static final class Frame {
        final String path;
        final boolean array;
        int index;

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }
}
