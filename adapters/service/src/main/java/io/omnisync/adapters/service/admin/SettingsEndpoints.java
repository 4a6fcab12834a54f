package io.omnisync.adapters.service.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.service.http.ApiError;
import io.omnisync.adapters.service.http.ApiRequest;
import io.omnisync.adapters.service.http.Json;
import io.omnisync.adapters.service.http.RouteGroup;
import io.omnisync.adapters.service.http.Routes;
import io.omnisync.adapters.service.security.AdminAccess;
import io.omnisync.application.admin.ChangeIntegrationSettings;
import io.omnisync.application.admin.SettingsResult;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.settings.Refusal;
import io.omnisync.domain.settings.RefusalCode;
import io.omnisync.domain.settings.SettingsChange;
import io.vavr.collection.List;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The admin's switches, which need no save (SPEC 10.3): {@code POST /api/sync} (the 'Omni-Channel' toggle, its dry
 * run and its business-hours guard), {@code PATCH /api/settings} ('return to previous status after a call' and
 * Talkdesk's 'Next agent status') and {@code PATCH /api/rules/{name}}. A change the engine refuses is 409 with its code
 * and changes nothing.
 */
@Singleton
public final class SettingsEndpoints implements RouteGroup {

    private static final String RETURN = "returnToPreviousStatusAfterCall";
    private static final String NEXT = "nextAgentStatus";

    private final AdminAccess access;
    private final ChangeIntegrationSettings settings;
    private final QueryAgents agents;
    private final Clock clock;

    @Inject
    public SettingsEndpoints(AdminAccess access, ChangeIntegrationSettings settings, QueryAgents agents, Clock clock) {
        this.access = access;
        this.settings = settings;
        this.agents = agents;
        this.clock = clock;
    }

    @Override
    public void addTo(Routes routes) {
        routes.post("/api/sync", access, this::sync);
        routes.patch("/api/settings", access, this::change);
        routes.patch("/api/rules/{name}", access, this::rule);
    }

    /** {@code {"enabled": bool, "force": bool, "dryRun": bool}}; {@code force} and {@code dryRun} default to false. */
    private void sync(ApiRequest request) {
        ObjectNode body = request.json();
        Json.onlyFields(body, Set.of("enabled", "force", "dryRun"));
        boolean enabled = Json.bool(body, "enabled");
        boolean force = Json.optionalBool(body, "force").orElse(false);
        boolean dryRun = Json.optionalBool(body, "dryRun").orElse(false);
        if (dryRun) {
            boolean activates = enabled && !current().omniChannelSync();
            request.respond(200, Views.plan(activates ? settings.planActivation() : List.empty()));
            return;
        }
        request.respond(200, applied(settings.change(new SettingsChange.ToggleSync(enabled, force, clock.instant()))));
    }

    /**
     * Any of {@code {"returnToPreviousStatusAfterCall", "nextAgentStatus"}}. Both on is refused before anything
     * changes; what is turned off goes first, so turning one off and the other on in one request is no conflict.
     */
    private void change(ApiRequest request) {
        ObjectNode body = request.json();
        Json.onlyFields(body, Set.of(RETURN, NEXT));
        Optional<Boolean> returnToPrevious = Json.optionalBool(body, RETURN);
        Optional<Boolean> nextAgentStatus = Json.optionalBool(body, NEXT);
        if (returnToPrevious.isEmpty() && nextAgentStatus.isEmpty()) {
            throw ApiError.badRequest("give '" + RETURN + "' or '" + NEXT + "' (true or false)");
        }
        IntegrationSettings now = current();
        boolean returnAfter = returnToPrevious.orElse(now.returnToPreviousStatusAfterCall());
        boolean next = nextAgentStatus.orElse(now.nextAgentStatus());
        if (returnAfter && next) {
            throw ApiError.conflict(
                    RefusalCode.CONFLICTING_AFTER_CALL_SETTINGS.name(),
                    "'return to previous status after a call' and Talkdesk's 'Next agent status' cannot be enabled "
                            + "at the same time; turn one of them off first");
        }
        SettingsResult result = null;
        if (returnToPrevious.filter(on -> !on).isPresent()) {
            result = applyOrRefuse(new SettingsChange.ToggleReturnToPrevious(false, clock.instant()));
        }
        if (nextAgentStatus.isPresent()) {
            result = applyOrRefuse(new SettingsChange.ToggleNextAgentStatus(nextAgentStatus.get(), clock.instant()));
        }
        if (returnToPrevious.filter(on -> on).isPresent()) {
            result = applyOrRefuse(new SettingsChange.ToggleReturnToPrevious(true, clock.instant()));
        }
        request.respond(200, applied(result));
    }

    private void rule(ApiRequest request) {
        String name = request.pathParam("name");
        ObjectNode body = request.json();
        Json.onlyFields(body, Set.of("enabled"));
        boolean enabled = Json.bool(body, "enabled");
        SettingsResult result = settings.change(new SettingsChange.ToggleRule(name, enabled, clock.instant()));
        if (result instanceof SettingsResult.Refused refused
                && refused.refusal().code() == RefusalCode.UNKNOWN_RULE) {
            throw ApiError.notFound(refused.refusal().message());
        }
        applied(result);
        request.respond(200, Json.object().put("name", name).put("enabled", enabled));
    }

    private SettingsResult applyOrRefuse(SettingsChange change) {
        SettingsResult result = settings.change(change);
        applied(result);
        return result;
    }

    /** {@code {"settings": {...}}}, or the refusal as 409 with its code. */
    private static ObjectNode applied(SettingsResult result) {
        if (result instanceof SettingsResult.Refused refused) {
            Refusal refusal = refused.refusal();
            throw ApiError.conflict(refusal.code().name(), refusal.message());
        }
        return Views.settingsAnswer(((SettingsResult.Applied) result).settings());
    }

    private IntegrationSettings current() {
        return agents.configuration().settings();
    }
}
