package io.omnisync.application.vendor;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.status.TalkdeskStatusId;

/** Driven port: set an agent's Talkdesk status. Idempotent: setting the status an agent has is harmless. */
public interface TalkdeskPresence {

    /**
     * Asks Talkdesk to put the agent in {@code status}.
     *
     * @return what Talkdesk answered; a refusal is final (the vendor's rules say no)
     * @throws VendorUnavailableException when Talkdesk could not be reached; the call is tried again later
     */
    VendorAnswer setAgentStatus(Agent agent, TalkdeskStatusId status);
}
