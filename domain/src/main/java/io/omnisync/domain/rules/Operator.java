package io.omnisync.domain.rules;

import io.vavr.collection.List;
import io.vavr.control.Option;

/** How a condition compares its two sides. Numbers compare as numbers; text only for (in)equality. */
public enum Operator {
    EQUAL("="),
    NOT_EQUAL("!="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    LESS("<"),
    LESS_OR_EQUAL("<=");

    private final String written;

    Operator(String written) {
        this.written = written;
    }

    public static Option<Operator> parse(String text) {
        return List.of(values()).find(operator -> operator.written.equals(text));
    }

    /** Absent values (no capacity, no channel) satisfy only {@code !=}. */
    public boolean holds(Value left, Value right) {
        if (left instanceof Value.Absent || right instanceof Value.Absent) {
            return this == NOT_EQUAL && !left.equals(right);
        }
        if (left instanceof Value.Number a && right instanceof Value.Number b) {
            int order = a.value().compareTo(b.value());
            return switch (this) {
                case EQUAL -> order == 0;
                case NOT_EQUAL -> order != 0;
                case GREATER -> order > 0;
                case GREATER_OR_EQUAL -> order >= 0;
                case LESS -> order < 0;
                case LESS_OR_EQUAL -> order <= 0;
            };
        }
        boolean same = left.text().equals(right.text());
        return switch (this) {
            case EQUAL -> same;
            case NOT_EQUAL -> !same;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return written;
    }
}
