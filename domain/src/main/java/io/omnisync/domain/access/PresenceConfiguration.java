package io.omnisync.domain.access;

import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Set;
import java.util.Objects;

/** A Salesforce presence configuration: the capacity of the profiles and users it is assigned to. */
public record PresenceConfiguration(String name, int capacity, Set<String> profiles, Set<String> users) {

    public PresenceConfiguration {
        Objects.requireNonNull(name, "name");
        profiles = profiles == null ? LinkedHashSet.empty() : profiles;
        users = users == null ? LinkedHashSet.empty() : users;
    }
}
