package io.omnisync.adapters.sandbox;

import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.delivery.DeliveryReport;
import io.omnisync.application.reporting.ReportVendorEvent;
import io.omnisync.domain.event.AgentEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Runs the sandboxes and the engine until nothing is left to do, on the caller's thread: delivers
 * every webhook the sandboxes owe (each may make the engine decide commands, which are delivered
 * right after, and whose echoes are more webhooks), and resends what a failing vendor left
 * waiting without waiting for its backoff (time stands still in a simulation), a bounded number
 * of rounds.
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

    /** Delivers, decides and sends until nothing is left; returns how many webhooks were delivered. */
    public int runUntilQuiet() {
        int delivered = 0;
        int resendRounds = 0;
        while (delivered < MAX_DELIVERIES) {
            Optional<AgentEvent> next = deliveries.next();
            if (next.isPresent()) {
                boolean decidedCommands = webhooks.report(next.get())
                        .exists(decision -> !decision.commands().isEmpty());
                delivered++;
                if (decidedCommands) {
                    commands.deliverDue();
                }
                continue;
            }
            if (commands.pending().isEmpty() || resendRounds >= MAX_RESEND_ROUNDS) {
                break;
            }
            DeliveryReport report = commands.resendNow();
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
