package io.omnisync.adapters.kafka.host;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.adapters.kafka.ingress.EventPublisher;
import io.omnisync.application.reporting.ReportNotTaken;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/** The ingress claims nothing it could not write: a broker that does not acknowledge is {@link ReportNotTaken}. */
class KafkaIngressTest {

    @Test
    void an_event_the_broker_never_acknowledged_is_not_taken() throws IOException {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        try (EventPublisher events = new EventPublisher(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        "127.0.0.1:" + nobody,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        300),
                "omnisync.events")) {
            KafkaIngress ingress = new KafkaIngress(events, () -> 0L, Duration.ofSeconds(5));

            assertThatThrownBy(() -> ingress.accept(new AgentEvent.TalkdeskStatusReported(
                            EventId.of("talkdesk:evt-1"),
                            AgentId.of("maria"),
                            Instant.parse("2026-01-05T09:00:00Z"),
                            TalkdeskStatusId.of("lunch"))))
                    .isInstanceOf(ReportNotTaken.class)
                    .hasMessageContaining("talkdesk:evt-1");
        }
    }
}
