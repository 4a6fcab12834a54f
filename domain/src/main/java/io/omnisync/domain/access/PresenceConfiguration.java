package io.omnisync.domain.access;

import io.omnisync.domain.status.PresenceStatusId;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * A Salesforce presence configuration: the capacity of the profiles and users it is assigned to,
 * and the presence statuses Salesforce itself moves them to when they decline work or let a push
 * time out (Salesforce's presenceStatusOnDecline and presenceStatusOnPushTimeout; none: it leaves
 * them where they are).
 */
public record PresenceConfiguration(
        String name,
        int capacity,
        Set<String> profiles,
        Set<String> users,
        Option<PresenceStatusId> statusOnDecline,
        Option<PresenceStatusId> statusOnPushTimeout) {

    public PresenceConfiguration {
        Objects.requireNonNull(name, "name");
        profiles = profiles == null ? LinkedHashSet.empty() : profiles;
        users = users == null ? LinkedHashSet.empty() : users;
        statusOnDecline = statusOnDecline == null ? Option.none() : statusOnDecline;
        statusOnPushTimeout = statusOnPushTimeout == null ? Option.none() : statusOnPushTimeout;
    }

    public PresenceConfiguration(String name, int capacity, Set<String> profiles, Set<String> users) {
        this(name, capacity, profiles, users, Option.none(), Option.none());
    }
}
