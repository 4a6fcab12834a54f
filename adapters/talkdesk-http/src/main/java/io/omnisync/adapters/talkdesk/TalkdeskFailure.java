package io.omnisync.adapters.talkdesk;

/** A call Talkdesk did not serve: {@link Refused} for good, or {@link Unavailable} for now. */
public sealed interface TalkdeskFailure permits Refused, Unavailable {}
