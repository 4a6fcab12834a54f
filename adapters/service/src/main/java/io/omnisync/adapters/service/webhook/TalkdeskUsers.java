package io.omnisync.adapters.service.webhook;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which agent a Talkdesk {@code user_id} is (the agent whose {@code talkdeskUserId} it is), indexed once per running
 * configuration: a replaced configuration is indexed again on its first webhook.
 */
final class TalkdeskUsers {

    private record Index(Configuration configuration, Map<String, Agent> byUserId) {}

    private volatile Index index;

    Optional<Agent> agent(Configuration configuration, String userId) {
        Index current = index;
        if (current == null || current.configuration() != configuration) {
            Map<String, Agent> byUserId = new HashMap<>();
            configuration.agents().values().forEach(agent -> byUserId.put(agent.talkdeskUserId(), agent));
            current = new Index(configuration, byUserId);
            index = current;
        }
        return Optional.ofNullable(current.byUserId().get(userId));
    }
}
