package io.omnisync.adapters.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** A request that passed the size and access checks: its raw body, and the answer to give. */
public final class ApiRequest {

    private final Context context;
    private final byte[] body;

    ApiRequest(Context context, byte[] body) {
        this.context = context;
        this.body = body;
    }

    public Context context() {
        return context;
    }

    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as a JSON object, or 400 saying where it is malformed. */
    public ObjectNode json() {
        return Json.objectOf(body);
    }

    public String pathParam(String name) {
        return context.pathParam(name);
    }

    /** Answers {@code status} with a JSON body. */
    public void respond(int status, JsonNode answer) {
        context.status(status).contentType("application/json").result(Json.bytes(answer));
    }

    /** Answers {@code status} with text of {@code contentType}, e.g. the configuration file as written. */
    public void respond(int status, String contentType, String answer) {
        context.status(status).contentType(contentType).result(answer.getBytes(StandardCharsets.UTF_8));
    }
}
