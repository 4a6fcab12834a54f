package io.omnisync.console.standin;

/** One {@code GET /console/commands} that the stand-in accepted, with the token it carried. */
public record CommandStream(int number, String token, String lastEventId) {}
