package io.omnisync.adapters.kafka.host;

import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.ingress.EventPublisher;
import io.omnisync.application.reporting.AcceptReportedChange;
import io.omnisync.application.reporting.ReportNotTaken;
import io.omnisync.domain.event.AgentEvent;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * SPEC 13's ingress: a reported change is written to {@code omnisync.events} (key: the agent id, {@code acks=all},
 * idempotent producer) stamped with the configuration version this instance runs, and is acknowledged only once the
 * broker acknowledged it. A produce that fails or takes longer than the timeout is {@link ReportNotTaken}: the HTTP
 * answer is 503 and the sender sends it again (a record the broker took after all is then a duplicate, which the
 * decision ignores by its id).
 */
public final class KafkaIngress implements AcceptReportedChange {

    private final EventPublisher events;
    private final LongSupplier configurationVersion;
    private final Duration timeout;

    public KafkaIngress(EventPublisher events, LongSupplier configurationVersion, Duration timeout) {
        this.events = events;
        this.configurationVersion = configurationVersion;
        this.timeout = timeout;
    }

    @Override
    public void accept(AgentEvent event) {
        EventRecord.Reported record = new EventRecord.Reported(event, configurationVersion.getAsLong());
        try {
            events.publish(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportNotTaken("interrupted while the events topic took " + event.id(), e);
        } catch (ExecutionException e) {
            throw new ReportNotTaken("the events topic did not take " + event.id() + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new ReportNotTaken("the events topic did not acknowledge " + event.id() + " within " + timeout, e);
        }
    }
}
