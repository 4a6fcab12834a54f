package io.omnisync.domain.rules;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * How a rule combines its conditions: by number, with AND, OR, NOT and parentheses. Without
 * custom logic a rule needs all its conditions ({@link #allOf(int)}).
 */
public sealed interface Logic {

    boolean holds(IntPredicate condition);

    /** The condition numbers it mentions. */
    Seq<Integer> references();

    static Logic allOf(int conditions) {
        Logic all = new Ref(1);
        for (int i = 2; i <= conditions; i++) {
            all = new And(all, new Ref(i));
        }
        return conditions == 0 ? new Always() : all;
    }

    /** Condition number {@code number}, counted from 1. */
    record Ref(int number) implements Logic {
        @Override
        public boolean holds(IntPredicate condition) {
            return condition.test(number);
        }

        @Override
        public Seq<Integer> references() {
            return List.of(number);
        }

        @Override
        public String toString() {
            return Integer.toString(number);
        }
    }

    record And(Logic left, Logic right) implements Logic {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean holds(IntPredicate condition) {
            return left.holds(condition) && right.holds(condition);
        }

        @Override
        public Seq<Integer> references() {
            return left.references().appendAll(right.references());
        }

        @Override
        public String toString() {
            return "(" + left + " AND " + right + ")";
        }
    }

    record Or(Logic left, Logic right) implements Logic {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean holds(IntPredicate condition) {
            return left.holds(condition) || right.holds(condition);
        }

        @Override
        public Seq<Integer> references() {
            return left.references().appendAll(right.references());
        }

        @Override
        public String toString() {
            return "(" + left + " OR " + right + ")";
        }
    }

    record Not(Logic operand) implements Logic {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean holds(IntPredicate condition) {
            return !operand.holds(condition);
        }

        @Override
        public Seq<Integer> references() {
            return operand.references();
        }

        @Override
        public String toString() {
            return "NOT " + operand;
        }
    }

    /** A rule with no condition always holds. */
    record Always() implements Logic {
        @Override
        public boolean holds(IntPredicate condition) {
            return true;
        }

        @Override
        public Seq<Integer> references() {
            return List.empty();
        }
    }
}
