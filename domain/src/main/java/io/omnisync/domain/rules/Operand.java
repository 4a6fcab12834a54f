package io.omnisync.domain.rules;

import io.vavr.collection.List;
import io.vavr.control.Option;

/** What a rule condition can look at, by the name written in the configuration. */
public enum Operand {
    TALKDESK_STATUS("talkdesk.status"),
    TALKDESK_PREVIOUS_STATUS("talkdesk.previousStatus"),
    TALKDESK_STATUS_TYPE("talkdesk.statusType"),
    OMNI_STATUS("omni.status"),
    OMNI_PREVIOUS_STATUS("omni.previousStatus"),
    OMNI_CHANNEL("omni.channel"),
    OMNI_WORKLOAD("omni.workload"),
    OMNI_PREVIOUS_WORKLOAD("omni.previousWorkload"),
    OMNI_WORKLOAD_PERCENT("omni.workloadPercent"),
    OMNI_PREVIOUS_WORKLOAD_PERCENT("omni.previousWorkloadPercent"),
    OMNI_CAPACITY("omni.capacity");

    private final String written;

    Operand(String written) {
        this.written = written;
    }

    public String written() {
        return written;
    }

    public static Option<Operand> parse(String name) {
        return List.of(values()).find(operand -> operand.written.equals(name));
    }

    /** Does this text look like it means an operand (so a typo is an error, not a literal)? */
    public static boolean looksLikeOperand(String text) {
        return text.startsWith("talkdesk.") || text.startsWith("omni.");
    }

    @Override
    public String toString() {
        return written;
    }
}
