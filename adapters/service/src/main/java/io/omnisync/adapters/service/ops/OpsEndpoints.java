package io.omnisync.adapters.service.ops;

import io.omnisync.adapters.service.http.Access;
import io.omnisync.adapters.service.http.Json;
import io.omnisync.adapters.service.http.RouteGroup;
import io.omnisync.adapters.service.http.Routes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * SPEC 10.4, for whoever runs the service: {@code GET /healthz} (the process serves), {@code GET /readyz} (it should
 * get traffic: 200, or 503 saying why not) and {@code GET /metrics} (Prometheus). Unauthenticated, like every
 * orchestrator expects; they show counts and states, never an agent, a status or a secret.
 */
@Singleton
public final class OpsEndpoints implements RouteGroup {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Readiness readiness;
    private final ServiceMetrics metrics;

    @Inject
    public OpsEndpoints(Readiness readiness, ServiceMetrics metrics) {
        this.readiness = readiness;
        this.metrics = metrics;
    }

    @Override
    public void addTo(Routes routes) {
        routes.get(
                "/healthz",
                Access.ANYONE,
                request -> request.respond(200, Json.object().put("status", "up")));
        routes.get(
                "/readyz",
                Access.ANYONE,
                request -> readiness
                        .notReady()
                        .ifPresentOrElse(
                                why -> request.respond(
                                        503,
                                        Json.object().put("status", "not ready").put("message", why)),
                                () -> request.respond(200, Json.object().put("status", "ready"))));
        routes.get("/metrics", Access.ANYONE, request -> request.respond(200, PROMETHEUS_TEXT, metrics.scrape()));
    }
}
