package io.omnisync.domain.sync;

import io.vavr.control.Option;
import java.util.Objects;

/** Why the engine sent a command: the audit trail names the mapping, the activation, the return, or a rule. */
public record Because(Origin origin, Option<String> rule) {

    public enum Origin {
        /** The presence mapping, in either direction. */
        MAPPING,
        /** Turning sync on reconciled the agent (Talkdesk wins). */
        ACTIVATION,
        /** Wrap-up ended and the agent returned to the Omni status they had before the call. */
        RETURN_AFTER_CALL,
        /** A presence sync rule acted. */
        RULE
    }

    public static final Because MAPPING = new Because(Origin.MAPPING, Option.none());
    public static final Because ACTIVATION = new Because(Origin.ACTIVATION, Option.none());
    public static final Because RETURN_AFTER_CALL = new Because(Origin.RETURN_AFTER_CALL, Option.none());

    public Because {
        Objects.requireNonNull(origin, "origin");
        rule = rule == null ? Option.none() : rule;
    }

    public static Because rule(String name) {
        return new Because(Origin.RULE, Option.some(name));
    }

    @Override
    public String toString() {
        return rule.map(name -> "rule '" + name + "'").getOrElse(() -> switch (origin) {
            case MAPPING -> "mapping";
            case ACTIVATION -> "activation";
            case RETURN_AFTER_CALL -> "return to previous status after a call";
            case RULE -> "rule";
        });
    }
}
