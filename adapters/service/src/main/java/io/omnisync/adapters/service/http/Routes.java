package io.omnisync.adapters.service.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where route groups add their endpoints. Every endpoint runs SPEC 10's checks in order before its handler: the body
 * within 1 MiB (413), then {@link Access} (401/403), then the handler reads the content (400). A check that fails
 * answers at once and the handler never runs, so a refused request changes nothing.
 */
public final class Routes {

    /** The attribute that carries the endpoint's path template, for the request log and the metrics. */
    static final String ROUTE = "omnisync.route";

    private final RoutesConfig routes;
    private final Map<String, Access> guardedPrefixes = new LinkedHashMap<>();

    Routes(RoutesConfig routes) {
        this.routes = routes;
    }

    /**
     * Every request under {@code prefix} passes {@code access}, also one for no endpoint: SPEC 10.3 asks for the admin
     * token on every {@code /api} request, so an unknown path is 401 without it and 404 only with it.
     */
    public Routes guarded(String prefix, Access access) {
        guardedPrefixes.put(prefix, access);
        return this;
    }

    /** What guards a request that matched no endpoint, by its path. */
    Optional<Access> guardOf(String path) {
        return guardedPrefixes.entrySet().stream()
                .filter(guarded -> path.startsWith(guarded.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public Routes get(String path, Access access, ApiHandler handler) {
        routes.get(path, checked(path, access, handler));
        return this;
    }

    public Routes post(String path, Access access, ApiHandler handler) {
        routes.post(path, checked(path, access, handler));
        return this;
    }

    public Routes put(String path, Access access, ApiHandler handler) {
        routes.put(path, checked(path, access, handler));
        return this;
    }

    public Routes patch(String path, Access access, ApiHandler handler) {
        routes.patch(path, checked(path, access, handler));
        return this;
    }

    /** A preflight or other OPTIONS answer (CORS for the console); it runs the same checks. */
    public Routes options(String path, Access access, ApiHandler handler) {
        routes.options(path, checked(path, access, handler));
        return this;
    }

    /** Runs before every matching request's checks, e.g. headers every answer to an origin carries (CORS). */
    public Routes before(String path, Handler handler) {
        routes.before(path, handler);
        return this;
    }

    private static Handler checked(String path, Access access, ApiHandler handler) {
        return context -> {
            context.attribute(ROUTE, path);
            byte[] body = RequestBodies.read(context);
            access.check(context, body);
            handler.handle(new ApiRequest(context, body));
        };
    }
}
