package io.omnisync.application.audit;

import io.omnisync.domain.sync.Fact;
import java.time.Instant;
import java.util.Objects;

/** A fact of the audit trail, with the instant it was recorded (the engine's clock). */
public record AuditEntry(Instant at, Fact fact) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fact, "fact");
    }
}
