package io.omnisync.domain.configuration;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * Characters that cannot be seen or that break a line: what an id or a name must not hold. Ids
 * are matched character for character between the file, the vendors and the timeline, so an
 * invisible character makes two ids that look the same differ, and a line break or a tab breaks
 * the one-line human timeline.
 *
 * <p>An id refuses every control (Cc), format (Cf), line or paragraph separator (Zl, Zp) and lone
 * surrogate (Cs) character: a newline, a tab, NUL, a zero-width space (U+200B), a byte order mark
 * (U+FEFF), a bidirectional override. A label (a Talkdesk status's {@code name}, a presence status's
 * or a channel's {@code label}) is only shown, and may hold the joiners and direction marks that
 * Persian, Indic scripts and emoji need (U+200C to U+200F); it refuses the rest.
 */
final class VisibleText {

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int RIGHT_TO_LEFT_MARK = 0x200F;

    private VisibleText() {}

    /** The first code point an id must not hold, if any. */
    static OptionalInt hiddenInId(String text) {
        return first(text, false);
    }

    /** The first code point a label must not hold, if any. */
    static OptionalInt hiddenInLabel(String text) {
        return first(text, true);
    }

    private static OptionalInt first(String text, boolean label) {
        if (text == null) {
            return OptionalInt.empty();
        }
        for (int at = 0; at < text.length(); ) {
            int codePoint = text.codePointAt(at);
            if (isHidden(codePoint) && !(label && isWritingMark(codePoint))) {
                return OptionalInt.of(codePoint);
            }
            at += Character.charCount(codePoint);
        }
        return OptionalInt.empty();
    }

    static boolean isHidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }

    private static boolean isWritingMark(int codePoint) {
        return codePoint >= ZERO_WIDTH_NON_JOINER && codePoint <= RIGHT_TO_LEFT_MARK;
    }

    /** {@code U+200B (ZERO WIDTH SPACE)}. */
    static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        String number = String.format(Locale.ROOT, "U+%04X", codePoint);
        return name == null ? number : number + " (" + name + ")";
    }

    /** The text with each hidden character written as {@code \u200B}, so that a message shows where it is. */
    static String shown(String text) {
        if (text == null || hiddenInId(text).isEmpty()) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 8);
        for (int at = 0; at < text.length(); ) {
            int codePoint = text.codePointAt(at);
            if (isHidden(codePoint)) {
                shown.append(String.format(
                        Locale.ROOT, Character.isBmpCodePoint(codePoint) ? "\\u%04X" : "\\u{%X}", codePoint));
            } else {
                shown.appendCodePoint(codePoint);
            }
            at += Character.charCount(codePoint);
        }
        return shown.toString();
    }
}
