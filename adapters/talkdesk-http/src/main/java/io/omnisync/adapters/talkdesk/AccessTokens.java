package io.omnisync.adapters.talkdesk;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth2 client credentials (SPEC 11): one cached token, renewed 60 s before it expires and when the API rejects it.
 * One renewal at a time: callers that need a token while one is being fetched wait for it, and share its failure,
 * rather than each asking the token endpoint.
 */
final class AccessTokens {

    /** A token is renewed this long before Talkdesk says it expires. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

    private final TalkdeskEndpoints endpoints;
    private final TalkdeskCredentials credentials;
    private final TalkdeskTimeouts timeouts;
    private final Clock clock;
    private final HttpClient http;

    private final ReentrantLock renewal = new ReentrantLock();
    private volatile AccessToken cached;
    /** Fetches finished, well or not; read before waiting for the lock, to tell whether one finished meanwhile. */
    private final AtomicLong fetchesDone = new AtomicLong();
    /** The last fetch's failure, shared with the callers that waited for it; guarded by {@code renewal}. */
    private Unavailable lastFailure;

    AccessTokens(
            TalkdeskEndpoints endpoints,
            TalkdeskCredentials credentials,
            TalkdeskTimeouts timeouts,
            Clock clock,
            HttpClient http) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = Objects.requireNonNull(http, "http");
    }

    /** The cached token while it is fresh, else a new one. */
    AccessToken current() throws UnavailableException {
        AccessToken token = cached;
        if (token != null && token.freshAt(clock.instant())) {
            return token;
        }
        return replace(token);
    }

    /** A token other than {@code rejected}, which the API answered 401 to: renewed once, or already renewed. */
    AccessToken renewedAfterRejection(AccessToken rejected) throws UnavailableException {
        return replace(rejected);
    }

    private AccessToken replace(AccessToken stale) throws UnavailableException {
        long doneBeforeWaiting = fetchesDone.get();
        renewal.lock();
        try {
            AccessToken token = cached;
            if (token != null && token != stale && token.freshAt(clock.instant())) {
                return token;
            }
            if (fetchesDone.get() != doneBeforeWaiting && lastFailure != null) {
                throw new UnavailableException(lastFailure);
            }
            try {
                AccessToken fresh = fetch();
                cached = fresh;
                lastFailure = null;
                return fresh;
            } catch (UnavailableException e) {
                lastFailure = e.unavailable();
                throw e;
            } finally {
                fetchesDone.incrementAndGet();
            }
        } finally {
            renewal.unlock();
        }
    }

    private AccessToken fetch() throws UnavailableException {
        String scope = String.join(" ", endpoints.scopes());
        String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(endpoints.tokenUrl())
                .timeout(timeouts.request())
                .header("Authorization", credentials.basicAuthorization())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        LOG.debug("Talkdesk token request: {}", LogSafe.describe(request));
        Instant askedAt = clock.instant();
        HttpResponse<String> response = HttpExchange.send(http, request, "the Talkdesk token endpoint", timeouts);
        int status = response.statusCode();
        if (status / 100 != 2) {
            String error = TalkdeskJson.read(response.body(), TalkdeskJson.TokenError.class)
                    .map(TalkdeskJson.TokenError::error)
                    .filter(code -> code.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c)))
                    .map(code -> " (" + code + ")")
                    .orElse("");
            throw new UnavailableException(new Unavailable(
                    "the Talkdesk token endpoint answered HTTP " + status + error,
                    RetryAfter.of(response.headers(), clock.instant())));
        }
        TalkdeskJson.TokenAnswer answer = TalkdeskJson.read(response.body(), TalkdeskJson.TokenAnswer.class)
                .filter(token ->
                        token.accessToken() != null && !token.accessToken().isBlank())
                .orElseThrow(() -> new UnavailableException(Unavailable.because("the Talkdesk token endpoint answered "
                        + status + " without {access_token, token_type, expires_in, scope}")));
        String type = Optional.ofNullable(answer.tokenType()).orElse("");
        if (!"bearer".equals(type.toLowerCase(Locale.ROOT))) {
            // Its type is not quoted: whatever the endpoint put there is not shown anywhere.
            throw new UnavailableException(
                    Unavailable.because("the Talkdesk token endpoint issued a token whose type is not Bearer"));
        }
        long expiresIn = Optional.ofNullable(answer.expiresIn()).orElse(0L);
        Instant renewAt = askedAt.plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
        LOG.info("Talkdesk access token obtained: scope '{}', expires in {} s", answer.scope(), expiresIn);
        return new AccessToken(answer.accessToken(), renewAt);
    }
}
