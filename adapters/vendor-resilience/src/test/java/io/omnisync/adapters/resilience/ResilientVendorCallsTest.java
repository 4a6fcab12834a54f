package io.omnisync.adapters.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.application.vendor.RetryPolicy;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.event.VendorSystem;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResilientVendorCallsTest {

    /** 100 ms doubling up to 30 s; the breaker opens when 4 of the last 4 calls failed, for five minutes. */
    private final ResilientVendorCalls calls = new ResilientVendorCalls(
            new RetryPolicy(Duration.ofMillis(100), 2.0, Duration.ofSeconds(30), 4, 100, Duration.ofMinutes(5)));

    @Test
    void a_call_is_made_once_and_a_failure_is_reported_not_retried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> calls.call(VendorSystem.OMNI, () -> {
                    attempts.incrementAndGet();
                    throw new VendorUnavailableException("HTTP 503");
                }))
                .isInstanceOf(VendorUnavailableException.class)
                .hasMessage("HTTP 503");
        assertThat(attempts)
                .as("the delivery decides when to try again, not the call")
                .hasValue(1);
    }

    @Test
    void a_refusal_is_an_answer() {
        assertThat(calls.call(VendorSystem.TALKDESK, () -> new VendorAnswer.Refused("calls own on_a_call")))
                .isInstanceOf(VendorAnswer.Refused.class);
    }

    @Test
    void the_wait_after_a_failure_grows_exponentially_and_never_passes_30_seconds() {
        assertThat(calls.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(calls.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(calls.backoff(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(calls.backoff(20)).isEqualTo(Duration.ofSeconds(30));
        assertThat(calls.backoff(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_vendor_that_keeps_failing_opens_its_breaker_and_is_left_alone_while_the_other_is_not() {
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> calls.call(VendorSystem.OMNI, () -> {
                        attempts.incrementAndGet();
                        throw new VendorUnavailableException("HTTP 503");
                    }))
                    .isInstanceOf(VendorUnavailableException.class);
        }

        assertThatThrownBy(() -> calls.call(VendorSystem.OMNI, () -> {
                    attempts.incrementAndGet();
                    return VendorAnswer.ACCEPTED;
                }))
                .isInstanceOf(VendorUnavailableException.class)
                .hasMessageContaining("circuit breaker is open");

        assertThat(calls.isOpen(VendorSystem.OMNI)).isTrue();
        assertThat(attempts).as("an open breaker does not call the vendor").hasValue(4);
        assertThat(calls.call(VendorSystem.TALKDESK, () -> VendorAnswer.ACCEPTED))
                .isEqualTo(VendorAnswer.ACCEPTED);
    }
}
