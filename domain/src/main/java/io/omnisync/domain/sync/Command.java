package io.omnisync.domain.sync;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.util.Objects;

/** A change the engine asks a vendor to make. */
public sealed interface Command {

    AgentId agent();

    Because because();

    VendorSystem system();

    /** The status asked for, as it is written in files and output. */
    String statusName();

    /** Set the agent's Talkdesk status. Never On a Call or After Call Work: calls own those. */
    record SetTalkdeskStatus(AgentId agent, TalkdeskStatusId status, Because because) implements Command {
        public SetTalkdeskStatus {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(because, "because");
        }

        @Override
        public VendorSystem system() {
            return VendorSystem.TALKDESK;
        }

        @Override
        public String statusName() {
            return status.value();
        }
    }

    /**
     * Set the agent's Omni-Channel presence status. It takes a presence status, so it cannot log
     * anyone out: Offline is not one.
     */
    record SetOmniStatus(AgentId agent, PresenceStatusId status, Because because) implements Command {
        public SetOmniStatus {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(because, "because");
        }

        @Override
        public VendorSystem system() {
            return VendorSystem.OMNI;
        }

        @Override
        public String statusName() {
            return status.apiName();
        }
    }
}
