package io.omnisync.adapters.service.console;

import static io.omnisync.adapters.service.RunningService.json;
import static io.omnisync.adapters.service.console.ConsoleClient.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import io.omnisync.adapters.service.RunningService;
import io.omnisync.adapters.service.StreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC 10.2's console tokens over real HTTP: a JWT signed HS256 with the console secret, for the audience
 * "omnisync-console", at most an hour ahead with 30 s of leeway, whose subject is a configured agent (by the first 15
 * characters of her Salesforce Id). Anything else is 401, an unknown subject 403, before the body is read; and no
 * token reaches another agent's stream or commands.
 */
class ConsoleAuthenticationTest {

    private static final String SECRET = RunningService.CONSOLE_SECRET;
    private static final String AUDIENCE = "omnisync-console";
    private static final Pattern DOTS = Pattern.compile("\\.");

    private static RunningService service;
    private static ConsoleClient console;

    @BeforeAll
    static void start() {
        service = RunningService.start();
        console = new ConsoleClient(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static Instant now() {
        return service.clock.instant();
    }

    private static String event() {
        return statusChanged(RunningService.newEventId(), "Available_for_Calls", "0N5000000000001AAA", null);
    }

    @Test
    void a_valid_token_opens_the_stream_and_posts_events() {
        String token = Tokens.valid(Tokens.MARIA, now().plus(Duration.ofMinutes(30)));

        try (StreamReader stream = console.stream(token)) {
            assertThat(stream.status()).isEqualTo(200);
        }
        assertThat(console.post(token, event()).statusCode()).isEqualTo(202);
    }

    @Test
    void no_token_is_401() {
        assertUnauthorized(null, "Authorization: Bearer");
    }

    @Test
    void another_scheme_is_401() {
        String token = Tokens.valid(Tokens.MARIA, now().plusSeconds(600));
        assertUnauthorized("Basic " + token, "'Bearer <token>'");
    }

    @Test
    void a_token_that_is_no_jwt_is_401() {
        assertUnauthorized("Bearer not-a-token", "not a signed JWT");
    }

    @Test
    void a_token_signed_with_another_secret_is_401() {
        String forged = Tokens.sign(
                JWSAlgorithm.HS256,
                "another-secret-of-at-least-thirty-two-bytes!",
                Tokens.MARIA,
                AUDIENCE,
                now().plusSeconds(600));
        assertUnauthorized("Bearer " + forged, "signature");
    }

    @Test
    void a_tampered_token_is_401() {
        String token = Tokens.valid(Tokens.JOAO, now().plusSeconds(600));
        String[] parts = DOTS.split(token, -1);
        String marias = DOTS.split(Tokens.valid(Tokens.MARIA, now().plusSeconds(600)), -1)[1];
        assertUnauthorized("Bearer " + parts[0] + "." + marias + "." + parts[2], "signature");
    }

    @Test
    void only_hs256_is_accepted() {
        String hs384 = Tokens.sign(JWSAlgorithm.HS384, SECRET + SECRET, Tokens.MARIA, AUDIENCE, now().plusSeconds(600));
        String hs512 = Tokens.sign(
                JWSAlgorithm.HS512, SECRET + SECRET + SECRET, Tokens.MARIA, AUDIENCE, now().plusSeconds(600));
        assertUnauthorized("Bearer " + hs384, "HS256");
        assertUnauthorized("Bearer " + hs512, "HS256");
        assertUnauthorized("Bearer " + Tokens.unsigned(Tokens.MARIA, now().plusSeconds(600)), "");
    }

    @Test
    void an_expired_token_is_401_after_30_seconds_of_leeway() {
        assertUnauthorized("Bearer " + Tokens.valid(Tokens.MARIA, now().minusSeconds(31)), "expired");
        assertUnauthorized("Bearer " + Tokens.valid(Tokens.MARIA, now().minus(Duration.ofHours(2))), "expired");

        assertThat(console.post(Tokens.valid(Tokens.MARIA, now().minusSeconds(20)), event())
                        .statusCode())
                .as("expired 20 s ago: within the leeway")
                .isEqualTo(202);
    }

    @Test
    void a_token_that_lives_more_than_an_hour_is_401() {
        assertUnauthorized(
                "Bearer "
                        + Tokens.valid(
                                Tokens.MARIA, now().plus(Duration.ofHours(1)).plusSeconds(45)),
                "too long");
        assertUnauthorized("Bearer " + Tokens.valid(Tokens.MARIA, now().plus(Duration.ofDays(365))), "too long");

        assertThat(console.post(Tokens.valid(Tokens.MARIA, now().plus(Duration.ofHours(1))), event())
                        .statusCode())
                .as("exactly an hour ahead")
                .isEqualTo(202);
    }

    @Test
    void a_token_without_exp_is_401() {
        assertUnauthorized("Bearer " + Tokens.sign(JWSAlgorithm.HS256, SECRET, Tokens.MARIA, AUDIENCE, null), "exp");
    }

    @Test
    void the_audience_must_be_omnisync_console_as_a_string_or_in_an_array() {
        Instant exp = now().plusSeconds(600);
        assertUnauthorized(
                "Bearer " + Tokens.sign(JWSAlgorithm.HS256, SECRET, Tokens.MARIA, "omnisync-admin", exp), "aud");
        assertUnauthorized("Bearer " + Tokens.sign(JWSAlgorithm.HS256, SECRET, Tokens.MARIA, null, exp), "aud");
        assertUnauthorized(
                "Bearer " + Tokens.sign(JWSAlgorithm.HS256, SECRET, Tokens.MARIA, List.of("a", "b"), exp), "aud");

        String inAnArray = Tokens.sign(JWSAlgorithm.HS256, SECRET, Tokens.MARIA, List.of("other", AUDIENCE), exp);
        assertThat(console.post(inAnArray, event()).statusCode()).isEqualTo(202);
    }

    @Test
    void a_subject_that_is_no_configured_agent_is_403() {
        String stranger = Tokens.valid("0055e000009ZZZZAAA", now().plusSeconds(600));

        HttpResponse<String> post = console.post(stranger, event());
        try (StreamReader stream = console.stream(stranger)) {
            assertThat(stream.status()).isEqualTo(403);
        }

        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(json(post).path("error").asText()).isEqualTo("FORBIDDEN");
        assertThat(json(post).path("message").asText()).contains("salesforceUserId");
    }

    @Test
    void salesforce_ids_compare_by_their_first_15_characters() {
        String fifteen = Tokens.MARIA.substring(0, 15);
        String eighteen = fifteen + "XYZ";
        String otherCase = fifteen.toUpperCase(java.util.Locale.ROOT) + "AAA";

        assertThat(console.post(Tokens.valid(fifteen, now().plusSeconds(600)), event())
                        .statusCode())
                .isEqualTo(202);
        assertThat(console.post(Tokens.valid(eighteen, now().plusSeconds(600)), event())
                        .statusCode())
                .isEqualTo(202);
        assertThat(console.post(Tokens.valid(otherCase, now().plusSeconds(600)), event())
                        .statusCode())
                .as("the 15-character Id is case-sensitive")
                .isEqualTo(403);
    }

    @Test
    void checks_run_in_order_size_then_authentication_then_content() {
        String huge = "{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";
        String valid = Tokens.valid(Tokens.MARIA, now().plusSeconds(600));

        assertThat(console.post("Bearer nonsense", huge, null).statusCode()).isEqualTo(413);
        assertThat(console.post("Bearer nonsense", "{not json", null).statusCode())
                .isEqualTo(401);
        assertThat(console.post(Tokens.valid("0055e000009ZZZZAAA", now().plusSeconds(600)), "{not json")
                        .statusCode())
                .isEqualTo(403);
        assertThat(console.post(valid, "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void the_token_is_taken_from_the_header_only_never_from_the_url() {
        String token = Tokens.valid(Tokens.MARIA, now().plusSeconds(600));

        HttpResponse<String> inQuery =
                service.send(HttpRequest.newBuilder(service.uri(ConsoleEndpoints.COMMANDS + "?access_token=" + token))
                        .GET()
                        .build());

        assertThat(inQuery.statusCode()).isEqualTo(401);
    }

    @Test
    void a_refused_request_says_why_without_echoing_the_token() {
        String forged = Tokens.sign(
                JWSAlgorithm.HS256,
                "another-secret-of-at-least-thirty-two-bytes!",
                Tokens.MARIA,
                AUDIENCE,
                now().plusSeconds(600));

        HttpResponse<String> answer = console.post("Bearer " + forged, event(), null);

        assertThat(answer.body()).doesNotContain(forged).doesNotContain(DOTS.split(forged, -1)[2]);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    private static void assertUnauthorized(String authorization, String messagePart) {
        HttpResponse<String> post = console.post(authorization, event(), null);
        assertThat(post.statusCode()).as("POST %s", ConsoleEndpoints.EVENTS).isEqualTo(401);
        assertThat(json(post).path("error").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(json(post).path("message").asText()).contains(messagePart);

        HttpRequest.Builder get =
                HttpRequest.newBuilder(service.uri(ConsoleEndpoints.COMMANDS)).GET();
        if (authorization != null) {
            get.header("Authorization", authorization);
        }
        HttpResponse<String> stream = service.send(get.build());
        assertThat(stream.statusCode()).as("GET %s", ConsoleEndpoints.COMMANDS).isEqualTo(401);
        assertThat(json(stream).path("error").asText()).isEqualTo("UNAUTHORIZED");
    }
}
