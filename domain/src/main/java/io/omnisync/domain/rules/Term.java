package io.omnisync.domain.rules;

import java.util.Objects;

/** One side of a condition: an operand read from the agent, or a literal written in the rule. */
public sealed interface Term {

    record Read(Operand operand) implements Term {
        public Read {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public String toString() {
            return operand.toString();
        }
    }

    record Literal(Value value) implements Term {
        public Literal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return value instanceof Value.Text ? "'" + value.text() + "'" : value.text();
        }
    }
}
