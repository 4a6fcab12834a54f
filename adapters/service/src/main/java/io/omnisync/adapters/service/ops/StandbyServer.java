package io.omnisync.adapters.service.ops;

import io.javalin.Javalin;
import io.omnisync.adapters.service.http.Json;
import io.omnisync.adapters.service.http.ServerOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a standby answers while another process holds the store (SPEC 10.4): {@code /healthz} 200, for the process is
 * up; {@code /readyz} 503, so that a load balancer sends it nothing; and 503 {@code UNAVAILABLE} with
 * {@code Retry-After} for anything else, so that a request that reaches it anyway (a webhook, a console, an admin)
 * changes nothing and is sent again. It holds no engine, no store and no secret. When the standby takes over, this
 * server stops and the service starts on the same port.
 */
public final class StandbyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandbyServer.class);

    private final Javalin javalin;

    private StandbyServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * Listens on {@code options}' host and port (port 0 picks a free one).
     *
     * @throws RuntimeException when the port cannot be had
     */
    public static StandbyServer start(ServerOptions options, String waitingFor) {
        Javalin javalin = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.startup.showOldJavalinVersionWarning = false;
                    config.jetty.modifyServer(server ->
                            server.setStopTimeout(Duration.ofSeconds(1).toMillis()));
                    config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
                    config.routes.get(
                            "/healthz",
                            context -> context.contentType("application/json")
                                    .result(Json.bytes(Json.object().put("status", "up"))));
                    config.routes.get(
                            "/readyz",
                            context -> context.status(503)
                                    .contentType("application/json")
                                    .result(Json.bytes(Json.object()
                                            .put("status", "standby")
                                            .put(
                                                    "message",
                                                    "another process is active; this one waits for " + waitingFor))));
                    config.routes.error(404, context -> {
                        context.header("Retry-After", "5");
                        context.status(503)
                                .contentType("application/json")
                                .result(Json.bytes(Json.object()
                                        .put("error", "UNAVAILABLE")
                                        .put(
                                                "message",
                                                "this process is a standby: send it to the active one; "
                                                        + "nothing was changed")));
                    });
                })
                .start(options.host(), options.port());
        LOG.info("standby on port {}: /readyz answers 503 until this process takes over", javalin.port());
        return new StandbyServer(javalin);
    }

    public int port() {
        return javalin.port();
    }

    /** Stops listening, so that the service can take the port. */
    @Override
    public void close() {
        javalin.stop();
    }
}
