package io.omnisync.adapters.talkdesk;

import java.util.Objects;
import java.util.Optional;

/**
 * Talkdesk said no for good (400, 403, 404, 409, 415, 422): asking again would get the same answer.
 *
 * @param httpStatus the answer's status code
 * @param code the vendor's error code, from the answer's {@code {"code", "message"}}, when it sent one
 * @param message the vendor's message when it sent one, else a sentence naming the status code
 */
public record Refused(int httpStatus, Optional<String> code, String message)
        implements SetStatusAnswer, TalkdeskFailure {

    public Refused {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
