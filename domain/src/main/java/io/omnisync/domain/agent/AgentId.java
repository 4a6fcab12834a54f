package io.omnisync.domain.agent;

import java.util.Objects;

/** Omnisync's own name for an agent, e.g. {@code maria}. */
public record AgentId(String value) implements Comparable<AgentId> {

    public AgentId {
        Objects.requireNonNull(value, "value");
    }

    public static AgentId of(String value) {
        return new AgentId(value);
    }

    @Override
    public int compareTo(AgentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
