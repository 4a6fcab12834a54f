package io.omnisync.adapters.service.console;

import io.omnisync.domain.agent.AgentId;
import java.time.Instant;
import java.util.Objects;

/**
 * Who is calling a console endpoint: the agent her token names (its {@code sub}), and when the token expires. No
 * request can name another agent: every console endpoint acts for this one only.
 */
public record ConsoleCaller(AgentId agent, Instant tokenExpiresAt) {

    public ConsoleCaller {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
    }
}
