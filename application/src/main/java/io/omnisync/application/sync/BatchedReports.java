package io.omnisync.application.sync;

import io.omnisync.application.reporting.ReportNotTaken;
import io.omnisync.application.reporting.ReportVendorEvent;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionException;

/**
 * Vendor reports through {@link GroupCommit}: what a service with many concurrent callers binds
 * instead of {@link ReportedChanges}. Each call returns, as that one does, once its event is
 * decided and durable, but shares its transaction (and its fsync) with the events of other callers
 * that arrived meanwhile. A report that was not taken ({@link GroupCommit.NotTaken}: the queue is
 * full, or the engine stops) changed nothing: it is thrown as {@link ReportNotTaken}, which an
 * ingress answers without acknowledging, so that the sender sends it again.
 */
@Singleton
public class BatchedReports implements ReportVendorEvent {

    private final GroupCommit commits;

    @Inject
    public BatchedReports(GroupCommit commits) {
        this.commits = commits;
    }

    @Override
    public Either<Fact.Skipped, AgentDecision> report(AgentEvent event) {
        try {
            return commits.report(event).join();
        } catch (CompletionException failed) {
            // the batch's failure as it happened on the committer's thread (a broken store, NotTaken)
            if (failed.getCause() instanceof GroupCommit.NotTaken notTaken) {
                throw new ReportNotTaken(notTaken.getMessage(), notTaken);
            }
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }
}
