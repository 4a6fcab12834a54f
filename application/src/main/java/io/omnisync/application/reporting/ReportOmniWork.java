package io.omnisync.application.reporting;

import io.omnisync.domain.event.AgentEvent;

/**
 * Driving port: Omni-Channel's work for an agent: units of capacity in use changed, or a work
 * item was accepted on a channel. Only presence sync rules act on these.
 */
public interface ReportOmniWork {

    void workloadChanged(AgentEvent.OmniWorkloadReported event);

    void workAccepted(AgentEvent.OmniWorkAccepted event);
}
