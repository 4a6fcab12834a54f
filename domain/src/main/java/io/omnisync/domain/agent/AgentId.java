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

    /** Written out (not the record's generated one): ids are compared on every event. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AgentId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
