package io.omnisync.adapters.talkdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.FIRST_TOKEN;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.SECOND_TOKEN;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.START;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.TOKEN_PATH;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.api;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.client;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.tokenIssued;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 11's {@code PUT /users/{id}/presence/status}: the body sent, and how each answer is read. */
class SetStatusTest {

    @RegisterExtension
    static final WireMockExtension talkdesk = TalkdeskFixtures.talkdesk();

    private static final String STATUS_PATH = api("/users/td-42/presence/status");

    private final MutableClock clock = new MutableClock(START);

    @Test
    void a_built_in_status_is_sent_without_a_custom_status_id() {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        talkdesk.stubFor(put(urlPathEqualTo(STATUS_PATH)).willReturn(aResponse().withStatus(204)));

        var answer = client(talkdesk, clock).setStatus("td-42", PresenceBody.of("available"));

        assertThat(answer).isEqualTo(new SetStatusAnswer.Accepted(204));
        talkdesk.verify(putRequestedFor(urlPathEqualTo(STATUS_PATH))
                .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalTo("{\"status\":\"available\"}")));
    }

    @Test
    void a_custom_status_is_sent_with_its_id() {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        talkdesk.stubFor(put(urlPathEqualTo(STATUS_PATH)).willReturn(aResponse().withStatus(200)));
        PresenceBody lunch = PresenceBody.defaultFor("lunch", StatusType.AWAY).orElseThrow();

        var answer = client(talkdesk, clock).setStatus("td-42", lunch);

        assertThat(answer).isEqualTo(new SetStatusAnswer.Accepted(200));
        talkdesk.verify(putRequestedFor(urlPathEqualTo(STATUS_PATH))
                .withRequestBody(equalTo("{\"status\":\"away\",\"custom_status_id\":\"lunch\"}")));
    }

    @Test
    void the_user_id_is_one_encoded_path_segment() {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        talkdesk.stubFor(put(urlPathMatching(".*")).willReturn(aResponse().withStatus(204)));

        client(talkdesk, clock).setStatus("td 42/../admin?x", PresenceBody.of("away"));

        assertThat(talkdesk.getAllServeEvents())
                .filteredOn(event -> event.getRequest().getMethod().getName().equals("PUT"))
                .singleElement()
                .satisfies(event -> assertThat(event.getRequest().getUrl())
                        .isEqualTo(api("/users/td%2042%2F..%2Fadmin%3Fx/presence/status")));
    }

    @ParameterizedTest(name = "{0} is refused for good")
    @ValueSource(ints = {400, 403, 404, 409, 415, 422})
    void a_refusal_carries_the_vendor_s_code_and_message(int status) {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        talkdesk.stubFor(put(urlPathEqualTo(STATUS_PATH))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"4001" + status + "\",\"message\":\"Talkdesk says no (" + status
                                + ")\",\"fields\":[]}")));

        var answer = client(talkdesk, clock).setStatus("td-42", PresenceBody.of("away"));

        assertThat(answer)
                .isEqualTo(new Refused(status, Optional.of("4001" + status), "Talkdesk says no (" + status + ")"));
        talkdesk.verify(exactly(1), putRequestedFor(urlPathEqualTo(STATUS_PATH)));
    }

    @Test
    void a_refusal_without_a_message_names_its_status() {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        talkdesk.stubFor(put(urlPathEqualTo(STATUS_PATH))
                .willReturn(aResponse().withStatus(404).withBody("<html>")));

        assertThat(client(talkdesk, clock).setStatus("td-42", PresenceBody.of("away")))
                .isEqualTo(new Refused(404, Optional.empty(), "Talkdesk refused the request with HTTP 404"));
    }

    @Test
    void a_401_renews_the_token_and_tries_once_more() {
        tokensInTurn();
        talkdesk.stubFor(put(urlPathEqualTo(STATUS_PATH))
                .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .willReturn(aResponse().withStatus(401)));
        talkdesk.stubFor(put(urlPathEqualTo(STATUS_PATH))
                .withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN))
                .willReturn(aResponse().withStatus(204)));

        var answer = client(talkdesk, clock).setStatus("td-42", PresenceBody.of("away"));

        assertThat(answer).isEqualTo(new SetStatusAnswer.Accepted(204));
        talkdesk.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        talkdesk.verify(exactly(2), putRequestedFor(urlPathEqualTo(STATUS_PATH)));
    }

    @Test
    void a_second_401_is_unavailable_without_a_third_try() {
        tokensInTurn();
        talkdesk.stubFor(put(urlPathEqualTo(STATUS_PATH)).willReturn(aResponse().withStatus(401)));

        var answer = client(talkdesk, clock).setStatus("td-42", PresenceBody.of("away"));

        assertThat(answer).isEqualTo(Unavailable.because("Talkdesk answered 401 to a renewed access token"));
        talkdesk.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        talkdesk.verify(exactly(2), putRequestedFor(urlPathEqualTo(STATUS_PATH)));
    }

    @Test
    void a_429_is_unavailable_for_the_seconds_of_retry_after() {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        talkdesk.stubFor(put(urlPathEqualTo(STATUS_PATH))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        assertThat(client(talkdesk, clock).setStatus("td-42", PresenceBody.of("away")))
                .isEqualTo(new Unavailable("Talkdesk answered HTTP 429", Optional.of(Duration.ofMinutes(2))));
    }

    @Test
    void a_429_is_unavailable_until_the_date_of_retry_after() {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        talkdesk.stubFor(put(urlPathEqualTo(STATUS_PATH))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Sat, 10 Jan 2026 10:01:30 GMT")));

        assertThat(client(talkdesk, clock).setStatus("td-42", PresenceBody.of("away")))
                .isEqualTo(new Unavailable("Talkdesk answered HTTP 429", Optional.of(Duration.ofSeconds(90))));
    }

    @ParameterizedTest(name = "{0} is unavailable")
    @ValueSource(ints = {408, 500, 502, 503, 504})
    void timeouts_and_server_errors_are_unavailable(int status) {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        talkdesk.stubFor(put(urlPathEqualTo(STATUS_PATH)).willReturn(aResponse().withStatus(status)));

        assertThat(client(talkdesk, clock).setStatus("td-42", PresenceBody.of("away")))
                .isEqualTo(Unavailable.because("Talkdesk answered HTTP " + status));
    }

    @Test
    void a_status_code_section_11_does_not_name_is_unavailable_so_nothing_is_dropped() {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        talkdesk.stubFor(put(urlPathEqualTo(STATUS_PATH))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/")));

        assertThat(client(talkdesk, clock).setStatus("td-42", PresenceBody.of("away")))
                .isEqualTo(Unavailable.because("Talkdesk answered HTTP 302"));
    }

    @Test
    void no_answer_within_the_request_timeout_is_unavailable() {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        talkdesk.stubFor(put(urlPathEqualTo(STATUS_PATH))
                .willReturn(aResponse().withStatus(204).withFixedDelay(2_000)));
        var timeouts = new TalkdeskTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200));

        assertThat(client(talkdesk, clock, timeouts).setStatus("td-42", PresenceBody.of("away")))
                .isEqualTo(Unavailable.because("no answer from the Talkdesk API within PT0.2S"));
    }

    @Test
    void a_connection_cut_mid_answer_is_unavailable() {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        talkdesk.stubFor(
                put(urlPathEqualTo(STATUS_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(client(talkdesk, clock).setStatus("td-42", PresenceBody.of("away")))
                .isInstanceOfSatisfying(
                        Unavailable.class,
                        unavailable ->
                                assertThat(unavailable.reason()).startsWith("I/O error talking to the Talkdesk API"));
    }

    @Test
    void a_refused_connection_to_the_api_is_unavailable() throws IOException {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        int closed = aClosedPort();
        var endpoints = new TalkdeskEndpoints(
                URI.create("http://127.0.0.1:" + closed),
                URI.create(talkdesk.baseUrl() + TOKEN_PATH),
                TalkdeskFixtures.SCOPES);
        var client = new TalkdeskPresenceClient(
                endpoints, TalkdeskFixtures.credentials(), TalkdeskTimeouts.standard(), clock);

        assertThat(client.setStatus("td-42", PresenceBody.of("away")))
                .isEqualTo(Unavailable.because("could not connect to the Talkdesk API at 127.0.0.1:" + closed));
    }

    @Test
    void a_refused_connection_to_the_token_endpoint_is_unavailable() throws IOException {
        int closed = aClosedPort();
        URI nowhere = URI.create("http://127.0.0.1:" + closed);
        var client = new TalkdeskPresenceClient(
                new TalkdeskEndpoints(nowhere, nowhere.resolve(TOKEN_PATH), List.of("presence-user:write")),
                TalkdeskFixtures.credentials(),
                TalkdeskTimeouts.standard(),
                clock);

        assertThat(client.setStatus("td-42", PresenceBody.of("away")))
                .isEqualTo(
                        Unavailable.because("could not connect to the Talkdesk token endpoint at 127.0.0.1:" + closed));
    }

    /** The token endpoint issues the first token, then the second from then on. */
    private static void tokensInTurn() {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600)
                .inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("first issued"));
        talkdesk.stubFor(tokenIssued(SECOND_TOKEN, 3600).inScenario("tokens").whenScenarioStateIs("first issued"));
    }

    /** A loopback port nothing listens on: bound, then let go. */
    static int aClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
