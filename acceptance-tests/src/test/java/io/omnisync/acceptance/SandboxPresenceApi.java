package io.omnisync.acceptance;

import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.adapters.talkdesk.PresenceBody;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn.PresenceAnswer;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn.PresenceBackend;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Option;

/**
 * The Talkdesk sandbox behind the stand-in's Presence API: a PUT sets the user's status in the
 * sandbox, which keeps Talkdesk's rules and reports the change back (as a webhook, in the {@code
 * http} set). The body names the status as SPEC 6 says: its {@code custom_status_id} for a custom
 * status, its {@code status} for a built-in one. The sandbox's refusal is Talkdesk's 409, its
 * failure a 503.
 */
final class SandboxPresenceApi implements PresenceBackend {

    private final TalkdeskSandbox talkdesk;
    private final QueryAgents engine;

    SandboxPresenceApi(TalkdeskSandbox talkdesk, QueryAgents engine) {
        this.talkdesk = talkdesk;
        this.engine = engine;
    }

    @Override
    public PresenceAnswer setStatus(String talkdeskUserId, PresenceBody presence) {
        Option<Agent> agent = engine.configuration()
                .agents()
                .values()
                .find(candidate -> candidate.talkdeskUserId().equals(talkdeskUserId));
        if (agent.isEmpty()) {
            return PresenceAnswer.error(404, "user_not_found", "no user " + talkdeskUserId);
        }
        TalkdeskStatusId status = TalkdeskStatusId.of(presence.customStatusId().orElse(presence.status()));
        try {
            VendorAnswer answer = talkdesk.setAgentStatus(agent.get(), status);
            if (answer instanceof VendorAnswer.Refused refused) {
                // Talkdesk answers a status it no longer has with a 404 about the status (SPEC 11), any other
                // refusal by its rules with a 409: the adapter tells them apart as the real API lets it.
                return refused.kind() == VendorAnswer.Refused.Kind.UNKNOWN_STATUS
                        ? PresenceAnswer.error(404, "status_not_found", refused.reason())
                        : PresenceAnswer.error(409, "status_change_refused", refused.reason());
            }
            return PresenceAnswer.ACCEPTED;
        } catch (VendorUnavailableException failed) {
            return PresenceAnswer.error(503, "unavailable", failed.getMessage());
        }
    }
}
