package io.omnisync.adapters.talkdesk;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Talkdesk presence as the Presence API speaks it: {@code {"status": "away", "custom_status_id": "lunch"}}, the
 * body of {@code PUT /users/{id}/presence/status} and what {@code GET /users/{id}/presence} reads back.
 *
 * @param status the presence Talkdesk knows: {@code available}, {@code away} or {@code offline}
 * @param customStatusId the custom status shown to the agent, if any ({@code custom_status_id}, left out when empty)
 */
public record PresenceBody(String status, Optional<String> customStatusId) {

    /** The built-in statuses that are sent under their own name (SPEC 6). */
    private static final Set<String> SENT_BY_NAME = Set.of("available", "away", "offline");

    public PresenceBody {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(customStatusId, "customStatusId");
        if (status.isBlank()) {
            throw new IllegalArgumentException("status: a presence needs a status, e.g. 'away'");
        }
        if (customStatusId.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("customStatusId: blank; leave it out instead");
        }
    }

    public static PresenceBody of(String status) {
        return new PresenceBody(status, Optional.empty());
    }

    public static PresenceBody of(String status, String customStatusId) {
        return new PresenceBody(status, Optional.of(customStatusId));
    }

    /**
     * What the Presence API is sent for a Talkdesk status (SPEC 6): its explicit {@code presence} when the
     * configuration gives one, else the default of {@link #defaultFor}.
     */
    public static Optional<PresenceBody> forStatus(String statusId, StatusType type, Optional<PresenceBody> explicit) {
        Objects.requireNonNull(explicit, "explicit");
        return explicit.isPresent() ? explicit : defaultFor(statusId, type);
    }

    /**
     * The SPEC 6 default: the built-ins {@code available}, {@code away} and {@code offline} send their own name; a
     * custom status sends {@code available} (type AVAILABLE) or {@code away} (types AWAY and BUSY) with its id as
     * {@code custom_status_id}. Empty where SPEC 6 gives no default: the call statuses {@code on_a_call} and {@code
     * after_call_work}, which only Talkdesk's call flow sets, and a custom status of type OFFLINE; those need an
     * explicit {@code presence} to be sent at all.
     */
    public static Optional<PresenceBody> defaultFor(String statusId, StatusType type) {
        Objects.requireNonNull(statusId, "statusId");
        Objects.requireNonNull(type, "type");
        if (SENT_BY_NAME.contains(statusId)) {
            return Optional.of(of(statusId));
        }
        if ("on_a_call".equals(statusId) || "after_call_work".equals(statusId)) {
            return Optional.empty();
        }
        return switch (type) {
            case AVAILABLE -> Optional.of(of("available", statusId));
            case AWAY, BUSY -> Optional.of(of("away", statusId));
            case OFFLINE -> Optional.empty();
        };
    }
}
