package io.omnisync.application.vendor;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.status.PresenceStatusId;
import java.time.Instant;

/** Driven port: set an agent's Omni-Channel presence status. Idempotent. It cannot log anyone out. */
public interface OmniChannelPresence {

    /**
     * Asks Salesforce to put the agent in {@code status}.
     *
     * @param command the command's stable id: an adapter that answers later ({@link
     *     VendorAnswer#DISPATCHED}) names the command by it when it reports the result
     * @return what Salesforce answered; a refusal is final (e.g. the status is not granted)
     * @throws VendorUnavailableException when Salesforce could not be reached; the call is tried again later
     */
    VendorAnswer setPresenceStatus(CommandId command, Agent agent, PresenceStatusId status);

    /**
     * The same for a command decided at {@code decidedAt}, some time ago: an adapter that lets a command wait for
     * the agent's console (SPEC 10.2: at most 60 s) counts the wait from then, not from the call (a command handed
     * over again after a restart keeps its deadline). By default, the call above.
     */
    default VendorAnswer setPresenceStatus(CommandId command, Agent agent, PresenceStatusId status, Instant decidedAt) {
        return setPresenceStatus(command, agent, status);
    }
}
