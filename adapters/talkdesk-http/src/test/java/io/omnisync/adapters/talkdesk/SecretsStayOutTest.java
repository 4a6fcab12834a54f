package io.omnisync.adapters.talkdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.CLIENT_ID;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.CLIENT_SECRET;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC 10: no secret or token in a log line, an answer's reason or message, or an exception's message, whatever
 * Talkdesk answers, even when it echoes them back.
 */
class SecretsStayOutTest {

    @RegisterExtension
    static final WireMockExtension talkdesk = TalkdeskFixtures.talkdesk();

    private static final String BASIC =
            Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    private static final List<String> SECRETS = List.of(CLIENT_SECRET, FIRST_TOKEN, SECOND_TOKEN, BASIC);

    private final MutableClock clock = new MutableClock(START);
    private final List<String> texts = new ArrayList<>();

    @Test
    void no_secret_or_token_in_any_answer_or_log_line() {
        List<String> logLines;
        try (CapturedLogs logs = new CapturedLogs()) {
            accepted();
            refusedWithAnEcho();
            renewedTwiceAndStillUnauthorized();
            throttledAndBroken();
            tokenEndpointTroubles();
            logLines = logs.lines();
        }
        texts.addAll(logLines);

        assertThat(logLines)
                .as("the calls were logged, with the user, and the Authorization header redacted")
                .anyMatch(line -> line.contains("user td-42"))
                .anyMatch(line -> line.contains("Authorization=<redacted>"));
        assertThat(texts).hasSizeGreaterThan(15);
        for (String secret : SECRETS) {
            assertThat(texts).noneMatch(text -> text.contains(secret));
        }
    }

    @Test
    void the_token_and_the_credentials_never_print_their_secrets() {
        texts.add(new TalkdeskCredentials(CLIENT_ID, CLIENT_SECRET).toString());
        texts.add(new AccessToken(FIRST_TOKEN, Instant.EPOCH).toString());
        texts.add(new TalkdeskJson.TokenAnswer(FIRST_TOKEN, "Bearer", 60L, "s").toString());
        texts.add(new UnavailableException(Unavailable.because("down")).getMessage());

        for (String secret : SECRETS) {
            assertThat(texts).noneMatch(text -> text.contains(secret));
        }
    }

    private void accepted() {
        talkdesk.resetAll();
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        talkdesk.stubFor(put(urlPathEqualTo(api("/users/td-42/presence/status")))
                .willReturn(aResponse().withStatus(204)));
        talkdesk.stubFor(get(urlPathEqualTo(api("/users/td-42/presence"))).willReturn(okJson("{\"status\":\"away\"}")));
        var client = client(talkdesk, clock);
        record(client.setStatus("td-42", PresenceBody.of("away", "lunch")));
        record(client.readPresence("td-42"));
    }

    private void refusedWithAnEcho() {
        talkdesk.resetAll();
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        talkdesk.stubFor(put(urlPathEqualTo(api("/users/td-42/presence/status")))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withBody("{\"code\":\"" + FIRST_TOKEN + "\",\"message\":\"token " + FIRST_TOKEN + " of client "
                                + CLIENT_SECRET + " may not\"}")));
        record(client(talkdesk, clock).setStatus("td-42", PresenceBody.of("away")));
    }

    private void renewedTwiceAndStillUnauthorized() {
        talkdesk.resetAll();
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600)
                .inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("first issued"));
        talkdesk.stubFor(tokenIssued(SECOND_TOKEN, 3600).inScenario("tokens").whenScenarioStateIs("first issued"));
        talkdesk.stubFor(put(urlPathEqualTo(api("/users/td-42/presence/status")))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"" + FIRST_TOKEN + " expired\"}")));
        record(client(talkdesk, clock).setStatus("td-42", PresenceBody.of("away")));
    }

    private void throttledAndBroken() {
        talkdesk.resetAll();
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        talkdesk.stubFor(put(urlPathEqualTo(api("/users/td-1/presence/status")))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));
        talkdesk.stubFor(put(urlPathEqualTo(api("/users/td-2/presence/status")))
                .willReturn(aResponse().withStatus(500).withBody(FIRST_TOKEN)));
        talkdesk.stubFor(put(urlPathEqualTo(api("/users/td-3/presence/status")))
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        talkdesk.stubFor(put(urlPathEqualTo(api("/users/td-4/presence/status")))
                .willReturn(aResponse().withStatus(204).withFixedDelay(1_000)));
        var client = client(talkdesk, clock, new TalkdeskTimeouts(Duration.ofSeconds(1), Duration.ofMillis(100)));
        for (String user : List.of("td-1", "td-2", "td-3", "td-4")) {
            record(client.setStatus(user, PresenceBody.of("away")));
        }
    }

    private void tokenEndpointTroubles() {
        talkdesk.resetAll();
        talkdesk.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"" + CLIENT_SECRET + "\"}")));
        record(client(talkdesk, clock).setStatus("td-42", PresenceBody.of("away")));

        talkdesk.resetAll();
        talkdesk.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"" + FIRST_TOKEN + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":\"" + FIRST_TOKEN + "\"}")));
        record(client(talkdesk, clock).setStatus("td-42", PresenceBody.of("away")));

        talkdesk.resetAll();
        talkdesk.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo("Basic " + BASIC))
                .willReturn(okJson("{\"access_token\":\"" + FIRST_TOKEN + "\",\"token_type\":\"" + FIRST_TOKEN
                        + "\",\"expires_in\":60}")));
        record(client(talkdesk, clock).setStatus("td-42", PresenceBody.of("away")));
        record(client(talkdesk, clock).customStatuses());
    }

    private void record(Object answer) {
        texts.add(answer.toString());
        if (answer instanceof Unavailable unavailable) {
            texts.add(unavailable.reason());
        } else if (answer instanceof Refused refused) {
            texts.add(refused.message());
            texts.add(refused.code().orElse(""));
        }
    }
}
