package io.omnisync.domain.rules;

/** Where rule conditions read their operands: the agent and the event a rule is tried on. */
public interface Operands {

    Value value(Operand operand);
}
