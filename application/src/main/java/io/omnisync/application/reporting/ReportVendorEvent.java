package io.omnisync.application.reporting;

import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.sync.AgentDecision;

/**
 * Driving port: any vendor webhook, already read into the domain's event. Adapters that receive
 * webhooks of every kind (a simulation, a queue consumer) use this one instead of the per-kind
 * ports.
 */
public interface ReportVendorEvent {

    AgentDecision report(AgentEvent event);
}
