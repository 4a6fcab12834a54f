package io.omnisync.domain.rules;

import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Locale;

/**
 * Parses custom rule logic such as {@code 1 AND (2 OR NOT 3)}. NOT binds tighter than AND, AND
 * tighter than OR. Errors say which token, at which column, and what was expected; condition
 * numbers must be between 1 and the number of conditions.
 */
public final class LogicParser {

    /** Why a logic expression does not parse: the column (from 1), the token found, and a sentence. */
    public record LogicError(int column, String token, String message) {
        @Override
        public String toString() {
            return message + " at column " + column + (token.isEmpty() ? "" : " ('" + token + "')");
        }
    }

    private record Token(String text, int column) {}

    private final java.util.List<Token> tokens;
    private final int conditions;
    private final int end;
    private int position;

    private LogicParser(java.util.List<Token> tokens, int conditions, int end) {
        this.tokens = tokens;
        this.conditions = conditions;
        this.end = end;
    }

    public static Either<LogicError, Logic> parse(String text, int conditions) {
        Either<LogicError, java.util.List<Token>> tokens = tokenize(text);
        if (tokens.isLeft()) {
            return Either.left(tokens.getLeft());
        }
        if (tokens.get().isEmpty()) {
            return Either.left(new LogicError(1, "", "the logic is empty; write condition numbers with AND, OR, NOT"));
        }
        LogicParser parser = new LogicParser(tokens.get(), conditions, text.length() + 1);
        try {
            Logic logic = parser.or();
            if (parser.position < parser.tokens.size()) {
                Token extra = parser.tokens.get(parser.position);
                return Either.left(
                        new LogicError(extra.column(), extra.text(), "expected AND, OR or the end of the logic"));
            }
            return Either.right(logic);
        } catch (Failure failure) {
            return Either.left(failure.error);
        }
    }

    private Logic or() {
        Logic left = and();
        while (accept("OR")) {
            left = new Logic.Or(left, and());
        }
        return left;
    }

    private Logic and() {
        Logic left = not();
        while (accept("AND")) {
            left = new Logic.And(left, not());
        }
        return left;
    }

    private Logic not() {
        if (accept("NOT")) {
            return new Logic.Not(not());
        }
        return primary();
    }

    private Logic primary() {
        if (position >= tokens.size()) {
            throw new Failure(new LogicError(end, "", "the logic ends where a condition number or '(' is expected"));
        }
        Token token = tokens.get(position++);
        if (token.text().equals("(")) {
            Logic inner = or();
            if (!accept(")")) {
                Token at = position < tokens.size() ? tokens.get(position) : new Token("", end);
                throw new Failure(new LogicError(at.column(), at.text(), "a '(' is not closed"));
            }
            return inner;
        }
        if (token.text().chars().allMatch(Character::isDigit)) {
            int number = Integer.parseInt(token.text());
            if (number < 1 || number > conditions) {
                throw new Failure(new LogicError(
                        token.column(),
                        token.text(),
                        "there is no condition " + number + " (the rule has " + conditions + ")"));
            }
            return new Logic.Ref(number);
        }
        throw new Failure(new LogicError(token.column(), token.text(), "expected a condition number, NOT or '('"));
    }

    private boolean accept(String keyword) {
        if (position < tokens.size()
                && tokens.get(position).text().toUpperCase(Locale.ROOT).equals(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    private static Either<LogicError, java.util.List<Token>> tokenize(String text) {
        java.util.List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(String.valueOf(c), i + 1));
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                boolean number = word.chars().allMatch(Character::isDigit);
                boolean keyword =
                        word.equalsIgnoreCase("AND") || word.equalsIgnoreCase("OR") || word.equalsIgnoreCase("NOT");
                if (!number && !keyword) {
                    return Either.left(
                            new LogicError(start + 1, word, "unknown word; use condition numbers, AND, OR, NOT"));
                }
                if (number && word.length() > 3) {
                    return Either.left(new LogicError(start + 1, word, "condition number out of range"));
                }
                tokens.add(new Token(word, start + 1));
            } else {
                return Either.left(new LogicError(i + 1, String.valueOf(c), "unexpected character"));
            }
        }
        return Either.right(tokens);
    }

    /** Unwinds the recursive descent at the first error; never leaves this class. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient LogicError error;

        Failure(LogicError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }
}
