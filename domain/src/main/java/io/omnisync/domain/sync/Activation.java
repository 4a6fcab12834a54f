package io.omnisync.domain.sync;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.settings.BusinessHours;
import io.omnisync.domain.settings.Refusal;
import io.omnisync.domain.settings.RefusalCode;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * SPEC 4.2: turning the 'Omni-Channel' toggle on syncs at once. Talkdesk wins: every agent logged
 * in to Omni-Channel is moved to what their Talkdesk status maps to. Because that moves agents in
 * the middle of their work, activation is refused inside business hours unless forced, and the
 * same decisions can be listed without sending anything (a dry run).
 */
public final class Activation {

    private Activation() {}

    /** What activation does for one configured agent. */
    public static AgentDecision reconcile(Configuration configuration, Agent agent, AgentSession session) {
        return TalkdeskToOmniPolicy.target(configuration, agent, session, session.talkdeskNow(), Because.ACTIVATION)
                .fold(
                        skipped -> AgentDecision.nothing(session).withFact(skipped),
                        target -> AgentDecision.send(
                                session, new Command.SetOmniStatus(session.agent(), target, Because.ACTIVATION)));
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
