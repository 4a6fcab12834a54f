package io.omnisync.adapters.configjson;

import java.util.regex.Pattern;

/** Jackson's messages made readable for an administrator: no source dumps, no character codes. */
public final class Messages {

    private static final Pattern START_MARKER =
            Pattern.compile("\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern SOURCE = Pattern.compile("\\s*at \\[Source: [^\\]]*\\]");
    private static final Pattern CHARACTER_CODE = Pattern.compile(" \\(code \\d+\\)");
    private static final int SHORT = 40;

    private Messages() {}

    public static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        String text = message.lines().findFirst().orElse(message).strip();
        text = START_MARKER.matcher(text).replaceAll("(opened at line $1, column $2)");
        text = SOURCE.matcher(text).replaceAll("");
        text = CHARACTER_CODE.matcher(text).replaceAll("");
        return text;
    }

    static String shorten(String text) {
        return text.length() <= SHORT ? text : text.substring(0, SHORT) + "...";
    }

    /** Drops a byte order mark, which some editors write and JSON parsers refuse. */
    public static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }
}
