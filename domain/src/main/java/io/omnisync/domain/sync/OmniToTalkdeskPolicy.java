package io.omnisync.domain.sync;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Either;

/**
 * SPEC 4.4: when the agent picks presence status P (or logs out) and P maps to T, and the agent
 * is not in a call and not already in T, Talkdesk goes to T.
 */
public final class OmniToTalkdeskPolicy {

    private OmniToTalkdeskPolicy() {
    }

    public static Either<Fact.Skipped, TalkdeskStatusId> target(Configuration configuration, AgentSession session,
                                                                OmniStatus omni) {
        var mapped = configuration.mapping().talkdeskStatusFor(omni);
        if (mapped.isEmpty()) {
            return skip(session, SkipReason.UNMAPPED, "Omni-Channel status '" + omni + "' has no Talkdesk status");
        }
        return towards(session, mapped.get(), "'" + omni + "' maps to");
    }

    /** The guards every change of Talkdesk passes, whatever asked for it (mapping, return, rule). */
    public static Either<Fact.Skipped, TalkdeskStatusId> towards(AgentSession session, TalkdeskStatusId target,
                                                                 String why) {
        if (target.isReservedForCalls()) {
            return skip(session, SkipReason.RESERVED_STATUS, why + " '" + target
                    + "', which only the call lifecycle sets");
        }
        if (session.inCall()) {
            return skip(session, SkipReason.IN_CALL, why + " '" + target + "' but the agent is "
                    + session.callPhase() + ": the call owns the Talkdesk status");
        }
        if (session.talkdeskNow().equals(target)) {
            return skip(session, SkipReason.ALREADY_IN_STATUS, "already '" + target + "' in Talkdesk");
        }
        return Either.right(target);
    }

    private static Either<Fact.Skipped, TalkdeskStatusId> skip(AgentSession session, SkipReason reason, String detail) {
        return Either.left(new Fact.Skipped(session.agent(), reason, detail));
    }
}
