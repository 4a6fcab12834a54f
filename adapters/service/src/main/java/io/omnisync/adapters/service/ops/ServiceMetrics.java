package io.omnisync.adapters.service.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.omnisync.adapters.service.http.JavalinServer;
import io.omnisync.adapters.service.http.RequestListener;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.vendor.VendorCalls;
import io.omnisync.domain.event.VendorSystem;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code GET /metrics} shows (SPEC 10.4), in Prometheus' text format through Micrometer, every name starting
 * {@code omnisync_}: events received by source and type, decisions by outcome, commands decided, sent, refused,
 * failed (an attempt that could not reach the vendor), superseded and expired by vendor, the outbox's size, decision
 * and commit latency histograms, each vendor's circuit breaker, and requests by route and status. No label carries an
 * agent or a user, so the series stay few and say nothing about people.
 */
@Singleton
public final class ServiceMetrics implements RequestListener {

    /** The command counters, per vendor. */
    private record Commands(
            Counter decided, Counter sent, Counter refused, Counter failed, Counter superseded, Counter expired) {}

    private final PrometheusMeterRegistry registry;
    private final Map<VendorSystem, Commands> commands = new EnumMap<>(VendorSystem.class);
    private final Timer decision;
    private final Timer commit;

    @Inject
    public ServiceMetrics(
            PrometheusMeterRegistry registry,
            Provider<DeliverCommands> delivery,
            Provider<VendorCalls> calls,
            Provider<JavalinServer> server) {
        this.registry = registry;
        for (VendorSystem vendor : VendorSystem.values()) {
            String name = vendor.wireName();
            commands.put(
                    vendor,
                    new Commands(
                            counter("omnisync.commands.decided", "commands the engine decided for the vendor", name),
                            counter("omnisync.commands.sent", "commands the vendor took", name),
                            counter("omnisync.commands.refused", "commands the vendor refused for good", name),
                            counter(
                                    "omnisync.commands.failed",
                                    "attempts that could not reach the vendor (retried later)",
                                    name),
                            counter(
                                    "omnisync.commands.superseded",
                                    "commands never sent: a newer one for the agent came first",
                                    name),
                            counter("omnisync.commands.expired", "commands no console took in time (60 s)", name)));
            for (VendorCalls.Circuit state : VendorCalls.Circuit.values()) {
                Gauge.builder(
                                "omnisync.circuit.breaker.state",
                                calls,
                                provider -> provider.get().circuit(vendor) == state ? 1 : 0)
                        .description("1 for the state each vendor's circuit breaker is in")
                        .tag("vendor", name)
                        .tag("state", state.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
        }
        Gauge.builder(
                        "omnisync.outbox.size",
                        delivery,
                        provider -> provider.get().pending().size())
                .description("commands decided and not yet answered by their vendor")
                .register(registry);
        Gauge.builder(
                        "omnisync.http.requests.in.flight",
                        server,
                        provider -> provider.get().requestsInFlight())
                .description("requests being served now, event streams included")
                .register(registry);
        decision = latency("omnisync.decision", "deciding one event (reading the agent's session included)");
        commit = latency("omnisync.commit", "storing one decision: the session and its commands, one transaction");
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** A well-formed event came in from {@code source} ({@code talkdesk}, {@code console}). */
    public void received(String source, String type) {
        Counter.builder("omnisync.events.received")
                .description("well-formed events taken in, by source and type")
                .tag("source", source)
                .tag("type", type)
                .register(registry)
                .increment();
    }

    /** An event was decided: {@code synced}, or why nothing was sent ({@code echo}, {@code duplicate}, ...). */
    public void decided(String outcome) {
        Counter.builder("omnisync.decisions")
                .description("events decided, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void latencies(Duration deciding, Duration committing) {
        decision.record(deciding);
        commit.record(committing);
    }

    public void commandDecided(VendorSystem vendor) {
        commands.get(vendor).decided().increment();
    }

    public void commandSent(VendorSystem vendor) {
        commands.get(vendor).sent().increment();
    }

    public void commandRefused(VendorSystem vendor) {
        commands.get(vendor).refused().increment();
    }

    public void commandFailed(VendorSystem vendor) {
        commands.get(vendor).failed().increment();
    }

    public void commandSuperseded(VendorSystem vendor) {
        commands.get(vendor).superseded().increment();
    }

    public void commandExpired(VendorSystem vendor) {
        commands.get(vendor).expired().increment();
    }

    @Override
    public void served(String method, String route, int status, Duration took) {
        Timer.builder("omnisync.http.requests")
                .description("requests answered, by method, route and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(took);
    }

    private Counter counter(String name, String description, String vendor) {
        return Counter.builder(name)
                .description(description)
                .tag("vendor", vendor)
                .register(registry);
    }

    private Timer latency(String name, String description) {
        return Timer.builder(name)
                .description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }
}
