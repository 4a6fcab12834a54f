package io.omnisync.adapters.talkdesk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Talkdesk could not serve the call now (401 after a renewal, 408, 429, 5xx, a timeout, a connection error, a token
 * that could not be had): the call may be retried.
 *
 * @param reason what went wrong, for logs and facts; never a secret or a token
 * @param retryAfter how long Talkdesk asked to wait ({@code Retry-After}, in seconds or as an HTTP date), when it did
 */
public record Unavailable(String reason, Optional<Duration> retryAfter) implements SetStatusAnswer, TalkdeskFailure {

    public Unavailable {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    static Unavailable because(String reason) {
        return new Unavailable(reason, Optional.empty());
    }
}
