package io.omnisync.domain.sync;

import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.vavr.control.Option;

/**
 * SPEC 4.7: vendors deliver at least once and out of order. An event whose id was applied is a
 * duplicate; one older than the latest applied from the same system is stale. Neither is applied.
 */
public final class DeliveryPolicy {

    private DeliveryPolicy() {}

    public static Option<Fact.Skipped> reject(AgentSession session, AgentEvent event) {
        if (session.recentEventIds().contains(event.id())) {
            return Option.some(Fact.Skipped.event(event, SkipReason.DUPLICATE, Because.DELIVERY));
        }
        if (session.isOlderThanLatest(event)) {
            return Option.some(Fact.Skipped.event(event, SkipReason.STALE, Because.DELIVERY));
        }
        return Option.none();
    }
}
