package io.omnisync.application.reporting;

import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process engine's way to take a reported change: decided and committed on the caller's thread, so it is
 * durable when this returns (the engine's store commits before {@link ReportVendorEvent#report} returns).
 */
@Singleton
public final class DecideOnArrival implements AcceptReportedChange {

    private static final Logger LOG = LoggerFactory.getLogger(DecideOnArrival.class);

    private final ReportVendorEvent engine;

    @Inject
    public DecideOnArrival(ReportVendorEvent engine) {
        this.engine = engine;
    }

    @Override
    public void accept(AgentEvent event) {
        Either<Fact.Skipped, AgentDecision> decided = engine.report(event);
        if (decided.isRight() && !decided.get().commands().isEmpty()) {
            LOG.info(
                    "{}: {}",
                    event.getClass().getSimpleName(),
                    decided.get().commands().map(Object::toString).mkString("; "));
        } else {
            LOG.debug(
                    "{}: nothing to send ({})",
                    event.getClass().getSimpleName(),
                    decided.fold(
                            Fact.Skipped::detail,
                            d -> d.facts().map(Object::toString).mkString("; ")));
        }
    }
}
