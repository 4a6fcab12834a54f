package io.omnisync.application.reporting;

import io.omnisync.domain.event.AgentEvent;

/**
 * Driving port: an ingress (the service's webhooks and console events) hands over what a vendor reported, and may
 * acknowledge it once this returns: the event is durable ("acknowledged means durable", SPEC 10). In process that
 * means decided and committed ({@link DecideOnArrival}); on Kafka (SPEC 13) it means written to the events topic and
 * acknowledged by the broker, the decision following there.
 */
public interface AcceptReportedChange {

    /**
     * Takes the event; returns once it is durable.
     *
     * @throws ReportNotTaken when it could not be made durable: nothing may be acknowledged, the sender retries
     */
    void accept(AgentEvent event);
}
