package io.omnisync.adapters.service;

import io.omnisync.adapters.service.admin.LiveAgents;
import io.omnisync.adapters.service.ops.ServiceMetrics;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.application.watch.DeliveryStep;
import io.omnisync.application.watch.EngineWatcher;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;

/**
 * What the running engine tells the service: counts for {@code /metrics}, and which agents and settings changed for
 * the admin's live view. Called on the engine's threads right after each commit: it only counts and marks.
 */
@Singleton
public final class ServiceWatcher implements EngineWatcher {

    private final ServiceMetrics metrics;
    private final LiveAgents live;

    @Inject
    public ServiceWatcher(ServiceMetrics metrics, LiveAgents live) {
        this.metrics = metrics;
        this.live = live;
    }

    @Override
    public void decided(
            AgentEvent event, Either<Fact.Skipped, AgentDecision> decision, Duration deciding, Duration committing) {
        metrics.latencies(deciding, committing);
        metrics.decided(outcome(decision));
    }

    @Override
    public void recorded(Seq<Fact> facts) {
        for (Fact fact : facts) {
            if (fact instanceof Fact.Synced synced) {
                metrics.commandDecided(synced.command().system());
            } else if (fact instanceof Fact.CommandFailed failed) {
                metrics.commandRefused(failed.command().system());
            } else if (fact instanceof Fact.Superseded superseded) {
                metrics.commandSuperseded(superseded.command().system());
            } else if (fact instanceof Fact.Expired expired) {
                metrics.commandExpired(expired.command().system());
            }
        }
        live.recorded(facts);
    }

    @Override
    public void delivery(PendingCommand command, DeliveryStep step) {
        if (step == DeliveryStep.ACCEPTED || step == DeliveryStep.DISPATCHED) {
            metrics.commandSent(command.command().system());
        } else if (step == DeliveryStep.UNAVAILABLE) {
            metrics.commandFailed(command.command().system());
        }
        live.touched(command.command().agent());
    }

    /** {@code synced} when commands were decided, else why not ({@code echo}, {@code duplicate}, ...). */
    static String outcome(Either<Fact.Skipped, AgentDecision> decision) {
        if (decision.isLeft()) {
            return lower(decision.getLeft().reason());
        }
        AgentDecision decided = decision.get();
        if (!decided.commands().isEmpty()) {
            return "synced";
        }
        return decided.facts()
                .find(Fact.Skipped.class::isInstance)
                .map(fact -> lower(((Fact.Skipped) fact).reason()))
                .getOrElse("noted");
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
