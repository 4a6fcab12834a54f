package io.omnisync.adapters.talkdesk;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a call to Talkdesk may take: {@code connect} to open a connection, {@code request} for the whole answer.
 * A call that runs out of either is {@link Unavailable}, and retried by the delivery loop.
 */
public record TalkdeskTimeouts(Duration connect, Duration request) {

    public TalkdeskTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(request, "request");
        if (connect.isNegative() || connect.isZero() || request.isNegative() || request.isZero()) {
            throw new IllegalArgumentException(
                    "timeouts must be positive: connect " + connect + ", request " + request);
        }
    }

    /** 5 s to connect, 10 s for an answer: a slow vendor never holds a delivery for long. */
    public static TalkdeskTimeouts standard() {
        return new TalkdeskTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
