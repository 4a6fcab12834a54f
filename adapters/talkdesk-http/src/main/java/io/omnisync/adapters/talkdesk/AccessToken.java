package io.omnisync.adapters.talkdesk;

import java.time.Instant;
import java.util.Objects;

/** A bearer token and the instant to stop using it (60 s before Talkdesk would). Never printed. */
final class AccessToken {

    private final String value;
    private final Instant renewAt;

    AccessToken(String value, Instant renewAt) {
        this.value = Objects.requireNonNull(value, "value");
        this.renewAt = Objects.requireNonNull(renewAt, "renewAt");
    }

    String bearer() {
        return "Bearer " + value;
    }

    boolean freshAt(Instant now) {
        return now.isBefore(renewAt);
    }

    @Override
    public String toString() {
        return "AccessToken[<redacted>, renewAt=" + renewAt + "]";
    }
}
