package io.omnisync.domain.rules;

import java.util.Objects;

/** Two operands and an operator: {@code omni.workloadPercent >= 100}. */
public record Condition(Operand left, Operator operator, Term right) {

    public Condition {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(right, "right");
    }

    public boolean holds(Operands context) {
        Value rightValue =
                right instanceof Term.Read read ? context.value(read.operand()) : ((Term.Literal) right).value();
        return operator.holds(context.value(left), rightValue);
    }

    @Override
    public String toString() {
        return left + " " + operator + " " + right;
    }
}
