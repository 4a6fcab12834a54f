package io.omnisync.adapters.service.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin on Jetty 12 with every {@link RouteGroup}'s endpoints. Every answer that is not a success
 * is SPEC 10's error JSON, whoever raised it (a handler, Javalin's router, an unexpected exception, which is logged
 * and answered 500 without its details). Stopping is graceful: no new request is taken, those in flight finish (up to
 * {@link ServerOptions#stopTimeout()}), then the server stops. Requests are not logged with their headers, so an
 * {@code Authorization} header never reaches a log.
 */
@Singleton
public final class JavalinServer {

    private static final Logger LOG = LoggerFactory.getLogger(JavalinServer.class);
    private static final String STARTED = "omnisync.started";

    /** The codes of SPEC 10 for the statuses Javalin or Jetty may answer by themselves. */
    private static final Map<Integer, String> CODES = Map.of(
            400, "BAD_REQUEST",
            401, "UNAUTHORIZED",
            403, "FORBIDDEN",
            404, "NOT_FOUND",
            405, "NOT_FOUND",
            409, "CONFLICT",
            413, "PAYLOAD_TOO_LARGE",
            422, "INVALID_CONFIGURATION",
            503, "UNAVAILABLE");

    private final ServerOptions options;
    private final Set<RouteGroup> groups;
    private final RequestListener listener;
    private Javalin javalin;
    private volatile GracefulHandler graceful;

    @Inject
    public JavalinServer(ServerOptions options, Set<RouteGroup> groups, RequestListener listener) {
        this.options = options;
        this.groups = groups;
        this.listener = listener;
    }

    /** Binds the port and serves; throws when the port cannot be had. */
    public synchronized void start() {
        if (javalin != null) {
            throw new IllegalStateException("the server is already started");
        }
        javalin = Javalin.create(this::configure).start(options.host(), options.port());
    }

    /** The port it listens on (the free one picked for port 0). */
    public synchronized int port() {
        if (javalin == null) {
            throw new IllegalStateException("the server is not started");
        }
        return javalin.port();
    }

    /** Requests being served now, event streams included (a stop waits for them). */
    public long requestsInFlight() {
        GracefulHandler tracking = graceful;
        return tracking == null || !isRunning() ? 0 : tracking.getCurrentRequestCount();
    }

    public synchronized boolean isRunning() {
        return javalin != null;
    }

    /** Stops taking requests, lets those in flight finish, then stops. Stopping twice does nothing. */
    public synchronized void stop() {
        if (javalin == null) {
            return;
        }
        javalin.stop();
        javalin = null;
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        // event streams must reach readers as written; the JSON answers are small
        config.http.compressionStrategy = CompressionStrategy.NONE;
        config.http.maxRequestSize = RequestBodies.LIMIT;
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(options.stopTimeout().toMillis());
            GracefulHandler tracking = new GracefulHandler();
            server.insertHandler(tracking);
            graceful = tracking;
        });
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            // a request is in flight from its headers on, so a stop waits for a body still arriving
            http.setDelayDispatchUntilContent(false);
        });
        Routes routes = new Routes(config.routes);
        config.routes.before(context -> context.attribute(STARTED, System.nanoTime()));
        config.routes.after(this::served);
        config.routes.exception(ApiError.class, (error, context) -> answer(context, error));
        // Javalin answers a request no endpoint matched by throwing its 404: a guarded prefix checks it first
        config.routes.exception(
                HttpResponseException.class,
                (error, context) ->
                        answer(context, error.getStatus() == 404 ? unrouted(routes, context) : fromJavalin(error)));
        config.routes.exception(Exception.class, (error, context) -> {
            LOG.error("{} {} failed", context.method(), context.path(), error);
            answer(context, new ApiError(500, "INTERNAL_ERROR", "the request could not be served; see the log"));
        });
        config.routes.error(404, context -> {
            if (context.result() == null) {
                answer(context, unrouted(routes, context));
            }
        });
        groups.forEach(group -> group.addTo(routes));
    }

    /** A request no endpoint matched: 404, after the checks of a guarded prefix (size, then access) passed. */
    private static ApiError unrouted(Routes routes, Context context) {
        Optional<Access> guard = routes.guardOf(context.path());
        if (guard.isPresent()) {
            try {
                guard.get().check(context, RequestBodies.read(context));
            } catch (ApiError refused) {
                return refused;
            }
        }
        return ApiError.notFound("nothing at " + context.method() + " " + context.path());
    }

    private static void answer(Context context, ApiError error) {
        context.status(error.status()).contentType("application/json").result(Json.bytes(error.body()));
    }

    private static ApiError fromJavalin(HttpResponseException error) {
        int status = error.getStatus();
        String code = CODES.getOrDefault(status, status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST");
        String message = status == 404 || status == 405 ? "no such endpoint" : error.getMessage();
        return new ApiError(status, code, message == null ? "" : message);
    }

    private void served(Context context) {
        Long started = context.attribute(STARTED);
        Duration took = started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
        String matched = context.attribute(Routes.ROUTE);
        String route = matched == null ? "unmatched" : matched;
        listener.served(context.method().name(), route, context.statusCode(), took);
        LOG.debug("{} {} -> {} in {} ms", context.method(), route, context.statusCode(), took.toMillis());
    }
}
