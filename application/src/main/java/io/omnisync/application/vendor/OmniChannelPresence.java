package io.omnisync.application.vendor;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.status.PresenceStatusId;

/** Driven port: set an agent's Omni-Channel presence status. Idempotent. It cannot log anyone out. */
public interface OmniChannelPresence {

    /**
     * @return what Salesforce answered; a refusal is final (e.g. the status is not granted)
     * @throws VendorUnavailableException when Salesforce could not be reached; the call may be retried
     */
    VendorAnswer setPresenceStatus(Agent agent, PresenceStatusId status);
}
