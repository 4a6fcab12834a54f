package io.omnisync.adapters.sandbox;

import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.delivery.SendReport;
import io.omnisync.application.reporting.OmniPresenceChange;
import io.omnisync.application.reporting.ReportOmniPresenceChange;
import io.omnisync.application.reporting.ReportOmniWork;
import io.omnisync.application.reporting.ReportTalkdeskStatusChange;
import io.omnisync.application.reporting.TalkdeskStatusChange;
import io.omnisync.domain.event.AgentEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Runs the sandboxes and the engine until nothing is left to do: delivers every webhook the
 * sandboxes owe (each may make the engine send commands, whose echoes are more webhooks), and
 * resends what a failing vendor left pending, a bounded number of times.
 */
@Singleton
public class Simulation {

    /** Rounds of resending a failing vendor gets before the simulation moves on. */
    public static final int MAX_RESEND_ROUNDS = 50;
    private static final int MAX_DELIVERIES = 100_000;

    private final VendorDeliveries deliveries;
    private final ReportTalkdeskStatusChange talkdesk;
    private final ReportOmniPresenceChange omni;
    private final ReportOmniWork work;
    private final DeliverCommands commands;

    @Inject
    public Simulation(VendorDeliveries deliveries, ReportTalkdeskStatusChange talkdesk, ReportOmniPresenceChange omni,
                      ReportOmniWork work, DeliverCommands commands) {
        this.deliveries = deliveries;
        this.talkdesk = talkdesk;
        this.omni = omni;
        this.work = work;
        this.commands = commands;
    }

    /** @return how many webhooks were delivered */
    public int runUntilQuiet() {
        int delivered = 0;
        int resendRounds = 0;
        while (delivered < MAX_DELIVERIES) {
            Optional<AgentEvent> next = deliveries.next();
            if (next.isPresent()) {
                deliver(next.get());
                delivered++;
                continue;
            }
            if (commands.pending().isEmpty() || resendRounds >= MAX_RESEND_ROUNDS) {
                break;
            }
            SendReport report = commands.sendPending();
            resendRounds++;
            if (report.stillPending() == 0 && deliveries.isEmpty()) {
                break;
            }
        }
        if (delivered >= MAX_DELIVERIES) {
            throw new IllegalStateException("the simulation did not settle after " + delivered + " deliveries");
        }
        return delivered;
    }

    private void deliver(AgentEvent event) {
        if (event instanceof AgentEvent.TalkdeskStatusReported reported) {
            talkdesk.talkdeskStatusChanged(
                    new TalkdeskStatusChange(reported.agent(), reported.status(), reported.id(), reported.at()));
        } else if (event instanceof AgentEvent.OmniStatusReported reported) {
            omni.omniPresenceChanged(
                    new OmniPresenceChange(reported.agent(), reported.status(), reported.id(), reported.at()));
        } else if (event instanceof AgentEvent.OmniWorkloadReported reported) {
            work.workloadChanged(reported);
        } else if (event instanceof AgentEvent.OmniWorkAccepted accepted) {
            work.workAccepted(accepted);
        }
    }
}
