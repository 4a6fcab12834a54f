package io.omnisync.adapters.service.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.service.http.ApiError;
import io.omnisync.adapters.service.http.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code POST /console/events} body (SPEC 10.2), read strictly: a missing or mistyped field is 400 naming it.
 * Fields the SPEC does not list are ignored (the toolkit's events carry more than the bridge sends, and may grow).
 */
public sealed interface ConsoleEvent {

    String STATUS_CHANGED = "statusChanged";
    String LOGOUT = "logout";
    String WORKLOAD_CHANGED = "workloadChanged";
    String WORK_ACCEPTED = "workAccepted";
    String COMMAND_RESULT = "commandResult";

    /** The body's {@code type}. */
    String type();

    /** {@code omniChannelStatusChanged}; {@code reason} as in rule 4.10, none for a manual pick. */
    record StatusChanged(String id, String statusApiName, String statusId, Optional<String> reason, Instant at)
            implements ConsoleEvent {
        public StatusChanged {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(statusApiName, "statusApiName");
            Objects.requireNonNull(statusId, "statusId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String type() {
            return STATUS_CHANGED;
        }
    }

    /** {@code omniChannelLogout}. */
    record Logout(String id, Optional<String> reason, Instant at) implements ConsoleEvent {
        /** Another tab or browser took Omni-Channel over: the agent is still logged in (SPEC 10.2). */
        public static final Set<String> HANDED_OVER = Set.of("DuplicateLogin", "DuplicateLoginInSameBrowser");

        public Logout {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }

        public boolean handedOver() {
            return reason.filter(HANDED_OVER::contains).isPresent();
        }

        @Override
        public String type() {
            return LOGOUT;
        }
    }

    /** {@code omniChannelWorkloadChanged}. */
    record WorkloadChanged(String id, int configuredCapacity, int previousWorkload, int newWorkload, Instant at)
            implements ConsoleEvent {
        public WorkloadChanged {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String type() {
            return WORKLOAD_CHANGED;
        }
    }

    /** {@code omniChannelWorkAccepted}, with the service channel the bridge looked up. */
    record WorkAccepted(String id, String workId, String channel, Instant at) implements ConsoleEvent {
        public WorkAccepted {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(workId, "workId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String type() {
            return WORK_ACCEPTED;
        }
    }

    /** What {@code setServicePresenceStatus} did with a command; {@code message} optional. */
    record CommandResult(String commandId, boolean accepted, Optional<String> message) implements ConsoleEvent {
        public CommandResult {
            Objects.requireNonNull(commandId, "commandId");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String type() {
            return COMMAND_RESULT;
        }
    }

    /** A well-formed event of a type Omnisync does not use: acknowledged and recorded, never retried. */
    record Unknown(String type, Optional<String> id) implements ConsoleEvent {
        public Unknown {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * The event a body holds.
     *
     * @throws ApiError 400 naming the first field that is missing or mistyped
     */
    static ConsoleEvent read(ObjectNode body) {
        String type = Json.text(body, "type", "type");
        return switch (type) {
            case STATUS_CHANGED ->
                new StatusChanged(
                        id(body),
                        Json.text(body, "statusApiName", "statusApiName"),
                        Json.text(body, "statusId", "statusId"),
                        Json.optionalText(body, "reason", "reason"),
                        at(body));
            case LOGOUT -> new Logout(id(body), Json.optionalText(body, "reason", "reason"), at(body));
            case WORKLOAD_CHANGED ->
                new WorkloadChanged(
                        id(body),
                        units(body, "configuredCapacity"),
                        units(body, "previousWorkload"),
                        units(body, "newWorkload"),
                        at(body));
            case WORK_ACCEPTED ->
                new WorkAccepted(
                        id(body), Json.text(body, "workId", "workId"), Json.text(body, "channel", "channel"), at(body));
            case COMMAND_RESULT -> commandResult(body);
            default -> new Unknown(type, Json.optionalText(body, "id", "id"));
        };
    }

    private static CommandResult commandResult(ObjectNode body) {
        JsonNode commandId = body.get("commandId");
        String id;
        if (commandId != null && commandId.isIntegralNumber()) {
            id = commandId.asText();
        } else {
            id = Json.text(body, "commandId", "commandId");
        }
        String result = Json.text(body, "result", "result");
        if (!result.equals("accepted") && !result.equals("refused")) {
            throw ApiError.badRequest("'result' must be \"accepted\" or \"refused\", not \"" + result + "\"");
        }
        return new CommandResult(id, result.equals("accepted"), Json.optionalText(body, "message", "message"));
    }

    private static String id(ObjectNode body) {
        return Json.text(body, "id", "id");
    }

    /** {@code at}: the browser's clock, ISO-8601 in UTC; kept for the audit trail, never to order events. */
    private static Instant at(ObjectNode body) {
        String at = Json.text(body, "at", "at");
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(
                    "'at' must be an ISO-8601 time in UTC such as 2026-01-05T09:00:00Z, not \"" + at + "\"");
        }
    }

    /** A count of units of capacity: a whole number, not negative. */
    private static int units(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.badRequest("'" + field + "' is missing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw ApiError.badRequest("'" + field + "' must be a whole number, 0 or more");
        }
        return value.intValue();
    }
}
