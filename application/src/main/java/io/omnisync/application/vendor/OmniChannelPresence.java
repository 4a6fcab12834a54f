package io.omnisync.application.vendor;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.status.PresenceStatusId;

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
}
