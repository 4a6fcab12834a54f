package io.omnisync.application.audit;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;

/**
 * Driven port: the audit trail. Facts go in as they are decided (what was synced, what was skipped
 * and why, what was refused), each stamped with the instant it was recorded; they are read back
 * latest first, for everyone or for one agent.
 */
public interface AuditTrail {

    void record(Seq<Fact> facts);

    /** The latest {@code limit} entries, oldest first. */
    Seq<AuditEntry> recent(int limit);

    /** The latest {@code limit} entries about {@code agent}, oldest first; reading them costs no scan of the others. */
    Seq<AuditEntry> of(AgentId agent, int limit);
}
