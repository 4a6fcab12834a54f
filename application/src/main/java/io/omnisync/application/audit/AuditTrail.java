package io.omnisync.application.audit;

import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;

/** Driven port: where the facts go (what was synced, what was skipped and why, what was refused). */
public interface AuditTrail {

    void record(Seq<Fact> facts);
}
