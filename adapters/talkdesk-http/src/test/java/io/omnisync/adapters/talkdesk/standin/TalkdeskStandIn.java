package io.omnisync.adapters.talkdesk.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.omnisync.adapters.talkdesk.CustomStatus;
import io.omnisync.adapters.talkdesk.PresenceBody;
import io.omnisync.adapters.talkdesk.TalkdeskCredentials;
import io.omnisync.adapters.talkdesk.TalkdeskEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Talkdesk's token endpoint and Presence API (SPEC 11) played on a free loopback port, for end-to-end tests.
 *
 * <p>It issues one access token to {@link #credentials()}, accepts every well-formed {@code PUT
 * /users/{id}/presence/status} with 204 and records it ({@link #puts()}), answers {@code GET /users/{id}/presence}
 * as told by {@link #presenceOf} (404 for a user it was not told about; a PUT does not change it) and {@code GET /account/custom-status} with
 * {@link #customStatuses}. It can be told to fail: {@link #unavailable()} for everyone, or for one user {@link
 * #unavailableFor 503}, {@link #tooManyRequestsFor 429 with Retry-After}, {@link #unauthorizedOnceFor 401 once} or
 * {@link #refuseFor a refusal}; {@link #healthy()} lifts every fault. It can also be {@link #backedBy backed by} a
 * Talkdesk that keeps statuses (a sandbox): then each well-formed, authorised PUT is that Talkdesk's to answer.
 *
 * <p>Published in this module's test-jar; a user declares {@code omnisync-talkdesk-http:test-jar} and {@code
 * org.wiremock:wiremock-standalone}, both test scope.
 */
public final class TalkdeskStandIn implements AutoCloseable {

    public static final String CLIENT_ID = "stand-in-client";
    public static final String CLIENT_SECRET = "stand-in-client-secret-0123456789";
    public static final String ACCESS_TOKEN = "stand-in-access-token-9876543210";
    public static final List<String> SCOPES = List.of("presence-user:read", "presence-user:write", "account:read");
    public static final long TOKEN_LIFETIME_SECONDS = 3600;

    private static final String TOKEN_PATH = "/oauth/token";
    private static final Pattern PUT_PATH = Pattern.compile("/users/([^/]+)/presence/status");
    /** Faults come before the normal answers, which come before the fallbacks (WireMock: lower is first). */
    private static final int FAULT = 1;

    private static final int NORMAL = 5;
    private static final int FALLBACK = 9;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final Map<String, List<UUID>> stubsByKey = new ConcurrentHashMap<>();
    private final AtomicReference<PresenceBackend> backend;

    private TalkdeskStandIn(WireMockServer server, AtomicReference<PresenceBackend> backend) {
        this.server = server;
        this.backend = backend;
    }

    /** Starts on a free port of 127.0.0.1, healthy, with no custom statuses. */
    public static TalkdeskStandIn start() {
        AtomicReference<PresenceBackend> backend = new AtomicReference<>();
        WireMockServer server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().extensions(new Backed(backend)));
        server.start();
        TalkdeskStandIn standIn = new TalkdeskStandIn(server, backend);
        standIn.serveTheNormalAnswers();
        return standIn;
    }

    /**
     * A Talkdesk behind the Presence API: what a well-formed, authorised {@code PUT /users/{id}/presence/status}
     * does, called on the stand-in's thread with the user from the path and the body as sent.
     */
    @FunctionalInterface
    public interface PresenceBackend {
        PresenceAnswer setStatus(String talkdeskUserId, PresenceBody presence);
    }

    /**
     * What the backend answers: 2xx with no body, or an error status with Talkdesk's {@code {"code", "message"}}.
     *
     * @param httpStatus the status code
     * @param code Talkdesk's error code (ignored for 2xx)
     * @param message Talkdesk's error message (ignored for 2xx)
     */
    public record PresenceAnswer(int httpStatus, String code, String message) {

        public static final PresenceAnswer ACCEPTED = new PresenceAnswer(204, "", "");

        public static PresenceAnswer error(int httpStatus, String code, String message) {
            return new PresenceAnswer(httpStatus, code, message);
        }
    }

    /**
     * From now on each well-formed, authorised PUT is {@code talkdesk}'s to answer (faults told to the stand-in still
     * come first); {@code null} goes back to accepting every one with 204.
     */
    public TalkdeskStandIn backedBy(PresenceBackend talkdesk) {
        backend.set(talkdesk);
        return this;
    }

    public int port() {
        return server.port();
    }

    /** Where the stand-in is, with {@link #SCOPES}. */
    public TalkdeskEndpoints endpoints() {
        URI base = URI.create("http://127.0.0.1:" + server.port());
        return new TalkdeskEndpoints(base, base.resolve(TOKEN_PATH), SCOPES);
    }

    /** The only client the token endpoint knows. */
    public TalkdeskCredentials credentials() {
        return new TalkdeskCredentials(CLIENT_ID, CLIENT_SECRET);
    }

    /** What {@code GET /users/{id}/presence} answers for this user from now on. */
    public TalkdeskStandIn presenceOf(String talkdeskUserId, PresenceBody presence) {
        ObjectNode body = JSON.createObjectNode().put("status", presence.status());
        presence.customStatusId().ifPresent(id -> body.put("custom_status_id", id));
        body.put("user_id", talkdeskUserId);
        replace(
                "presence " + talkdeskUserId,
                authorized(get(urlPathEqualTo(presencePath(talkdeskUserId))))
                        .atPriority(NORMAL)
                        .willReturn(okJson(body.toString())));
        return this;
    }

    /** What {@code GET /account/custom-status} answers from now on. */
    public TalkdeskStandIn customStatuses(CustomStatus... statuses) {
        var list = JSON.createArrayNode();
        for (CustomStatus status : statuses) {
            list.addObject().put("id", status.id()).put("display_name", status.displayName());
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("custom_status", list);
        replace(
                "custom statuses",
                authorized(get(urlPathEqualTo("/account/custom-status")))
                        .atPriority(NORMAL)
                        .willReturn(okJson(body.toString())));
        return this;
    }

    /** Every call, the token endpoint's too, answers 503 until {@link #healthy()}. */
    public TalkdeskStandIn unavailable() {
        replace("everyone", any(anyUrl()).atPriority(FAULT).willReturn(error(503, "unavailable", "down for the test")));
        return this;
    }

    /** The user's presence calls answer 503 until {@link #healthy()}. */
    public TalkdeskStandIn unavailableFor(String talkdeskUserId) {
        return faultFor(talkdeskUserId, error(503, "unavailable", "down for the test"));
    }

    /** The user's presence calls answer 429 with {@code Retry-After: <seconds>} until {@link #healthy()}. */
    public TalkdeskStandIn tooManyRequestsFor(String talkdeskUserId, Duration retryAfter) {
        return faultFor(
                talkdeskUserId,
                error(429, "too_many_requests", "slow down").withHeader("Retry-After", "" + retryAfter.toSeconds()));
    }

    /** The user's next presence call answers 401, as to an expired token; the ones after it are served normally. */
    public TalkdeskStandIn unauthorizedOnceFor(String talkdeskUserId) {
        String scenario = "unauthorized once for " + talkdeskUserId;
        replace(
                "fault " + talkdeskUserId,
                any(urlPathMatching(userPaths(talkdeskUserId)))
                        .atPriority(FAULT)
                        .inScenario(scenario)
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("answered")
                        .willReturn(error(401, "invalid_token", "the access token expired")));
        server.resetScenario(scenario);
        return this;
    }

    /** The user's presence calls are refused with {@code httpStatus} and {@code {"code", "message"}}. */
    public TalkdeskStandIn refuseFor(String talkdeskUserId, int httpStatus, String code, String message) {
        return faultFor(talkdeskUserId, error(httpStatus, code, message));
    }

    /** Lifts every fault; what was told of presences and custom statuses stays. */
    public TalkdeskStandIn healthy() {
        stubsByKey.keySet().stream()
                .filter(key -> key.equals("everyone") || key.startsWith("fault "))
                .toList()
                .forEach(this::remove);
        return this;
    }

    /** Every {@code PUT .../presence/status} received, oldest first, whatever it was answered. */
    public List<RecordedPut> puts() {
        List<RecordedPut> puts = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            Matcher path = PUT_PATH.matcher(pathOf(event.getRequest().getUrl()));
            if ("PUT".equals(event.getRequest().getMethod().getName()) && path.matches()) {
                puts.add(new RecordedPut(
                        URLDecoder.decode(path.group(1), StandardCharsets.UTF_8),
                        event.getRequest().getBodyAsString(),
                        event.getResponse().getStatus()));
            }
        }
        Collections.reverse(puts); // WireMock lists the newest first
        return List.copyOf(puts);
    }

    /** The PUTs answered 2xx, oldest first. */
    public List<RecordedPut> acceptedPuts() {
        return puts().stream().filter(RecordedPut::accepted).toList();
    }

    /** How many times the token endpoint was asked. */
    public long tokenRequests() {
        return server.getAllServeEvents().stream()
                .filter(event -> TOKEN_PATH.equals(pathOf(event.getRequest().getUrl())))
                .count();
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * One PUT as Talkdesk received it.
     *
     * @param talkdeskUserId the user in the path, decoded
     * @param json the body as sent
     * @param answeredWith the status code the stand-in answered
     */
    public record RecordedPut(String talkdeskUserId, String json, int answeredWith) {

        public boolean accepted() {
            return answeredWith / 100 == 2;
        }

        /** The body read as {@code {"status", "custom_status_id"}}. */
        public PresenceBody presence() {
            try {
                JsonNode body = JSON.readTree(json);
                return new PresenceBody(
                        body.path("status").asText(),
                        Optional.ofNullable(body.get("custom_status_id")).map(JsonNode::asText));
            } catch (IOException e) {
                throw new UncheckedIOException("the PUT body is not JSON: " + json, e);
            }
        }
    }

    private void serveTheNormalAnswers() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .atPriority(NORMAL)
                .withBasicAuth(CLIENT_ID, CLIENT_SECRET)
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("scope", equalTo(String.join(" ", SCOPES)))
                .willReturn(okJson(JSON.createObjectNode()
                        .put("access_token", ACCESS_TOKEN)
                        .put("token_type", "Bearer")
                        .put("expires_in", TOKEN_LIFETIME_SECONDS)
                        .put("scope", String.join(" ", SCOPES))
                        .toString())));
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .atPriority(FALLBACK)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\"}")));

        server.stubFor(authorized(put(urlPathMatching(PUT_PATH.pattern())))
                .atPriority(NORMAL)
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.status"))
                .willReturn(aResponse().withStatus(204).withTransformers(Backed.NAME)));
        server.stubFor(authorized(get(urlPathEqualTo("/account/custom-status")))
                .atPriority(NORMAL)
                .willReturn(okJson("{\"custom_status\":[]}")));

        server.stubFor(authorized(get(urlPathMatching("/users/[^/]+/presence")))
                .atPriority(FALLBACK - 1)
                .willReturn(error(404, "user_not_found", "no such user")));
        server.stubFor(authorized(put(urlPathMatching(PUT_PATH.pattern())))
                .atPriority(FALLBACK - 1)
                .willReturn(error(400, "bad_request", "the body needs a status")));
        server.stubFor(any(urlPathMatching("/(users|account)/.*"))
                .atPriority(FALLBACK)
                .willReturn(error(401, "invalid_token", "no valid access token")));
    }

    /** The normal answer to a PUT, or the backend's when there is one. */
    private static final class Backed implements ResponseDefinitionTransformerV2 {

        static final String NAME = "omnisync-presence-backend";

        private final AtomicReference<PresenceBackend> backend;

        Backed(AtomicReference<PresenceBackend> backend) {
            this.backend = backend;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            PresenceBackend talkdesk = backend.get();
            if (talkdesk == null) {
                return event.getResponseDefinition();
            }
            Matcher path = PUT_PATH.matcher(pathOf(event.getRequest().getUrl()));
            if (!path.matches()) {
                return event.getResponseDefinition();
            }
            String user = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
            PresenceBody presence = new RecordedPut(user, event.getRequest().getBodyAsString(), 0).presence();
            PresenceAnswer answer = talkdesk.setStatus(user, presence);
            return answer.httpStatus() / 100 == 2
                    ? aResponse().withStatus(answer.httpStatus()).build()
                    : error(answer.httpStatus(), answer.code(), answer.message())
                            .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    private TalkdeskStandIn faultFor(String talkdeskUserId, ResponseDefinitionBuilder answer) {
        replace(
                "fault " + talkdeskUserId,
                any(urlPathMatching(userPaths(talkdeskUserId)))
                        .atPriority(FAULT)
                        .willReturn(answer));
        return this;
    }

    private void replace(String key, MappingBuilder stub) {
        remove(key);
        StubMapping mapping = server.stubFor(stub);
        stubsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(mapping.getId());
    }

    private void remove(String key) {
        List<UUID> ids = stubsByKey.remove(key);
        if (ids != null) {
            ids.forEach(server::removeStubMapping);
        }
    }

    private static MappingBuilder authorized(MappingBuilder stub) {
        return stub.withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN));
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(JSON.createObjectNode()
                        .put("code", code)
                        .put("message", message)
                        .toString());
    }

    private static String presencePath(String talkdeskUserId) {
        return "/users/" + encoded(talkdeskUserId) + "/presence";
    }

    private static String userPaths(String talkdeskUserId) {
        return Pattern.quote(presencePath(talkdeskUserId)) + "(/status)?";
    }

    private static String encoded(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String pathOf(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
