package io.omnisync.domain.status;

import java.util.Objects;

/** The API name (DeveloperName) of a Salesforce ServicePresenceStatus, e.g. {@code Available_for_Calls}. */
public record PresenceStatusId(String apiName) implements OmniStatus, Comparable<PresenceStatusId> {

    public PresenceStatusId {
        Objects.requireNonNull(apiName, "apiName");
        if (OFFLINE_NAME.equals(apiName)) {
            throw new IllegalArgumentException("Offline is not a presence status");
        }
    }

    public static PresenceStatusId of(String apiName) {
        return new PresenceStatusId(apiName);
    }

    @Override
    public String wireName() {
        return apiName;
    }

    @Override
    public int compareTo(PresenceStatusId other) {
        return apiName.compareTo(other.apiName);
    }

    /** Written out (not the record's generated one): ids are compared on every event. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof PresenceStatusId that && apiName.equals(that.apiName);
    }

    @Override
    public int hashCode() {
        return apiName.hashCode();
    }

    @Override
    public String toString() {
        return apiName;
    }
}
