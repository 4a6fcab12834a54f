package io.omnisync.adapters.service.console;

import io.omnisync.adapters.service.RunningService;
import io.omnisync.adapters.service.StreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/** What an agent's console does over real HTTP: open the command stream, post events, from its origin. */
final class ConsoleClient {

    static final String CONSOLE_ORIGIN = "https://acme.lightning.force.com";

    private final RunningService service;

    ConsoleClient(RunningService service) {
        this.service = service;
    }

    /** {@code GET /console/commands} with {@code Authorization: Bearer token}, as the bridge's fetch sends it. */
    StreamReader stream(String token) {
        return StreamReader.open(service.client(), service.uri(ConsoleEndpoints.COMMANDS), "Bearer " + token);
    }

    HttpResponse<String> post(String token, String body) {
        return post("Bearer " + token, body, CONSOLE_ORIGIN);
    }

    HttpResponse<String> post(String authorization, String body, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(ConsoleEndpoints.EVENTS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return service.send(request.build());
    }

    static String statusChanged(String id, String apiName, String salesforceId, String reason) {
        return "{\"id\":\"" + id + "\",\"type\":\"statusChanged\",\"statusApiName\":\"" + apiName
                + "\",\"statusId\":\"" + salesforceId + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
                + ",\"at\":\"" + Instant.now() + "\"}";
    }

    static String logout(String id, String reason) {
        return "{\"id\":\"" + id + "\",\"type\":\"logout\",\"reason\":\"" + reason + "\",\"at\":\"" + Instant.now()
                + "\"}";
    }

    static String result(String commandId, String result, String message) {
        return "{\"type\":\"commandResult\",\"commandId\":\"" + commandId + "\",\"result\":\"" + result + "\""
                + (message == null ? "" : ",\"message\":\"" + message + "\"") + "}";
    }
}
