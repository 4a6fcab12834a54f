package io.omnisync.domain.sync;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Either;

/**
 * SPEC 4.4: when the agent picks presence status P (or logs out) and P maps to T, and the agent
 * is not in a call and not already in T, Talkdesk goes to T.
 */
public final class OmniToTalkdeskPolicy {

    private OmniToTalkdeskPolicy() {}

    public static Either<Fact.Skipped, TalkdeskStatusId> target(
            Configuration configuration, AgentSession session, OmniStatus omni, Because because) {
        var mapped = configuration.mapping().talkdeskStatusFor(omni);
        if (mapped.isEmpty()) {
            return Either.left(Fact.Skipped.status(
                    session.agent(), SkipReason.UNMAPPED, VendorSystem.OMNI, omni.wireName(), because));
        }
        return towards(session, mapped.get(), omni, because);
    }

    /**
     * The guards every change of Talkdesk passes, whatever asked for it (mapping, return after a
     * call, rule): never a call status, never during a call, not where it already is.
     */
    public static Either<Fact.Skipped, TalkdeskStatusId> towards(
            AgentSession session, TalkdeskStatusId target, OmniStatus from, Because because) {
        if (target.isReservedForCalls()) {
            return Either.left(skip(session, SkipReason.RESERVED_STATUS, from, target.value(), because));
        }
        if (session.inCall()) {
            return Either.left(skip(session, SkipReason.IN_CALL, from, target.value(), because));
        }
        if (session.talkdeskNow().equals(target)) {
            return Either.left(skip(session, SkipReason.ALREADY_IN_STATUS, from, target.value(), because));
        }
        return Either.right(target);
    }

    private static Fact.Skipped skip(
            AgentSession session, SkipReason reason, OmniStatus from, String target, Because because) {
        return Fact.Skipped.target(session.agent(), reason, VendorSystem.OMNI, from.wireName(), target, because);
    }
}
