/**
 * The engine's {@code TalkdeskPresence} port over the Presence API client: {@link
 * io.omnisync.adapters.talkdesk.port.HttpTalkdeskPresence}, installed by {@link
 * io.omnisync.adapters.talkdesk.port.TalkdeskHttpModule} with the credentials from the secrets. Where Talkdesk is
 * ({@code vendors.talkdesk}) and what each status sends ({@code presence}, or the SPEC 6 default for its type) are
 * read from the running configuration at each call, so a replaced configuration takes effect at once.
 */
package io.omnisync.adapters.talkdesk.port;
