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

    /** Three attempts, no real waiting; the breaker opens when 4 of the last 4 calls failed. */
    private final ResilientVendorCalls calls =
            new ResilientVendorCalls(new RetryPolicy(3, Duration.ofMillis(1), 1.0, 4, 100, Duration.ofMinutes(5)));

    @Test
    void a_vendor_that_fails_twice_then_answers_is_retried_until_it_answers() {
        AtomicInteger attempts = new AtomicInteger();

        VendorAnswer answer = calls.call(VendorSystem.OMNI, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new VendorUnavailableException("HTTP 503");
            }
            return VendorAnswer.ACCEPTED;
        });

        assertThat(answer).isEqualTo(VendorAnswer.ACCEPTED);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void a_refusal_is_an_answer_and_is_not_retried() {
        AtomicInteger attempts = new AtomicInteger();

        VendorAnswer answer = calls.call(VendorSystem.TALKDESK, () -> {
            attempts.incrementAndGet();
            return new VendorAnswer.Refused("calls own on_a_call");
        });

        assertThat(answer).isInstanceOf(VendorAnswer.Refused.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void a_vendor_that_keeps_failing_opens_its_breaker_and_is_left_alone_while_the_other_is_not() {
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> calls.call(VendorSystem.OMNI, () -> {
                        attempts.incrementAndGet();
                        throw new VendorUnavailableException("HTTP 503");
                    }))
                    .isInstanceOf(VendorUnavailableException.class);
        }
        int beforeOpen = attempts.get();

        assertThatThrownBy(() -> calls.call(VendorSystem.OMNI, () -> {
                    attempts.incrementAndGet();
                    return VendorAnswer.ACCEPTED;
                }))
                .isInstanceOf(VendorUnavailableException.class)
                .hasMessageContaining("circuit breaker is open");

        assertThat(calls.isOpen(VendorSystem.OMNI)).isTrue();
        assertThat(attempts).as("an open breaker does not call the vendor").hasValue(beforeOpen);
        assertThat(calls.call(VendorSystem.TALKDESK, () -> VendorAnswer.ACCEPTED))
                .isEqualTo(VendorAnswer.ACCEPTED);
    }
}
