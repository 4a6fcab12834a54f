package io.omnisync.adapters.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** SPEC 10.1's signature header, read strictly. */
class WebhookSignatureTest {

    private static final String KEY = "webhook-secret-0123456789abcdef0123456789";
    private static final byte[] BODY = "{\"id\":\"evt-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    private final WebhookSignature signature =
            new WebhookSignature(Secret.of("webhookSecret", KEY), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void the_signature_is_the_hex_hmac_of_time_dot_body() {
        // openssl: printf '%s' '1767603600.{"id":"evt-1"}' | openssl dgst -sha256 -hmac "$KEY"
        String expected = "95f4fc7b63d48f2b845a286c4e4de23d23fb0eae6fc3146b220c87630473b7e2";

        assertThat(WebhookSignature.sign(KEY.getBytes(StandardCharsets.UTF_8), NOW.getEpochSecond(), BODY))
                .isEqualTo(expected);
        assertThat(signature.refusal("t=" + NOW.getEpochSecond() + ",v1=" + expected, BODY))
                .isEmpty();
        assertThat(signature.refusal("t=" + NOW.getEpochSecond() + ",v1=" + expected.toUpperCase(Locale.ROOT), BODY))
                .isPresent();
    }

    @Test
    void the_time_is_signed_as_the_sender_wrote_it() {
        // openssl: printf '%s' '01767603600.{"id":"evt-1"}' | openssl dgst -sha256 -hmac "$KEY"
        String overPaddedTime = "c53022e3d39d53165a5fa5d29888f2d011d40b0fb9500eddcb473de257822b01";

        assertThat(signature.refusal("t=01767603600,v1=" + overPaddedTime, BODY))
                .isEmpty();
        assertThat(signature.refusal("t=1767603600,v1=" + overPaddedTime, BODY)).isPresent();
    }

    @Test
    void a_header_without_one_time_or_without_a_v1_is_refused() {
        String good = WebhookSignature.sign(KEY.getBytes(StandardCharsets.UTF_8), NOW.getEpochSecond(), BODY);
        long t = NOW.getEpochSecond();

        assertThat(signature.refusal("v1=" + good, BODY))
                .hasValueSatisfying(why -> assertThat(why).contains("t="));
        assertThat(signature.refusal("t=" + t, BODY))
                .hasValueSatisfying(why -> assertThat(why).contains("v1"));
        assertThat(signature.refusal("t=" + t + ",t=" + t + ",v1=" + good, BODY))
                .isPresent();
        assertThat(signature.refusal("t=soon,v1=" + good, BODY)).isPresent();
        assertThat(signature.refusal("t=" + t + ";v1=" + good, BODY)).isPresent();
        assertThat(signature.refusal(null, BODY)).isPresent();
        assertThat(signature.refusal("t=" + t + ",v0=" + good + ",v1=" + good, BODY))
                .isEmpty();
    }

    @Test
    void the_window_is_300_seconds_either_way() {
        byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
        long t = NOW.getEpochSecond();

        assertThat(signature.refusal(WebhookSignature.header(key, t - 300, BODY), BODY))
                .isEmpty();
        assertThat(signature.refusal(WebhookSignature.header(key, t + 300, BODY), BODY))
                .isEmpty();
        assertThat(signature.refusal(WebhookSignature.header(key, t - 301, BODY), BODY))
                .isPresent();
        assertThat(signature.refusal(WebhookSignature.header(key, t + 301, BODY), BODY))
                .isPresent();
    }
}
