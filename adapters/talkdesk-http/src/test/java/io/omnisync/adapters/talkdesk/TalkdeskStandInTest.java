package io.omnisync.adapters.talkdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn.RecordedPut;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in later end-to-end tests use: SPEC 11's shapes, the faults it can be told, the PUTs it records. */
class TalkdeskStandInTest {

    private TalkdeskStandIn talkdesk;
    private TalkdeskPresenceClient client;

    @BeforeEach
    void start() {
        talkdesk = TalkdeskStandIn.start();
        client = new TalkdeskPresenceClient(
                talkdesk.endpoints(), talkdesk.credentials(), TalkdeskTimeouts.standard(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        talkdesk.close();
    }

    @Test
    void it_accepts_and_records_every_put_in_order() {
        assertThat(client.setStatus("td-1", PresenceBody.of("away", "lunch")))
                .isInstanceOf(SetStatusAnswer.Accepted.class);
        assertThat(client.setStatus("td 2", PresenceBody.of("available"))).isInstanceOf(SetStatusAnswer.Accepted.class);

        assertThat(talkdesk.puts())
                .containsExactly(
                        new RecordedPut("td-1", "{\"status\":\"away\",\"custom_status_id\":\"lunch\"}", 204),
                        new RecordedPut("td 2", "{\"status\":\"available\"}", 204));
        assertThat(talkdesk.acceptedPuts())
                .extracting(RecordedPut::presence)
                .containsExactly(PresenceBody.of("away", "lunch"), PresenceBody.of("available"));
        assertThat(talkdesk.tokenRequests()).isEqualTo(1);
    }

    @Test
    void backed_by_a_talkdesk_it_answers_what_that_talkdesk_says_and_faults_still_come_first() {
        List<String> asked = new java.util.ArrayList<>();
        talkdesk.backedBy((user, presence) -> {
            asked.add(user + " " + presence.status()
                    + presence.customStatusId().map(id -> "/" + id).orElse(""));
            return user.equals("td-2")
                    ? TalkdeskStandIn.PresenceAnswer.error(409, "user_on_call", "the user is on a call")
                    : TalkdeskStandIn.PresenceAnswer.ACCEPTED;
        });
        talkdesk.unavailableFor("td-3");

        assertThat(client.setStatus("td-1", PresenceBody.of("away", "lunch")))
                .isInstanceOf(SetStatusAnswer.Accepted.class);
        assertThat(client.setStatus("td-2", PresenceBody.of("available")))
                .isEqualTo(new Refused(409, Optional.of("user_on_call"), "the user is on a call"));
        assertThat(client.setStatus("td-3", PresenceBody.of("available"))).isInstanceOf(Unavailable.class);
        talkdesk.backedBy(null);
        assertThat(client.setStatus("td-2", PresenceBody.of("available"))).isInstanceOf(SetStatusAnswer.Accepted.class);

        assertThat(asked).containsExactly("td-1 away/lunch", "td-2 available");
        assertThat(talkdesk.puts())
                .extracting(RecordedPut::talkdeskUserId, RecordedPut::answeredWith)
                .containsExactly(tuple("td-1", 204), tuple("td-2", 409), tuple("td-3", 503), tuple("td-2", 204));
    }

    @Test
    void it_refuses_a_token_to_unknown_credentials_and_the_api_to_a_missing_token() {
        var stranger = new TalkdeskPresenceClient(
                talkdesk.endpoints(),
                new TalkdeskCredentials(TalkdeskStandIn.CLIENT_ID, "wrong-secret"),
                TalkdeskTimeouts.standard(),
                Clock.systemUTC());

        assertThat(stranger.setStatus("td-1", PresenceBody.of("away")))
                .isEqualTo(Unavailable.because("the Talkdesk token endpoint answered HTTP 401 (invalid_client)"));
        assertThat(talkdesk.puts()).isEmpty();
    }

    @Test
    void it_answers_503_to_everyone_until_healthy_again() {
        talkdesk.unavailable();
        assertThat(client.setStatus("td-1", PresenceBody.of("away"))).isInstanceOf(Unavailable.class);

        talkdesk.healthy();
        assertThat(client.setStatus("td-1", PresenceBody.of("away"))).isInstanceOf(SetStatusAnswer.Accepted.class);
        assertThat(talkdesk.acceptedPuts()).hasSize(1);
    }

    @Test
    void it_answers_503_for_one_user_and_records_the_put_it_refused() {
        talkdesk.unavailableFor("td-1");

        assertThat(client.setStatus("td-1", PresenceBody.of("away")))
                .isEqualTo(Unavailable.because("Talkdesk answered HTTP 503"));
        assertThat(client.setStatus("td-2", PresenceBody.of("away"))).isInstanceOf(SetStatusAnswer.Accepted.class);
        assertThat(talkdesk.puts())
                .extracting(RecordedPut::talkdeskUserId, RecordedPut::answeredWith)
                .containsExactly(tuple("td-1", 503), tuple("td-2", 204));
    }

    @Test
    void it_throttles_a_user_with_retry_after() {
        talkdesk.tooManyRequestsFor("td-1", Duration.ofSeconds(7));

        assertThat(client.setStatus("td-1", PresenceBody.of("away")))
                .isEqualTo(new Unavailable("Talkdesk answered HTTP 429", Optional.of(Duration.ofSeconds(7))));
    }

    @Test
    void it_answers_401_once_and_the_client_renews_its_token() {
        talkdesk.unauthorizedOnceFor("td-1");

        assertThat(client.setStatus("td-1", PresenceBody.of("away"))).isInstanceOf(SetStatusAnswer.Accepted.class);
        assertThat(client.setStatus("td-1", PresenceBody.of("available"))).isInstanceOf(SetStatusAnswer.Accepted.class);

        assertThat(talkdesk.puts()).extracting(RecordedPut::answeredWith).containsExactly(401, 204, 204);
        assertThat(talkdesk.tokenRequests()).isEqualTo(2);
    }

    @Test
    void it_refuses_a_user_with_the_code_and_message_it_was_given() {
        talkdesk.refuseFor("td-1", 422, "3220001", "Status change not allowed during a call");

        assertThat(client.setStatus("td-1", PresenceBody.of("away")))
                .isEqualTo(new Refused(422, Optional.of("3220001"), "Status change not allowed during a call"));
        talkdesk.healthy();
        assertThat(client.setStatus("td-1", PresenceBody.of("away"))).isInstanceOf(SetStatusAnswer.Accepted.class);
    }

    @Test
    void it_serves_the_presences_and_custom_statuses_it_was_told() {
        talkdesk.presenceOf("td-1", PresenceBody.of("away", "lunch"))
                .customStatuses(new CustomStatus("lunch", "Lunch"), new CustomStatus("email_only", "Email Only"));

        assertThat(client.readPresence("td-1")).isEqualTo(new ReadAnswer.Read<>(PresenceBody.of("away", "lunch")));
        assertThat(client.readPresence("td-unknown"))
                .isEqualTo(new ReadAnswer.NotRead<>(new Refused(404, Optional.of("user_not_found"), "no such user")));
        assertThat(client.customStatuses())
                .isEqualTo(new ReadAnswer.Read<>(
                        List.of(new CustomStatus("lunch", "Lunch"), new CustomStatus("email_only", "Email Only"))));
    }

    @Test
    void it_guards_its_api_as_talkdesk_does() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI status = URI.create("http://127.0.0.1:" + talkdesk.port() + "/users/td-1/presence/status");

        var withoutToken = http.send(
                HttpRequest.newBuilder(status)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"away\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var withoutStatus = http.send(
                HttpRequest.newBuilder(status)
                        .header("Authorization", "Bearer " + TalkdeskStandIn.ACCESS_TOKEN)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"custom_status_id\":\"lunch\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(withoutStatus.statusCode()).isEqualTo(400);
        assertThat(withoutStatus.body()).contains("\"code\"", "\"message\"");
        assertThat(talkdesk.puts()).extracting(RecordedPut::answeredWith).containsExactly(401, 400);
        assertThat(talkdesk.acceptedPuts()).isEmpty();
    }
}
