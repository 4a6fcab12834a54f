package io.omnisync.domain.rules;

import java.math.BigDecimal;
import java.util.Objects;

/** A value a condition compares: text, a number, or nothing (an operand that does not apply). */
public sealed interface Value {

    Value ABSENT = new Absent();

    String text();

    static Value of(Object literal) {
        if (literal == null) {
            return ABSENT;
        }
        if (literal instanceof java.lang.Number number) {
            return new Number(new BigDecimal(number.toString()));
        }
        return new Text(literal.toString());
    }

    record Text(String value) implements Value {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value;
        }
    }

    record Number(BigDecimal value) implements Value {
        public Number {
            Objects.requireNonNull(value, "value");
        }

        public static Number of(long value) {
            return new Number(BigDecimal.valueOf(value));
        }

        @Override
        public String text() {
            return value.stripTrailingZeros().toPlainString();
        }
    }

    record Absent() implements Value {
        @Override
        public String text() {
            return "";
        }
    }
}
