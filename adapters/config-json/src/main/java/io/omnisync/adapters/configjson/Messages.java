package io.omnisync.adapters.configjson;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's and Java's messages made readable for an administrator: no source dumps, no character
 * codes, no class or method names; a position in the file wherever there is one.
 */
public final class Messages {

    private static final Pattern START_MARKER =
            Pattern.compile("\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern SOURCE = Pattern.compile("\\s*at \\[Source: [^\\]]*\\]");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern CHARACTER_CODE = Pattern.compile(" \\(code \\d+\\)");
    /** "Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)". */
    private static final Pattern CONSTRAINT = Pattern.compile(
            "(.*?) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+), from `StreamReadConstraints\\.(\\w+)\\(\\)`\\)");

    /** A Java name between back quotes, as Jackson writes its settings: {@code `StreamReadFeature.X`}. */
    private static final Pattern JAVA_NAME = Pattern.compile(",? ?(from )?`[A-Za-z_$][\\w$]*(\\.[\\w$]+)+(\\(\\))?`");

    private static final int SHORT = 40;

    private Messages() {}

    public static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        String text = message.lines().findFirst().orElse(message).strip();
        text = START_MARKER.matcher(text).replaceAll("(opened at line $1, column $2)");
        text = SOURCE.matcher(text).replaceAll("");
        Matcher control = CONTROL_CHARACTER.matcher(text);
        StringBuilder spelled = new StringBuilder();
        while (control.find()) {
            control.appendReplacement(
                    spelled,
                    Matcher.quoteReplacement(String.format(
                            Locale.ROOT, "(the control character U+%04X)", Integer.parseInt(control.group(1)))));
        }
        control.appendTail(spelled);
        text = CHARACTER_CODE.matcher(spelled).replaceAll("");
        // no method or class names, as Jackson writes them between back quotes
        return JAVA_NAME.matcher(text).replaceAll("");
    }

    /**
     * Why the parser stopped, at its position: malformed JSON, or one of the reader's limits
     * (nesting, length of a text, a number or a name) said as a sentence with its line and column.
     */
    static LineIndex.Located stopped(JacksonException e, JsonParser parser) {
        JsonLocation location = e.getLocation();
        if (location == null && parser != null) {
            location = parser.currentLocation();
        }
        int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
        int column = location == null ? 0 : Math.max(location.getColumnNr(), 0);
        String message = e instanceof StreamConstraintsException
                ? limit(e.getOriginalMessage(), line, column)
                : "malformed JSON: " + clean(e.getOriginalMessage());
        return new LineIndex.Located(line, column, "", message);
    }

    /** A limit of the JSON reader, in words: "lists and objects nested more than 1000 deep at line 3, column 9". */
    static String limit(String message, int line, int column) {
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        Matcher constraint = CONSTRAINT.matcher(message == null ? "" : message);
        if (!constraint.matches()) {
            return "the JSON is beyond what the reader accepts" + where + ": " + clean(message);
        }
        String most = constraint.group(3);
        String what = switch (constraint.group(4)) {
            case "getMaxNestingDepth" ->
                "lists and objects nested more than " + most + " levels deep (a configuration needs six)";
            case "getMaxStringLength" -> "a text longer than " + most + " characters";
            case "getMaxNumberLength" -> "a number longer than " + most + " digits";
            case "getMaxNameLength" -> "a field name longer than " + most + " characters";
            case "getMaxDocumentLength" -> "more than " + most + " characters of JSON";
            case "getMaxTokenCount" -> "more than " + most + " JSON values and names";
            default -> constraint.group(1).toLowerCase(Locale.ROOT) + " above " + most;
        };
        return "too much for a configuration: " + what + where;
    }

    /** Why a file could not be read, without Java's class names: "no such file", "permission denied"... */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of its path is not a folder";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        String reason = e instanceof FileSystemException system ? system.getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) {
            return "the system could not read it";
        }
        reason = reason.strip();
        return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }

    static String shorten(String text) {
        return text.length() <= SHORT ? text : text.substring(0, SHORT) + "...";
    }

    /** Drops a byte order mark, which some editors write and JSON parsers refuse. */
    public static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }
}
