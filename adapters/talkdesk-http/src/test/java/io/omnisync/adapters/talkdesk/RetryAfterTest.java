package io.omnisync.adapters.talkdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} as seconds or as an HTTP date (RFC 9110 10.2.3). */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");

    @Test
    void seconds_are_a_wait_of_that_many_seconds() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
    }

    @Test
    void an_http_date_is_the_wait_until_then() {
        assertThat(RetryAfter.parse("Sat, 10 Jan 2026 10:02:30 GMT", NOW)).contains(Duration.ofSeconds(150));
    }

    @Test
    void a_date_already_past_means_no_wait() {
        assertThat(RetryAfter.parse("Sat, 10 Jan 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anything_else_is_no_advice() {
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
    }
}
