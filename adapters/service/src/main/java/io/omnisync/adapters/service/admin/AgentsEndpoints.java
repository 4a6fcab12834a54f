package io.omnisync.adapters.service.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.service.http.ApiError;
import io.omnisync.adapters.service.http.ApiRequest;
import io.omnisync.adapters.service.http.Json;
import io.omnisync.adapters.service.http.RouteGroup;
import io.omnisync.adapters.service.http.Routes;
import io.omnisync.adapters.service.security.AdminAccess;
import io.omnisync.application.audit.AuditTrail;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.domain.agent.AgentId;
import io.vavr.collection.Seq;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * What the engine knows of agents, for the admin (SPEC 10.3): {@code GET /api/agents}, {@code GET
 * /api/agents/{id}/audit} (the latest 200 facts, oldest first), {@code GET /api/pending}, and the lead's {@code GET
 * /api/stream} (each agent's entry again whenever it changes, and the settings).
 */
@Singleton
public final class AgentsEndpoints implements RouteGroup {

    /** SPEC 10.3: an agent's latest 200 facts. */
    public static final int AUDIT_LIMIT = 200;

    private final AdminAccess access;
    private final QueryAgents agents;
    private final DeliverCommands delivery;
    private final AuditTrail audit;
    private final LiveAgents live;

    @Inject
    public AgentsEndpoints(
            AdminAccess access, QueryAgents agents, DeliverCommands delivery, AuditTrail audit, LiveAgents live) {
        this.access = access;
        this.agents = agents;
        this.delivery = delivery;
        this.audit = audit;
        this.live = live;
    }

    @Override
    public void addTo(Routes routes) {
        routes.guarded("/api/", access);
        routes.get("/api/agents", access, this::agents);
        routes.get("/api/agents/{id}/audit", access, this::audit);
        routes.get("/api/pending", access, this::pending);
        routes.get("/api/stream", access, request -> live.subscribe(request.context()));
    }

    private void agents(ApiRequest request) {
        Map<AgentId, Integer> pending = pendingPerAgent(delivery.pending());
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("agents");
        agents.agents().forEach(session -> list.add(Views.agent(session, pending.getOrDefault(session.agent(), 0))));
        request.respond(200, answer);
    }

    private void audit(ApiRequest request) {
        AgentId agent = AgentId.of(request.pathParam("id"));
        if (agents.configuration().agent(agent).isEmpty()) {
            throw ApiError.notFound("no agent '" + agent + "' in the running configuration");
        }
        ObjectNode answer = Json.object();
        ArrayNode facts = answer.putArray("facts");
        audit.of(agent, AUDIT_LIMIT).forEach(entry -> facts.add(Views.fact(entry)));
        request.respond(200, answer);
    }

    private void pending(ApiRequest request) {
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("pending");
        delivery.pending().forEach(command -> list.add(Views.pending(command)));
        request.respond(200, answer);
    }

    static Map<AgentId, Integer> pendingPerAgent(Seq<PendingCommand> pending) {
        Map<AgentId, Integer> counts = new HashMap<>();
        pending.forEach(command -> counts.merge(command.command().agent(), 1, Integer::sum));
        return counts;
    }
}
