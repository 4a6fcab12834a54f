package io.omnisync.domain.status;

import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Set;
import java.util.Objects;

/** A Salesforce Omni-Channel presence status: ONLINE with the channels it serves, or BUSY with none. */
public record PresenceStatus(PresenceStatusId id, String label, PresenceOption option, Set<String> channels) {

    public PresenceStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(option, "option");
        channels = channels == null ? LinkedHashSet.empty() : channels;
    }

    public boolean receivesWork() {
        return option == PresenceOption.ONLINE;
    }
}
