package io.omnisync.adapters.sandbox;

import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.delivery.SendReport;
import io.omnisync.application.reporting.ReportVendorEvent;
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
    private final ReportVendorEvent webhooks;
    private final DeliverCommands commands;

    @Inject
    public Simulation(VendorDeliveries deliveries, ReportVendorEvent webhooks, DeliverCommands commands) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.commands = commands;
    }

    /** @return how many webhooks were delivered */
    public int runUntilQuiet() {
        int delivered = 0;
        int resendRounds = 0;
        while (delivered < MAX_DELIVERIES) {
            Optional<AgentEvent> next = deliveries.next();
            if (next.isPresent()) {
                webhooks.report(next.get());
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
}
