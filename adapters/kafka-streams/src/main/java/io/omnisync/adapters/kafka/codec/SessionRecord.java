package io.omnisync.adapters.kafka.codec;

import io.omnisync.domain.session.AgentSession;
import java.util.Objects;

/**
 * What the sessions store keeps for one agent: the domain's session, the configuration version it was last
 * decided under (an agent's records are never decided under an older one), and how many commands were sent
 * for the agent (each command's id is the agent and that count).
 */
public record SessionRecord(AgentSession session, long configurationVersion, long commands) {

    public SessionRecord {
        Objects.requireNonNull(session, "session");
    }
}
