package io.omnisync.domain.sync;

import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.vavr.control.Option;

/**
 * SPEC 4.7: vendors deliver at least once and out of order. An event whose id was applied is a
 * duplicate; one older than the latest applied of the same kind (Talkdesk statuses, Omni-Channel
 * presence, Omni-Channel work) is stale. Neither is applied, except for what a stale echo still
 * says: the change Omnisync asked for was made (before the agent's newer one), so it is no longer
 * awaited ({@link #isLateEcho}).
 */
public final class DeliveryPolicy {

    private DeliveryPolicy() {}

    public static Option<Fact.Skipped> reject(AgentSession session, AgentEvent event) {
        if (session.recentEventIds().contains(event.id())) {
            return Option.some(Fact.Skipped.event(event, SkipReason.DUPLICATE, Because.DELIVERY));
        }
        if (session.isOlderThanLatest(event) && !session.isEcho(event)) {
            return Option.some(Fact.Skipped.event(event, SkipReason.STALE, Because.DELIVERY));
        }
        return Option.none();
    }

    /**
     * The echo of a change Omnisync still awaits ({@link AgentSession#isEcho}), older than a report
     * of the agent's own applied since: the vendor made Omnisync's change, then hers. It settles
     * the wait for that change and leaves the newer status where it is.
     */
    public static boolean isLateEcho(AgentSession session, AgentEvent event) {
        return session.isOlderThanLatest(event) && session.isEcho(event);
    }
}
