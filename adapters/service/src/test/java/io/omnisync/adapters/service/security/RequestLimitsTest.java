package io.omnisync.adapters.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.service.RunningService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC 10's limits on what comes in, on the admin API as on the webhooks: a body over 1 MiB is 413 {@code
 * PAYLOAD_TOO_LARGE} before anyone is asked who sent it (and one of exactly 1 MiB is read); and a configuration that
 * tries to carry a secret is refused, naming the field, without repeating its value. Either way nothing changes.
 */
class RequestLimitsTest {

    private static final int MIB = 1024 * 1024;

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void a_body_over_one_mebibyte_is_413_on_every_endpoint_authenticated_or_not_and_changes_nothing() {
        String configuration = service.admin("GET", "/api/configuration", null).body();
        String turnedOff = configuration.replaceFirst("\"omniChannelSync\"\\s*:\\s*true", "\"omniChannelSync\": false");
        String tooLarge = padded(turnedOff) + " ";
        assertThat(turnedOff).isNotEqualTo(configuration);

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String authorization : new String[] {null, "Bearer " + RunningService.ADMIN_TOKEN}) {
            answers.add(oversized("PUT", "/api/configuration", tooLarge, authorization));
            answers.add(oversized("POST", "/api/configuration/check", tooLarge, authorization));
            answers.add(oversized("POST", "/api/sync", tooLarge, authorization));
            answers.add(oversized("PATCH", "/api/settings", tooLarge, authorization));
        }

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(RunningService.json(answer).path("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        });
        assertThat(service.admin("GET", "/api/configuration", null).body()).isEqualTo(configuration);
    }

    @Test
    void a_body_of_exactly_one_mebibyte_is_read() {
        String configuration = service.admin("GET", "/api/configuration", null).body();
        String exactly = padded(configuration);

        HttpResponse<String> answer = service.admin("POST", "/api/configuration/check", exactly);

        assertThat(exactly.getBytes(StandardCharsets.UTF_8)).hasSize(MIB);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(RunningService.json(answer).path("problems").isArray()).isTrue();
    }

    @Test
    void a_configuration_carrying_a_secret_is_refused_naming_the_field_not_its_value() {
        String configuration = service.admin("GET", "/api/configuration", null).body();
        String secret = "s3cr3t-client-secret-that-must-not-echo";
        String withSecret =
                configuration.replaceFirst("\"apiBaseUrl\"", "\"clientSecret\": \"" + secret + "\", \"apiBaseUrl\"");
        String withCredentialsInTheUrl =
                configuration.replaceFirst("(\"tokenUrl\"\\s*:\\s*\"http://)", "$1stand-in-client:" + secret + "@");

        HttpResponse<String> field = service.admin("PUT", "/api/configuration", withSecret);
        HttpResponse<String> url = service.admin("PUT", "/api/configuration", withCredentialsInTheUrl);

        assertThat(withSecret).contains(secret);
        assertThat(withCredentialsInTheUrl).contains(secret);
        assertThat(field.statusCode()).isEqualTo(400);
        assertThat(field.body()).contains("clientSecret").doesNotContain(secret);
        assertThat(url.statusCode()).isEqualTo(422);
        assertThat(url.body()).contains("vendors.talkdesk.tokenUrl").doesNotContain(secret);
        assertThat(service.admin("GET", "/api/configuration", null).body())
                .isEqualTo(configuration)
                .doesNotContain(secret);
    }

    /**
     * A request with a body over the limit, on a connection of its own: the service answers 413 without reading the
     * body and closes the connection ({@code Connection: close}), which a pooled connection must not be reused after.
     */
    private static HttpResponse<String> oversized(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code json} followed by spaces up to exactly 1 MiB: still the same JSON. */
    private static String padded(String json) {
        int length = json.getBytes(StandardCharsets.UTF_8).length;
        return json + " ".repeat(MIB - length);
    }
}
