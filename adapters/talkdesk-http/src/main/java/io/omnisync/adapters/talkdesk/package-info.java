/**
 * Talkdesk's Presence API over real HTTP (SPEC 11), self-contained: {@link
 * io.omnisync.adapters.talkdesk.TalkdeskPresenceClient} with its settings ({@link
 * io.omnisync.adapters.talkdesk.TalkdeskEndpoints}, {@link io.omnisync.adapters.talkdesk.TalkdeskCredentials}, {@link
 * io.omnisync.adapters.talkdesk.TalkdeskTimeouts}) and the bodies SPEC 6 says each status sends ({@link
 * io.omnisync.adapters.talkdesk.PresenceBody}).
 *
 * <p>Glued to the application's {@code TalkdeskPresence} port, an answer reads: {@code Accepted} is accepted; {@code
 * Refused} is a final refusal with its message; {@code Unavailable} is the port's "vendor unavailable", retried by the
 * delivery loop, waiting at least {@code retryAfter} when Talkdesk gave one.
 */
package io.omnisync.adapters.talkdesk;
