package io.omnisync.application.delivery;

import io.omnisync.application.vendor.CommandId;
import io.omnisync.domain.agent.AgentId;

/**
 * Driving port: a vendor that took a command to answer later ({@code VendorAnswer.DISPATCHED})
 * says what became of it. Until it does, the command is the agent's one command in flight to that
 * vendor, and newer ones wait.
 */
public interface CommandAnswered {

    /**
     * Settles the command; returns false when {@code command} is not a command of {@code agent}
     * waiting for an answer (already answered, superseded, or someone else's): nothing changes then.
     */
    boolean answered(AgentId agent, CommandId command, CommandAnswer answer);
}
