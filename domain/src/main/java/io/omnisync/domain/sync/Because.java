package io.omnisync.domain.sync;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * What a decision came from: the audit trail names the mapping, the activation, the return, or a
 * rule, or the agent's own pick during a call, for what the engine sent or would have sent; and,
 * for events it did not act on, how the vendor delivered them or what the report itself said.
 * Commands carry only the first five.
 */
public record Because(Origin origin, Option<String> rule) {

    public enum Origin {
        /** The presence mapping, in either direction. */
        MAPPING,
        /** Turning sync on reconciled the agent (Talkdesk wins). */
        ACTIVATION,
        /** Wrap-up ended and the agent returned to the Omni status they had before the call. */
        RETURN_AFTER_CALL,
        /** A presence sync rule acted. */
        RULE,
        /**
         * Wrap-up ended and the Omni status the agent picked by hand during the call won over
         * Talkdesk's post-call status, with 'return to previous status after a call' off (SPEC 4.8).
         */
        PICKED_DURING_CALL,
        /** How the vendor delivered the event: again (a duplicate), or later than a newer one (stale). */
        DELIVERY,
        /**
         * What the report itself said: the echo of a change Omnisync made, a status the agent
         * already had, an agent the configuration does not have, or a change noted while sync is off.
         */
        REPORT
    }

    public static final Because MAPPING = new Because(Origin.MAPPING, Option.none());
    public static final Because ACTIVATION = new Because(Origin.ACTIVATION, Option.none());
    public static final Because RETURN_AFTER_CALL = new Because(Origin.RETURN_AFTER_CALL, Option.none());
    public static final Because PICKED_DURING_CALL = new Because(Origin.PICKED_DURING_CALL, Option.none());
    public static final Because DELIVERY = new Because(Origin.DELIVERY, Option.none());
    public static final Because REPORT = new Because(Origin.REPORT, Option.none());

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
            case PICKED_DURING_CALL -> "the agent's pick during the call";
            case DELIVERY -> "delivery";
            case REPORT -> "report";
        });
    }
}
