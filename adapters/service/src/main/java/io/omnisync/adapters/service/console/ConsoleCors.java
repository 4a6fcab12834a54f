package io.omnisync.adapters.service.console;

import io.javalin.http.Context;
import io.omnisync.adapters.service.http.ApiRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * CORS for the console endpoints (SPEC 10.2), for the origins the running configuration lists in {@code
 * vendors.omniChannel.consoleOrigins} and no other. A preflight ({@code OPTIONS}, unauthenticated) from a listed origin
 * is answered 204 with the origin, {@code Vary: Origin}, the methods, the three request headers the bridge sends and a
 * 10-minute cache; every real answer to a listed origin, errors included, carries the origin and {@code Vary}. Never
 * credentials (the token is a header, not a cookie). Any other origin gets no CORS header at all, so its browser keeps
 * the answer from the page.
 */
@Singleton
public final class ConsoleCors {

    static final String ALLOW_METHODS = "GET, POST";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, Last-Event-ID";
    static final String MAX_AGE_SECONDS = "600";

    private final ConsoleDirectory directory;

    @Inject
    public ConsoleCors(ConsoleDirectory directory) {
        this.directory = directory;
    }

    /** Before every console request: the two headers every answer to a listed origin carries. */
    public void answerTo(Context request) {
        String origin = request.header("Origin");
        if (isListed(origin)) {
            request.header("Access-Control-Allow-Origin", origin);
            request.header("Vary", "Origin");
        }
    }

    /** {@code OPTIONS}: 204, with the preflight's headers for a listed origin and none for another. */
    public void preflight(ApiRequest request) {
        Context context = request.context();
        if (isListed(context.header("Origin"))) {
            context.header("Access-Control-Allow-Methods", ALLOW_METHODS);
            context.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
            context.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        }
        context.status(204);
    }

    private boolean isListed(String origin) {
        return directory.allowsOrigin(origin);
    }
}
