package io.omnisync.adapters.sandbox;

import java.util.Objects;

/** What a sandbox said to something an agent or admin tried: done, or refused by the vendor's rules. */
public sealed interface SandboxAnswer {

    SandboxAnswer DONE = new Done();

    record Done() implements SandboxAnswer {}

    record Refused(String reason) implements SandboxAnswer {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
