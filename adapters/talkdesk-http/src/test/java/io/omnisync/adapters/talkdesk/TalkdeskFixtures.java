package io.omnisync.adapters.talkdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Talkdesk played by WireMock on loopback, and a client pointed at it. */
final class TalkdeskFixtures {

    static final String CLIENT_ID = "omnisync-test-client";
    static final String CLIENT_SECRET = "client-secret-that-must-never-show-1f2e3d";
    static final String FIRST_TOKEN = "access-token-first-5a6b7c";
    static final String SECOND_TOKEN = "access-token-second-8d9e0f";
    static final List<String> SCOPES = List.of("presence-user:write", "presence-user:read");
    static final String TOKEN_PATH = "/oauth/token";
    /** The API sits under a path, so the tests see that paths are joined to it, not put in its place. */
    static final String API_PREFIX = "/api/v1";

    static final Instant START = Instant.parse("2026-01-10T10:00:00Z");

    private TalkdeskFixtures() {}

    static WireMockExtension talkdesk() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
                .build();
    }

    static TalkdeskEndpoints endpoints(int port) {
        URI base = URI.create("http://127.0.0.1:" + port);
        return new TalkdeskEndpoints(base.resolve(API_PREFIX), base.resolve(TOKEN_PATH), SCOPES);
    }

    static TalkdeskCredentials credentials() {
        return new TalkdeskCredentials(CLIENT_ID, CLIENT_SECRET);
    }

    static TalkdeskPresenceClient client(WireMockExtension talkdesk, Clock clock) {
        return client(talkdesk, clock, new TalkdeskTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    static TalkdeskPresenceClient client(WireMockExtension talkdesk, Clock clock, TalkdeskTimeouts timeouts) {
        return new TalkdeskPresenceClient(endpoints(talkdesk.getPort()), credentials(), timeouts, clock);
    }

    /** The token endpoint issues {@code token}, valid for {@code expiresInSeconds}. */
    static MappingBuilder tokenIssued(String token, long expiresInSeconds) {
        return post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(tokenJson(token, expiresInSeconds)));
    }

    static String tokenJson(String token, long expiresInSeconds) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresInSeconds
                + ",\"scope\":\"presence-user:write presence-user:read\"}";
    }

    static String api(String path) {
        return API_PREFIX + path;
    }
}
