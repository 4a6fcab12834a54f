package io.omnisync.application.reporting;

import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.vavr.control.Either;

/**
 * Driving port: any vendor webhook, already read into the domain's event. Adapters that receive
 * webhooks of every kind (a simulation, a queue consumer) use this one instead of the per-kind
 * ports.
 */
public interface ReportVendorEvent {

    /** Decides and stores the event; returns the decision, or the fact recorded about an unknown agent. */
    Either<Fact.Skipped, AgentDecision> report(AgentEvent event);
}
