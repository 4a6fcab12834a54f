package io.omnisync.domain.settings;

import java.util.Objects;

/** An admin change the engine would not make, with a stable code and a sentence for a human. */
public record Refusal(RefusalCode code, String message) {

    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
