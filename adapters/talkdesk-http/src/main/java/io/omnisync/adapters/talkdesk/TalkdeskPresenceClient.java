package io.omnisync.adapters.talkdesk;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talkdesk's Presence API over HTTP (SPEC 11): set an agent's status, read it, list the account's custom statuses.
 * Every call gets a bearer token from OAuth2 client credentials, cached and renewed 60 s before it expires; a 401 from
 * the API renews it and retries once. Answers are values: nothing here throws for what Talkdesk said or for broken
 * I/O. Safe for concurrent callers.
 */
public final class TalkdeskPresenceClient {

    /** Refused for good (SPEC 11): asking again gets the same answer. */
    static final Set<Integer> REFUSALS = Set.of(400, 403, 404, 409, 415, 422);

    private static final Logger LOG = LoggerFactory.getLogger(TalkdeskPresenceClient.class);
    private static final String API = "the Talkdesk API";
    private static final String BEARER = "Bearer ";

    private final TalkdeskEndpoints endpoints;
    private final TalkdeskCredentials credentials;
    private final TalkdeskTimeouts timeouts;
    private final Clock clock;
    private final HttpClient http;
    private final AccessTokens tokens;

    public TalkdeskPresenceClient(
            TalkdeskEndpoints endpoints, TalkdeskCredentials credentials, TalkdeskTimeouts timeouts, Clock clock) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.clock = Objects.requireNonNull(clock, "clock");
        // HTTP/1.1: no cleartext h2c upgrade dance; redirects are not followed, a moved API is a configuration error.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.tokens = new AccessTokens(endpoints, credentials, timeouts, clock, http);
    }

    /** {@code PUT {apiBaseUrl}/users/{talkdeskUserId}/presence/status} with {@code body}. */
    public SetStatusAnswer setStatus(String talkdeskUserId, PresenceBody body) {
        requireUserId(talkdeskUserId);
        Objects.requireNonNull(body, "body");
        URI uri = endpoints.api("users/" + segment(talkdeskUserId) + "/presence/status");
        String json = TalkdeskJson.write(TalkdeskJson.Presence.of(body));
        String what = "setting the status of user " + talkdeskUserId;
        LOG.debug("Talkdesk: {} to {}", what, json);
        SetStatusAnswer answer;
        try {
            HttpResponse<String> response = call(
                    what,
                    token -> request(uri, token)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                            .build());
            answer = failureOf(response)
                    .<SetStatusAnswer>map(failure -> (SetStatusAnswer) failure)
                    .orElseGet(() -> new SetStatusAnswer.Accepted(response.statusCode()));
        } catch (UnavailableException e) {
            answer = e.unavailable();
        }
        if (answer instanceof TalkdeskFailure failure) {
            logFailure(what, failure);
        } else {
            LOG.debug("Talkdesk accepted {}", what);
        }
        return answer;
    }

    /** {@code GET {apiBaseUrl}/users/{talkdeskUserId}/presence}: the agent's status as Talkdesk has it. */
    public ReadAnswer<PresenceBody> readPresence(String talkdeskUserId) {
        requireUserId(talkdeskUserId);
        URI uri = endpoints.api("users/" + segment(talkdeskUserId) + "/presence");
        return read(
                "reading the presence of user " + talkdeskUserId,
                uri,
                body -> TalkdeskJson.read(body, TalkdeskJson.Presence.class).flatMap(TalkdeskJson.Presence::toBody));
    }

    /** {@code GET {apiBaseUrl}/account/custom-status}: the custom statuses the account has. */
    public ReadAnswer<List<CustomStatus>> customStatuses() {
        URI uri = endpoints.api("account/custom-status");
        return read(
                "listing the account's custom statuses",
                uri,
                body -> TalkdeskJson.read(body, TalkdeskJson.CustomStatuses.class)
                        .map(TalkdeskPresenceClient::customStatusesOf));
    }

    private <T> ReadAnswer<T> read(String what, URI uri, Function<String, Optional<T>> parse) {
        ReadAnswer<T> answer;
        try {
            HttpResponse<String> response =
                    call(what, token -> request(uri, token).GET().build());
            Optional<TalkdeskFailure> failure = failureOf(response);
            if (failure.isPresent()) {
                answer = new ReadAnswer.NotRead<>(failure.get());
            } else {
                answer = parse.apply(response.body())
                        .<ReadAnswer<T>>map(ReadAnswer.Read::new)
                        .orElseGet(() -> new ReadAnswer.NotRead<>(Unavailable.because("Talkdesk answered "
                                + response.statusCode() + " to GET " + uri.getPath() + " with an unreadable body")));
            }
        } catch (UnavailableException e) {
            answer = new ReadAnswer.NotRead<>(e.unavailable());
        }
        if (answer instanceof ReadAnswer.NotRead<T> notRead) {
            logFailure(what, notRead.failure());
        }
        return answer;
    }

    /** Sends with the current token; on a 401, once more with a renewed one, and a second 401 is unavailable. */
    private HttpResponse<String> call(String what, Function<AccessToken, HttpRequest> request)
            throws UnavailableException {
        AccessToken token = tokens.current();
        HttpResponse<String> response = send(request.apply(token));
        if (response.statusCode() != 401) {
            return response;
        }
        LOG.info("Talkdesk rejected the access token (401) when {}; renewing it and trying once more", what);
        response = send(request.apply(tokens.renewedAfterRejection(token)));
        if (response.statusCode() == 401) {
            throw new UnavailableException(Unavailable.because("Talkdesk answered 401 to a renewed access token"));
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) throws UnavailableException {
        LOG.debug("Talkdesk request: {}", LogSafe.describe(request));
        return HttpExchange.send(http, request, API, timeouts);
    }

    private HttpRequest.Builder request(URI uri, AccessToken token) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeouts.request())
                .header("Authorization", token.bearer())
                .header("Accept", "application/json");
    }

    /** SPEC 11's reading of a status code; a status it does not name is taken as unavailable, so nothing is lost. */
    private Optional<TalkdeskFailure> failureOf(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return Optional.empty();
        }
        if (REFUSALS.contains(status)) {
            Optional<TalkdeskJson.VendorError> error =
                    TalkdeskJson.read(response.body(), TalkdeskJson.VendorError.class);
            Optional<String> code = error.map(TalkdeskJson.VendorError::code).filter(text -> !text.isBlank());
            String message = error.map(TalkdeskJson.VendorError::message)
                    .filter(text -> !text.isBlank())
                    .map(text -> withoutSecrets(text, response.request()))
                    .orElse("Talkdesk refused the request with HTTP " + status);
            return Optional.of(
                    new Refused(status, code.map(text -> withoutSecrets(text, response.request())), message));
        }
        return Optional.of(new Unavailable(
                "Talkdesk answered HTTP " + status, RetryAfter.of(response.headers(), clock.instant())));
    }

    /** The vendor's text, should it ever echo the secret or the token it was sent, with them blotted out. */
    private String withoutSecrets(String text, HttpRequest request) {
        String safe = text.replace(credentials.clientSecret(), "<redacted>");
        Optional<String> bearer = request.headers()
                .firstValue("Authorization")
                .filter(value -> value.startsWith(BEARER))
                .map(value -> value.substring(BEARER.length()));
        return bearer.filter(token -> !token.isEmpty())
                .map(token -> safe.replace(token, "<redacted>"))
                .orElse(safe);
    }

    private static void logFailure(String what, TalkdeskFailure failure) {
        if (failure instanceof Refused refused) {
            LOG.warn(
                    "Talkdesk refused {}: HTTP {} {} {}",
                    what,
                    refused.httpStatus(),
                    refused.code().orElse("-"),
                    refused.message());
        } else if (failure instanceof Unavailable unavailable) {
            LOG.warn(
                    "Talkdesk unavailable for {}: {}{}",
                    what,
                    unavailable.reason(),
                    unavailable
                            .retryAfter()
                            .map(wait -> ", retry after " + wait)
                            .orElse(""));
        }
    }

    private static List<CustomStatus> customStatusesOf(TalkdeskJson.CustomStatuses answer) {
        if (answer.customStatus() == null) {
            return List.of();
        }
        return answer.customStatus().stream()
                .filter(entry -> entry.id() != null)
                .map(entry -> new CustomStatus(entry.id(), Objects.requireNonNullElse(entry.displayName(), entry.id())))
                .toList();
    }

    /** A path segment, percent-encoded: a user id can never reach another path. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void requireUserId(String talkdeskUserId) {
        Objects.requireNonNull(talkdeskUserId, "talkdeskUserId");
        if (talkdeskUserId.isBlank()) {
            throw new IllegalArgumentException("talkdeskUserId: blank");
        }
    }
}
