package io.omnisync.adapters.service.console;

import io.omnisync.adapters.service.http.ApiError;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the console side reads from the running configuration, indexed once per configuration (a replacement gives a
 * new one): the agent a Salesforce user Id is (by its first 15 characters), each presence status's {@code
 * salesforceId} and back, and the console origins CORS allows.
 */
@Singleton
public final class ConsoleDirectory {

    /** One configuration's indexes. */
    private record Index(
            Configuration configuration,
            Map<String, AgentId> agentsBySalesforceId,
            Map<PresenceStatusId, String> salesforceIds,
            Map<String, PresenceStatusId> statusesBySalesforceId,
            Set<String> origins) {

        static Index of(Configuration configuration) {
            Map<String, AgentId> agents = new HashMap<>();
            for (Agent agent : configuration.agents().values()) {
                agents.putIfAbsent(SalesforceIds.significant(agent.salesforceUserId()), agent.id());
            }
            Map<PresenceStatusId, String> ids = new HashMap<>();
            Map<String, PresenceStatusId> statuses = new HashMap<>();
            ConfigurationDraft draft = configuration.draft();
            for (ConfigurationDraft.PresenceStatusDraft status :
                    draft.omniChannel().presenceStatuses()) {
                if (OmniStatus.OFFLINE_NAME.equals(status.apiName())) {
                    continue; // not a presence status; the configuration's validation says so
                }
                status.salesforceId().forEach(id -> {
                    PresenceStatusId apiName = PresenceStatusId.of(status.apiName());
                    ids.put(apiName, id);
                    statuses.putIfAbsent(SalesforceIds.significant(id), apiName);
                });
            }
            Set<String> origins = new LinkedHashSet<>();
            draft.vendors()
                    .flatMap(ConfigurationDraft.VendorsDraft::omniChannel)
                    .forEach(omni -> omni.consoleOrigins()
                            .map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
                            .forEach(origins::add));
            return new Index(
                    configuration, Map.copyOf(agents), Map.copyOf(ids), Map.copyOf(statuses), Set.copyOf(origins));
        }
    }

    private final QueryAgents agents;
    private volatile Index index;

    @Inject
    public ConsoleDirectory(QueryAgents agents) {
        this.agents = agents;
    }

    /** The configured agent whose {@code salesforceUserId} is {@code salesforceUserId} (15- or 18-character form). */
    public Optional<AgentId> agent(String salesforceUserId) {
        return Optional.ofNullable(index().agentsBySalesforceId().get(SalesforceIds.significant(salesforceUserId)));
    }

    /** The {@code salesforceId} of a presence status, which the toolkit needs to set it. */
    public Optional<String> salesforceId(PresenceStatusId status) {
        return Optional.ofNullable(index().salesforceIds().get(status));
    }

    /** The presence status whose {@code salesforceId} is {@code salesforceId} (either form). */
    public Optional<PresenceStatusId> statusOf(String salesforceId) {
        return Optional.ofNullable(index().statusesBySalesforceId().get(SalesforceIds.significant(salesforceId)));
    }

    /** Whether the configuration has a presence status of that API name. */
    public boolean hasStatus(PresenceStatusId status) {
        return index().configuration().presenceStatus(status).isDefined();
    }

    /** Whether {@code origin} is one of {@code vendors.omniChannel.consoleOrigins}; false before any configuration. */
    public boolean allowsOrigin(String origin) {
        if (origin == null || origin.isBlank()) {
            return false;
        }
        try {
            return index().origins().contains(origin);
        } catch (ApiError notYet) {
            return false;
        }
    }

    private Index index() {
        Configuration running;
        try {
            running = agents.configuration();
        } catch (IllegalStateException notYet) {
            throw new ApiError(503, "UNAVAILABLE", "the service has no configuration loaded yet; retry shortly");
        }
        Index known = index;
        if (known == null || known.configuration() != running) {
            known = Index.of(running);
            index = known;
        }
        return known;
    }
}
