package io.omnisync.adapters.service.console;

import static io.omnisync.adapters.service.RunningService.newEventId;
import static io.omnisync.adapters.service.console.ConsoleClient.CONSOLE_ORIGIN;
import static io.omnisync.adapters.service.console.ConsoleClient.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.service.RunningService;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CORS on the console endpoints (SPEC 10.2), for the origins of {@code vendors.omniChannel.consoleOrigins} only: the
 * preflight is unauthenticated and answers 204 with exactly the listed headers; every real answer to a listed origin,
 * errors included, names it and varies by it; no credentials, ever; any other origin gets no CORS header at all.
 */
class ConsoleCorsTest {

    private static final String OTHER_ORIGIN = "https://evil.example.com";

    private static RunningService service;
    private static ConsoleClient console;
    private static String token;

    @BeforeAll
    static void start() {
        service = RunningService.start();
        console = new ConsoleClient(service);
        token = Tokens.valid(Tokens.MARIA, service.clock.instant().plus(Duration.ofMinutes(30)));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void a_preflight_from_a_console_origin_is_204_unauthenticated_with_the_listed_headers() {
        for (String path : List.of(ConsoleEndpoints.COMMANDS, ConsoleEndpoints.EVENTS)) {
            HttpResponse<String> preflight = preflight(path, CONSOLE_ORIGIN);

            assertThat(preflight.statusCode()).as(path).isEqualTo(204);
            HttpHeaders headers = preflight.headers();
            assertThat(headers.allValues("Access-Control-Allow-Origin")).containsExactly(CONSOLE_ORIGIN);
            assertThat(headers.allValues("Vary")).containsExactly("Origin");
            assertThat(headers.allValues("Access-Control-Allow-Methods")).containsExactly("GET, POST");
            assertThat(headers.allValues("Access-Control-Allow-Headers"))
                    .containsExactly("Authorization, Content-Type, Last-Event-ID");
            assertThat(headers.allValues("Access-Control-Max-Age")).containsExactly("600");
            assertThat(headers.map()).doesNotContainKey("access-control-allow-credentials");
            assertThat(preflight.body()).isEmpty();
        }
    }

    @Test
    void a_preflight_from_another_origin_gets_no_cors_header() {
        HttpResponse<String> preflight = preflight(ConsoleEndpoints.EVENTS, OTHER_ORIGIN);

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertNoCorsHeader(preflight.headers());
    }

    @Test
    void real_answers_to_a_console_origin_name_it_errors_included() {
        assertCorsFor(CONSOLE_ORIGIN, console.post("Bearer " + token, event(), CONSOLE_ORIGIN), 202);
        assertCorsFor(CONSOLE_ORIGIN, console.post(null, event(), CONSOLE_ORIGIN), 401);
        assertCorsFor(
                CONSOLE_ORIGIN,
                console.post(
                        "Bearer "
                                + Tokens.valid(
                                        "0055e000009ZZZZAAA",
                                        service.clock.instant().plusSeconds(60)),
                        event(),
                        CONSOLE_ORIGIN),
                403);
        assertCorsFor(CONSOLE_ORIGIN, console.post("Bearer " + token, "{nope", CONSOLE_ORIGIN), 400);
        assertCorsFor(
                CONSOLE_ORIGIN,
                console.post("Bearer " + token, ConsoleClient.result("424242", "accepted", null), CONSOLE_ORIGIN),
                404);
        assertCorsFor(
                CONSOLE_ORIGIN,
                console.post("Bearer " + token, "{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}", CONSOLE_ORIGIN),
                413);
    }

    @Test
    void the_command_stream_names_a_console_origin_too() throws Exception {
        HttpResponse<Stream<String>> stream = service.client()
                .sendAsync(
                        HttpRequest.newBuilder(service.uri(ConsoleEndpoints.COMMANDS))
                                .header("Authorization", "Bearer " + token)
                                .header("Origin", CONSOLE_ORIGIN)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        try {
            assertCorsFor(CONSOLE_ORIGIN, stream.headers(), stream.statusCode(), 200);
        } finally {
            stream.body().close();
        }
    }

    @Test
    void real_answers_to_another_origin_have_no_cors_header() {
        HttpResponse<String> accepted = console.post("Bearer " + token, event(), OTHER_ORIGIN);
        HttpResponse<String> refused = console.post(null, event(), OTHER_ORIGIN);

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertNoCorsHeader(accepted.headers());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertNoCorsHeader(refused.headers());
    }

    @Test
    void an_origin_is_matched_whole() {
        for (String near : List.of(
                CONSOLE_ORIGIN + ".evil.example.com", "http://acme.lightning.force.com", CONSOLE_ORIGIN + ":8443")) {
            assertNoCorsHeader(preflight(ConsoleEndpoints.EVENTS, near).headers());
            assertNoCorsHeader(console.post("Bearer " + token, event(), near).headers());
        }
    }

    @Test
    void other_endpoints_get_no_cors_header() {
        HttpResponse<String> admin = service.send(HttpRequest.newBuilder(service.uri("/api/agents"))
                .header("Origin", CONSOLE_ORIGIN)
                .header("Authorization", "Bearer " + RunningService.ADMIN_TOKEN)
                .GET()
                .build());

        assertThat(admin.statusCode()).isEqualTo(200);
        assertNoCorsHeader(admin.headers());
    }

    private static String event() {
        return statusChanged(newEventId(), "Available_for_Calls", "0N5000000000001AAA", null);
    }

    private static HttpResponse<String> preflight(String path, String origin) {
        return service.send(HttpRequest.newBuilder(service.uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", path.equals(ConsoleEndpoints.EVENTS) ? "POST" : "GET")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .build());
    }

    private static void assertCorsFor(String origin, HttpResponse<String> answer, int status) {
        assertCorsFor(origin, answer.headers(), answer.statusCode(), status);
    }

    private static void assertCorsFor(String origin, HttpHeaders headers, int actualStatus, int status) {
        assertThat(actualStatus).isEqualTo(status);
        assertThat(headers.allValues("Access-Control-Allow-Origin"))
                .as("answer %s", status)
                .containsExactly(origin);
        assertThat(headers.allValues("Vary")).as("answer %s", status).containsExactly("Origin");
        assertThat(headers.map()).doesNotContainKey("access-control-allow-credentials");
    }

    private static void assertNoCorsHeader(HttpHeaders headers) {
        assertThat(headers.map().keySet())
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"))
                .doesNotContain("vary");
    }
}
