package io.omnisync.adapters.talkdesk;

/** What Talkdesk said to {@code PUT /users/{id}/presence/status} (SPEC 11): accepted, refused for good, or not now. */
public sealed interface SetStatusAnswer permits SetStatusAnswer.Accepted, Refused, Unavailable {

    /** A 2xx: Talkdesk set the status. */
    record Accepted(int httpStatus) implements SetStatusAnswer {}
}
