package io.omnisync.adapters.service.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The answer a request gets instead of the one it asked for (SPEC 10): a status and the body {@code {"error": CODE,
 * "message": "..."}}, with more fields for some ({@code problems} of an invalid configuration). Thrown by a handler
 * and written by the server; it says what went wrong with the request, never a secret, so its message is safe to
 * show.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ObjectNode body;

    public ApiError(int status, String code, String message) {
        this(status, Json.object().put("error", code).put("message", message));
    }

    private ApiError(int status, ObjectNode body) {
        super(body.path("error").asText() + ": " + body.path("message").asText(), null, false, false);
        this.status = status;
        this.body = Objects.requireNonNull(body, "body");
    }

    /** Malformed JSON, a missing or mistyped field: the message names the field. */
    public static ApiError badRequest(String message) {
        return new ApiError(400, "BAD_REQUEST", message);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, "UNAUTHORIZED", message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, "FORBIDDEN", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "NOT_FOUND", message);
    }

    /** A body over 1 MiB: refused before anything else is looked at. */
    public static ApiError payloadTooLarge(String message) {
        return new ApiError(413, "PAYLOAD_TOO_LARGE", message);
    }

    /** The engine refused the change ({@code code} names why, e.g. INSIDE_BUSINESS_HOURS); nothing changed. */
    public static ApiError conflict(String code, String message) {
        return new ApiError(409, code, message);
    }

    /** A configuration rejected whole, with every problem as {@code validate} prints it; nothing was applied. */
    public static ApiError invalidConfiguration(String message, ArrayNode problems) {
        ObjectNode body = Json.object().put("error", "INVALID_CONFIGURATION").put("message", message);
        body.set("problems", problems);
        return new ApiError(422, body);
    }

    public int status() {
        return status;
    }

    public ObjectNode body() {
        return body.deepCopy();
    }
}
