package io.omnisync.adapters.service;

import static io.omnisync.adapters.service.RunningService.newEventId;
import static io.omnisync.adapters.service.RunningService.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.service.security.WebhookSignature;
import io.omnisync.domain.agent.AgentId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping (what SIGTERM does): the event streams are closed, no new request is taken, a request in flight is
 * finished and answered, and the delivery stops; what was acknowledged is in the engine.
 */
class GracefulStopTest {

    @Test
    void a_stop_closes_the_streams_and_finishes_the_request_in_flight() throws Exception {
        RunningService service = RunningService.start();
        StreamReader stream =
                StreamReader.open(service.client(), service.uri("/api/stream"), "Bearer " + RunningService.ADMIN_TOKEN);
        stream.awaitLine(": ping"::equals);

        // a webhook whose body is still arriving when the stop begins
        String body = statusChanged(newEventId(), "td-1001", "lunch", service.clock.instant());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        CountDownLatch halfSent = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        HttpRequest slow = HttpRequest.newBuilder(service.uri("/webhooks/talkdesk"))
                .header(
                        WebhookSignature.HEADER,
                        service.signature(body, service.clock.instant().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new SlowBody(bytes, halfSent, finish)),
                        bytes.length))
                .build();
        CompletableFuture<HttpResponse<String>> inFlight =
                service.client().sendAsync(slow, HttpResponse.BodyHandlers.ofString());
        assertThat(halfSent.await(10, TimeUnit.SECONDS)).isTrue();
        // the stream and the webhook are both being served
        await().atMost(Duration.ofSeconds(10)).until(() -> service.parts.server.requestsInFlight() >= 2);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(service.parts.service::stop);
        stream.awaitEnd();
        finish.countDown();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        stopping.get(20, TimeUnit.SECONDS);
        assertThat(service.parts
                        .agents
                        .agent(AgentId.of("maria"))
                        .get()
                        .talkdeskStatus()
                        .value())
                .isEqualTo("lunch");
        assertThatThrownBy(() -> service.get("/healthz")).hasRootCauseInstanceOf(ConnectException.class);
        service.talkdesk.close();
    }

    @Test
    void stopping_twice_does_nothing() {
        RunningService service = RunningService.start();
        service.close();

        assertThatCode(service.parts.service::stop).doesNotThrowAnyException();
        assertThat(service.parts.server.isRunning()).isFalse();
    }

    /** Half the body at once, the rest once the test says so. */
    private static final class SlowBody extends InputStream {
        private final byte[] bytes;
        private final CountDownLatch halfSent;
        private final CountDownLatch finish;
        private int next;

        SlowBody(byte[] bytes, CountDownLatch halfSent, CountDownLatch finish) {
            this.bytes = bytes;
            this.halfSent = halfSent;
            this.finish = finish;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (next >= bytes.length) {
                return -1;
            }
            int half = bytes.length / 2;
            if (next == half) {
                halfSent.countDown();
                try {
                    if (!finish.await(20, TimeUnit.SECONDS)) {
                        throw new UncheckedIOException(new IOException("the test never let the body finish"));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            int end = next < half ? half : bytes.length;
            int count = Math.min(length, end - next);
            System.arraycopy(bytes, next, into, offset, count);
            next += count;
            return count;
        }
    }
}
