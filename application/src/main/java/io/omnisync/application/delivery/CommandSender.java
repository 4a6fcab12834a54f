package io.omnisync.application.delivery;

import io.omnisync.application.store.PendingCommand;
import io.omnisync.application.sync.AgentLocks;
import io.omnisync.application.sync.EngineStore;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.application.vendor.VendorCalls;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.PresenceSync;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the vendors, oldest first. An accepted command is done; a refused one is
 * done and the engine stops waiting for its echo; one that could not be delivered stays, with its
 * attempt counted, and holds back the later commands of the same agent so they keep their order.
 * Vendor calls are idempotent, so sending a command twice (after a crash) is harmless.
 */
@Singleton
public class CommandSender implements DeliverCommands {

    private static final Logger LOG = LoggerFactory.getLogger(CommandSender.class);

    private final EngineStore store;
    private final AgentLocks locks;
    private final TalkdeskPresence talkdesk;
    private final OmniChannelPresence omni;
    private final VendorCalls calls;

    @Inject
    public CommandSender(
            EngineStore store,
            AgentLocks locks,
            TalkdeskPresence talkdesk,
            OmniChannelPresence omni,
            VendorCalls calls) {
        this.store = store;
        this.locks = locks;
        this.talkdesk = talkdesk;
        this.omni = omni;
        this.calls = calls;
    }

    @Override
    public synchronized SendReport sendPending() {
        if (!store.hasConfiguration()) {
            return SendReport.NOTHING;
        }
        Configuration configuration = store.configuration();
        Set<AgentId> heldBack = new HashSet<>();
        int accepted = 0;
        int refused = 0;
        int stillPending = 0;
        for (PendingCommand pending : store.pending()) {
            Command command = pending.command();
            Option<Agent> agent = configuration.agent(command.agent());
            if (agent.isEmpty()) {
                store.done(pending.id());
                continue;
            }
            if (heldBack.contains(command.agent())) {
                stillPending++;
                continue;
            }
            try {
                VendorAnswer answer = send(agent.get(), command);
                if (answer instanceof VendorAnswer.Refused refusal) {
                    refuse(agent.get(), pending, refusal.reason());
                    refused++;
                } else {
                    store.done(pending.id());
                    accepted++;
                }
            } catch (VendorUnavailableException e) {
                LOG.warn("{} could not be sent (attempt {}): {}", command, pending.attempts() + 1, e.getMessage());
                store.failed(pending.id(), e.getMessage());
                heldBack.add(command.agent());
                stillPending++;
            }
        }
        return new SendReport(accepted, refused, stillPending);
    }

    @Override
    public Seq<PendingCommand> pending() {
        return store.pending();
    }

    private VendorAnswer send(Agent agent, Command command) {
        return calls.call(
                command.system(),
                () -> command.sendTo(new Command.Vendors<VendorAnswer>() {
                    @Override
                    public VendorAnswer talkdesk(Command.SetTalkdeskStatus set) {
                        return CommandSender.this.talkdesk.setAgentStatus(agent, set.status());
                    }

                    @Override
                    public VendorAnswer omni(Command.SetOmniStatus set) {
                        return CommandSender.this.omni.setPresenceStatus(agent, set.status());
                    }
                }));
    }

    private void refuse(Agent agent, PendingCommand pending, String reason) {
        locks.forAgent(agent.id(), () -> {
            store.done(pending.id(), PresenceSync.commandFailed(store.session(agent), pending.command(), reason));
            return null;
        });
    }
}
