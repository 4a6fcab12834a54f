package io.omnisync.domain.sync;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.mapping.Mapping;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.settings.BusinessHours;
import io.omnisync.domain.settings.Refusal;
import io.omnisync.domain.settings.RefusalCode;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * SPEC 4.2: turning the 'Omni-Channel' toggle on syncs at once. An agent whose Talkdesk and
 * Omni-Channel statuses already agree (either mapping links them: "Available for calls" and
 * "Available for all" may both stand for Talkdesk "Available") is left alone; for every other
 * agent logged in to Omni-Channel Talkdesk wins, and Omni-Channel is set to what her Talkdesk
 * status maps to. Because that moves agents in the middle of their work, activation is refused
 * inside business hours unless forced, and the same decisions can be listed without sending
 * anything (a dry run), each agent left alone with the reason why.
 */
public final class Activation {

    private Activation() {}

    /** What activation does for one configured agent (also for an agent a configuration adds while sync is on). */
    public static AgentDecision reconcile(Configuration configuration, Agent agent, AgentSession session) {
        TalkdeskStatusId talkdesk = session.talkdeskNow();
        OmniStatus omni = session.omniNow();
        if (!session.omniStatus().isOffline() && consistent(configuration.mapping(), talkdesk, omni)) {
            return AgentDecision.nothing(session)
                    .withFact(Fact.Skipped.target(
                            agent.id(),
                            SkipReason.CONSISTENT,
                            VendorSystem.TALKDESK,
                            talkdesk.value(),
                            omni.wireName(),
                            Because.ACTIVATION));
        }
        return TalkdeskToOmniPolicy.target(configuration, agent, session, talkdesk, Because.ACTIVATION)
                .fold(
                        skipped -> AgentDecision.nothing(session).withFact(skipped),
                        target -> AgentDecision.send(
                                session, new Command.SetOmniStatus(session.agent(), target, Because.ACTIVATION)));
    }

    /**
     * Talkdesk {@code talkdesk} and Omni-Channel {@code omni} agree when either mapping links them:
     * Talkdesk → Omni maps {@code talkdesk} to {@code omni}, or Omni → Talkdesk maps {@code omni}
     * to {@code talkdesk}. A logged-out agent agrees with nothing (Offline is no presence status).
     */
    public static boolean consistent(Mapping mapping, TalkdeskStatusId talkdesk, OmniStatus omni) {
        if (omni.isOffline()) {
            return false;
        }
        return mapping.presenceStatusFor(talkdesk).exists(omni::equals)
                || mapping.talkdeskStatusFor(omni).exists(talkdesk::equals);
    }

    /** The guide: activate after business hours, since states start syncing at once. */
    public static Option<Refusal> guard(Configuration configuration, Instant at, boolean force) {
        if (force) {
            return Option.none();
        }
        return configuration
                .businessHours()
                .filter(hours -> hours.contains(at))
                .map(hours -> new Refusal(RefusalCode.INSIDE_BUSINESS_HOURS, insideHours(hours, at)));
    }

    private static String insideHours(BusinessHours hours, Instant at) {
        return "turning Omni-Channel sync on at " + at.atZone(hours.timeZone()).toLocalDateTime()
                + " (" + hours.timeZone() + ") is inside business hours ("
                + hours.days().mkString(", ") + " "
                + hours.start() + "-" + hours.end() + "): states start syncing at once and agents would be moved "
                + "mid-work; activate after hours, or force it";
    }
}
