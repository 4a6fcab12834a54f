package io.omnisync.adapters.talkdesk.port;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.omnisync.adapters.talkdesk.TalkdeskCredentials;
import io.omnisync.adapters.talkdesk.TalkdeskTimeouts;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.vendor.TalkdeskPresence;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;

/**
 * Talkdesk as the real Presence API over HTTP (SPEC 11): binds the engine's {@link TalkdeskPresence} port to {@link
 * HttpTalkdeskPresence}, with the OAuth2 client Omnisync is registered as (from the secrets, never the
 * configuration). The host binds the Omni-Channel side and a {@link Clock}.
 */
public final class TalkdeskHttpModule extends AbstractModule {

    private final TalkdeskCredentials credentials;
    private final TalkdeskTimeouts timeouts;

    public TalkdeskHttpModule(TalkdeskCredentials credentials) {
        this(credentials, TalkdeskTimeouts.standard());
    }

    public TalkdeskHttpModule(TalkdeskCredentials credentials, TalkdeskTimeouts timeouts) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    }

    @Override
    protected void configure() {
        bind(TalkdeskPresence.class).to(HttpTalkdeskPresence.class);
    }

    @Provides
    @Singleton
    HttpTalkdeskPresence presence(QueryAgents engine, Clock clock) {
        return new HttpTalkdeskPresence(engine, credentials, timeouts, clock);
    }
}
