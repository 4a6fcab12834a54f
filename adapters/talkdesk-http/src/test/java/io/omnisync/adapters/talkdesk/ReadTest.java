package io.omnisync.adapters.talkdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.FIRST_TOKEN;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.SECOND_TOKEN;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.START;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.api;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.client;
import static io.omnisync.adapters.talkdesk.TalkdeskFixtures.tokenIssued;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC 11's reads: an agent's presence, and the account's custom statuses. */
class ReadTest {

    @RegisterExtension
    static final WireMockExtension talkdesk = TalkdeskFixtures.talkdesk();

    private static final String PRESENCE_PATH = api("/users/td-42/presence");
    private static final String CUSTOM_STATUS_PATH = api("/account/custom-status");

    private final MutableClock clock = new MutableClock(START);

    @BeforeEach
    void aTokenIsIssued() {
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600));
    }

    @Test
    void a_presence_is_read_with_its_custom_status_and_unknown_fields_ignored() {
        talkdesk.stubFor(get(urlPathEqualTo(PRESENCE_PATH))
                .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .willReturn(okJson("{\"status\":\"away\",\"custom_status_id\":\"lunch\","
                        + "\"updated_at\":\"2026-01-10T09:59:00Z\",\"_links\":{\"self\":{\"href\":\"x\"}}}")));

        assertThat(client(talkdesk, clock).readPresence("td-42"))
                .isEqualTo(new ReadAnswer.Read<>(PresenceBody.of("away", "lunch")));
    }

    @Test
    void a_presence_without_a_custom_status_reads_as_none() {
        talkdesk.stubFor(get(urlPathEqualTo(PRESENCE_PATH))
                .willReturn(okJson("{\"status\":\"available\",\"custom_status_id\":null}")));

        assertThat(client(talkdesk, clock).readPresence("td-42"))
                .isEqualTo(new ReadAnswer.Read<>(PresenceBody.of("available")));
    }

    @Test
    void an_unknown_user_is_refused_with_the_vendor_s_message() {
        talkdesk.stubFor(get(urlPathEqualTo(PRESENCE_PATH))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"1404\",\"message\":\"User not found\"}")));

        assertThat(client(talkdesk, clock).readPresence("td-42"))
                .isEqualTo(new ReadAnswer.NotRead<>(new Refused(404, Optional.of("1404"), "User not found")));
    }

    @Test
    void a_presence_without_a_status_is_unavailable_not_guessed() {
        talkdesk.stubFor(get(urlPathEqualTo(PRESENCE_PATH)).willReturn(okJson("{\"custom_status_id\":\"x\"}")));

        assertThat(client(talkdesk, clock).readPresence("td-42"))
                .isEqualTo(new ReadAnswer.NotRead<>(Unavailable.because(
                        "Talkdesk answered 200 to GET " + PRESENCE_PATH + " with an unreadable body")));
    }

    @Test
    void a_read_renews_the_token_once_on_a_401_too() {
        talkdesk.resetMappings();
        talkdesk.stubFor(tokenIssued(FIRST_TOKEN, 3600)
                .inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("first issued"));
        talkdesk.stubFor(tokenIssued(SECOND_TOKEN, 3600).inScenario("tokens").whenScenarioStateIs("first issued"));
        talkdesk.stubFor(
                get(urlPathEqualTo(PRESENCE_PATH)).willReturn(aResponse().withStatus(401)));
        talkdesk.stubFor(get(urlPathEqualTo(PRESENCE_PATH))
                .withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN))
                .willReturn(okJson("{\"status\":\"offline\"}")));

        assertThat(client(talkdesk, clock).readPresence("td-42"))
                .isEqualTo(new ReadAnswer.Read<>(PresenceBody.of("offline")));
        talkdesk.verify(exactly(2), getRequestedFor(urlPathEqualTo(PRESENCE_PATH)));
    }

    @Test
    void the_custom_statuses_are_read() {
        talkdesk.stubFor(get(urlPathEqualTo(CUSTOM_STATUS_PATH))
                .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .willReturn(
                        okJson("{\"custom_status\":[{\"id\":\"lunch\",\"display_name\":\"Lunch\",\"color\":\"red\"},"
                                + "{\"id\":\"email_only\",\"display_name\":\"Email Only\"}],\"total\":2}")));

        assertThat(client(talkdesk, clock).customStatuses())
                .isEqualTo(new ReadAnswer.Read<>(
                        List.of(new CustomStatus("lunch", "Lunch"), new CustomStatus("email_only", "Email Only"))));
    }

    @Test
    void an_account_without_custom_statuses_reads_as_none() {
        talkdesk.stubFor(get(urlPathEqualTo(CUSTOM_STATUS_PATH)).willReturn(okJson("{\"custom_status\":[]}")));

        assertThat(client(talkdesk, clock).customStatuses()).isEqualTo(new ReadAnswer.Read<>(List.of()));
    }

    @Test
    void custom_statuses_talkdesk_cannot_serve_now_are_unavailable() {
        talkdesk.stubFor(get(urlPathEqualTo(CUSTOM_STATUS_PATH))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));

        assertThat(client(talkdesk, clock).customStatuses())
                .isEqualTo(new ReadAnswer.NotRead<>(
                        new Unavailable("Talkdesk answered HTTP 503", Optional.of(java.time.Duration.ofSeconds(30)))));
    }
}
