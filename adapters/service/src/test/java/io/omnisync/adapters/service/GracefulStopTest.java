package io.omnisync.adapters.service;

import static io.omnisync.adapters.service.RunningService.newEventId;
import static io.omnisync.adapters.service.RunningService.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.service.security.WebhookSignature;
import io.omnisync.domain.agent.AgentId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
        long streamsOnly = service.parts.server.requestsInFlight();

        // a webhook whose body is still arriving when the stop begins
        String body = statusChanged(newEventId(), "td-1001", "lunch", service.clock.instant());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = service.signature(body, service.clock.instant().getEpochSecond());
        try (Socket socket = new Socket(java.net.InetAddress.getLoopbackAddress(), service.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("POST /webhooks/talkdesk HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                                    + WebhookSignature.HEADER + ": " + signature + "\r\nContent-Length: " + bytes.length
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> service.parts.server.requestsInFlight() > streamsOnly);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(service.parts.service::stop);
            stream.awaitEnd();
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            out.flush();

            BufferedReader answer =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(answer.readLine()).isEqualTo("HTTP/1.1 202 Accepted");
            stopping.get(20, TimeUnit.SECONDS);
        }
        assertThat(service.parts
                        .agents
                        .agent(AgentId.of("maria"))
                        .get()
                        .talkdeskStatus()
                        .value())
                .isEqualTo("lunch");
        assertThatThrownBy(() -> service.get("/healthz"))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(ConnectException.class);
        service.talkdesk.close();
    }

    @Test
    void stopping_twice_does_nothing() {
        RunningService service = RunningService.start();
        service.close();

        assertThatCode(service.parts.service::stop).doesNotThrowAnyException();
        assertThat(service.parts.server.isRunning()).isFalse();
    }
}
