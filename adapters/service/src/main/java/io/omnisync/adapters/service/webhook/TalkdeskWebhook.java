package io.omnisync.adapters.service.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.service.http.ApiError;
import io.omnisync.adapters.service.http.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * One Talkdesk webhook as SPEC 10.1 writes it: {@code {"id", "type", "occurred_at", "data": {"user_id", ...}}}. Read
 * strictly where Omnisync relies on a field (each missing or mistyped one is a 400 that names it) and leniently
 * elsewhere (fields it does not use are ignored, so a relay may add its own).
 *
 * @param id the vendor's event id (redeliveries carry the same)
 * @param type what happened; see {@link #TYPES}
 * @param occurredAt Talkdesk's time for it, which orders an agent's Talkdesk events
 * @param data what the type says about the user
 */
public record TalkdeskWebhook(String id, String type, Instant occurredAt, ObjectNode data) {

    public static final String STATUS_CHANGED = "agent.status_changed";
    public static final String CALL_STARTED = "call.started";
    public static final String CALL_ENDED = "call.ended";
    public static final String WRAP_UP_ENDED = "wrapup.ended";

    /** The types Omnisync uses; others are acknowledged and recorded as {@code UNKNOWN_EVENT_TYPE}. */
    public static final Set<String> TYPES = Set.of(STATUS_CHANGED, CALL_STARTED, CALL_ENDED, WRAP_UP_ENDED);

    /**
     * Reads the webhook from its body.
     *
     * @throws ApiError 400 naming the first field that is missing or malformed
     */
    public static TalkdeskWebhook read(ObjectNode body) {
        String id = Json.text(body, "id", "id");
        String type = Json.text(body, "type", "type");
        Instant occurredAt = instant(Json.text(body, "occurred_at", "occurred_at"));
        ObjectNode data = Json.object(body, "data", "data");
        TalkdeskWebhook webhook = new TalkdeskWebhook(id, type, occurredAt, data);
        if (webhook.isKnown()) {
            webhook.userId();
            webhook.status();
            webhook.nextStatus();
        }
        return webhook;
    }

    public boolean isKnown() {
        return TYPES.contains(type);
    }

    /** {@code data.user_id}: the agent's {@code talkdeskUserId}. */
    public String userId() {
        return Json.text(data, "user_id", "data.user_id");
    }

    /** {@code data.user_id} when the webhook has one (an unknown type may not). */
    public Optional<String> userIdIfAny() {
        return data.path("user_id").isTextual()
                ? Optional.of(data.get("user_id").asText())
                : Optional.empty();
    }

    /** {@code data.status} of {@code agent.status_changed}. */
    public Optional<String> status() {
        return type.equals(STATUS_CHANGED) ? Optional.of(Json.text(data, "status", "data.status")) : Optional.empty();
    }

    /** {@code data.next_status} of {@code wrapup.ended}, when Talkdesk put the agent somewhere else than Available. */
    public Optional<String> nextStatus() {
        return type.equals(WRAP_UP_ENDED)
                ? Json.optionalText(data, "next_status", "data.next_status")
                : Optional.empty();
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(
                    "'occurred_at' must be an ISO-8601 instant with its offset, e.g. 2026-01-05T09:00:00Z");
        }
    }
}
