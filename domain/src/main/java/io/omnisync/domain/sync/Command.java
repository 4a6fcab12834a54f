package io.omnisync.domain.sync;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.util.Objects;

/**
 * A change the engine asks a vendor to make. Each kind knows what it means for the agent's
 * session (its echo is awaited, or no longer) and which vendor it goes to ({@link #sendTo}).
 */
public sealed interface Command {

    AgentId agent();

    Because because();

    VendorSystem system();

    /** The status asked for, as it is written in files and output. */
    String statusName();

    /** {@code session} once this command is on its way: its report will be an echo. */
    AgentSession awaitedBy(AgentSession session);

    /** {@code session} once this command will never be echoed (refused, superseded, expired). */
    AgentSession abandonedBy(AgentSession session);

    /** Hands the command to the vendor it is for. */
    <T> T sendTo(Vendors<T> vendors);

    /** The two vendors, as whatever sends or describes a command sees them. */
    interface Vendors<T> {

        T talkdesk(SetTalkdeskStatus command);

        T omni(SetOmniStatus command);
    }

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

        @Override
        public AgentSession awaitedBy(AgentSession session) {
            return session.expectingTalkdesk(status);
        }

        @Override
        public AgentSession abandonedBy(AgentSession session) {
            return session.notExpectingTalkdesk(status);
        }

        @Override
        public <T> T sendTo(Vendors<T> vendors) {
            return vendors.talkdesk(this);
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

        @Override
        public AgentSession awaitedBy(AgentSession session) {
            return session.expectingOmni(status);
        }

        @Override
        public AgentSession abandonedBy(AgentSession session) {
            return session.notExpectingOmni(status);
        }

        @Override
        public <T> T sendTo(Vendors<T> vendors) {
            return vendors.omni(this);
        }
    }
}
