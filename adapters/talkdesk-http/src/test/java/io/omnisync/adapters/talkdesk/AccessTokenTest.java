package io.omnisync.adapters.talkdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.FIRST_TOKEN;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.SECOND_TOKEN;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.START;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.TOKEN_PATH;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.client;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.tokenIssued;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.tokenJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC 11's OAuth2 client credentials: how a token is asked for, kept, and renewed. */
class AccessTokenTest {

    @RegisterExtension
    static final WireMockExtension talkdesk = TalkdeskFixtures.talkdesk();

    private static final PresenceBody AWAY = PresenceBody.of("away");

    private final MutableClock clock = new MutableClock(START);

    @BeforeEach
    void talkdeskAcceptsStatusesWithTheFirstToken() {
        talkdesk.stubFor(put(urlPathMatching(".*/presence/status"))
                .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .willReturn(aResponse().withStatus(204)));
    }

    @Test
    void the_token_is_asked_for_with_basic_auth_and_the_client_credentials_form() {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));

        assertThat(client(talkdesk, clock).setStatus("td-42", AWAY)).isInstanceOf(SetStatusAnswer.Accepted.class);

        String basic = Base64.getEncoder()
                .encodeToString((TalkdeskFixtures.CLIENT_ID + ":" + TalkdeskFixtures.CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
        talkdesk.verify(
                exactly(1),
                postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                        .withHeader("Authorization", equalTo("Basic " + basic))
                        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                        .withFormParam("grant_type", equalTo("client_credentials"))
                        .withFormParam("scope", equalTo("presence-user:write presence-user:read"))
                        .withRequestBody(equalTo(
                                "grant_type=client_credentials&scope=presence-user%3Awrite+presence-user%3Aread")));
    }

    @Test
    void the_token_is_kept_across_calls() {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
        var client = client(talkdesk, clock);

        client.setStatus("td-1", AWAY);
        clock.advance(Duration.ofMinutes(30));
        client.setStatus("td-2", AWAY);
        client.setStatus("td-3", AWAY);

        talkdesk.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        talkdesk.verify(exactly(3), putRequestedFor(urlPathMatching(".*/presence/status")));
    }

    @Test
    void the_token_is_renewed_60_seconds_before_it_expires() {
        tokensInTurn(FIRST_TOKEN, SECOND_TOKEN);
        talkdesk.stubFor(put(urlPathMatching(".*/presence/status"))
                .withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN))
                .willReturn(aResponse().withStatus(204)));
        var client = client(talkdesk, clock);

        client.setStatus("td-1", AWAY);
        clock.advance(Duration.ofSeconds(3600 - 61));
        client.setStatus("td-1", AWAY);
        talkdesk.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));

        clock.advance(Duration.ofSeconds(1));
        client.setStatus("td-1", AWAY);

        talkdesk.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        talkdesk.verify(
                exactly(1),
                putRequestedFor(urlPathMatching(".*/presence/status"))
                        .withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN)));
    }

    @Test
    void concurrent_callers_share_one_token_fetch() throws Exception {
        // The token takes a while to come, so every caller asks for one while the first is being fetched.
        talkdesk.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(okJson(tokenJson(FIRST_TOKEN, 3600)).withFixedDelay(500)));
        var client = client(talkdesk, clock);

        List<SetStatusAnswer> answers = concurrently(8, i -> client.setStatus("td-" + i, AWAY));

        assertThat(answers).hasSize(8).allMatch(SetStatusAnswer.Accepted.class::isInstance);
        talkdesk.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void concurrent_callers_turned_away_with_401_share_one_renewal() throws Exception {
        talkdesk.resetMappings();
        tokensInTurn(FIRST_TOKEN, SECOND_TOKEN);
        talkdesk.stubFor(put(urlPathMatching(".*/presence/status"))
                .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .willReturn(aResponse().withStatus(401).withFixedDelay(100)));
        talkdesk.stubFor(put(urlPathMatching(".*/presence/status"))
                .withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN))
                .willReturn(aResponse().withStatus(204)));
        var client = client(talkdesk, clock);

        List<SetStatusAnswer> answers = concurrently(6, i -> client.setStatus("td-" + i, AWAY));

        assertThat(answers).allMatch(SetStatusAnswer.Accepted.class::isInstance);
        talkdesk.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void callers_that_waited_for_a_failed_fetch_share_its_failure() throws Exception {
        talkdesk.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(aResponse().withStatus(503).withFixedDelay(500)));
        var client = client(talkdesk, clock);

        List<SetStatusAnswer> answers = concurrently(5, i -> client.setStatus("td-" + i, AWAY));

        assertThat(answers)
                .allSatisfy(answer -> assertThat(answer)
                        .isInstanceOfSatisfying(
                                Unavailable.class,
                                unavailable -> assertThat(unavailable.reason())
                                        .isEqualTo("the Talkdesk token endpoint answered HTTP 503")));
        talkdesk.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void credentials_the_token_endpoint_refuses_leave_the_call_unavailable() {
        talkdesk.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"bad secret\"}")));

        SetStatusAnswer answer = client(talkdesk, clock).setStatus("td-42", AWAY);

        assertThat(answer)
                .isEqualTo(Unavailable.because("the Talkdesk token endpoint answered HTTP 401 (invalid_client)"));
        talkdesk.verify(exactly(0), putRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void a_token_answer_without_a_bearer_token_leaves_the_call_unavailable() {
        talkdesk.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("{\"token_type\":\"Bearer\"}")));
        assertThat(client(talkdesk, clock).setStatus("td-42", AWAY))
                .isInstanceOfSatisfying(
                        Unavailable.class,
                        unavailable -> assertThat(unavailable.reason()).contains("without {access_token"));

        talkdesk.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"x\",\"token_type\":\"mac\",\"expires_in\":60}")));
        assertThat(client(talkdesk, clock).setStatus("td-42", AWAY))
                .isInstanceOfSatisfying(
                        Unavailable.class,
                        unavailable -> assertThat(unavailable.reason()).contains("whose type is not Bearer"));
    }

    /** The token endpoint issues {@code first}, then {@code second} from then on. */
    private static void tokensInTurn(String first, String second) {
        talkdesk.stubFor(tokenIssued(first, 3600)
                .inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("first issued"));
        talkdesk.stubFor(tokenIssued(second, 3600).inScenario("tokens").whenScenarioStateIs("first issued"));
    }

    /** Runs {@code calls} calls at once, released together, and waits for their answers. */
    private static <T> List<T> concurrently(int calls, IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch ready = new CountDownLatch(calls);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(index);
                }));
            }
            assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(10, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
