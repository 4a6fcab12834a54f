package io.omnisync.domain.access;

import io.omnisync.domain.status.PresenceStatusId;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Set;
import java.util.Objects;

/** A Salesforce profile or permission set, by what matters here: the presence statuses it grants. */
public record AccessGrant(String name, Set<PresenceStatusId> presenceStatuses) {

    public AccessGrant {
        Objects.requireNonNull(name, "name");
        presenceStatuses = presenceStatuses == null ? LinkedHashSet.empty() : presenceStatuses;
    }
}
