package io.omnisync.adapters.kafka.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.kafka.cluster.Deployment;
import io.omnisync.adapters.kafka.cluster.Workload;
import io.omnisync.adapters.kafka.peer.PeerAccess;
import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.testing.EmbeddedKafkaExtension;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC 13: {@code GET /api/agents} answers from any instance, each agent's session from the instance that owns her.
 * Two instances, no standby copies (so neither has the other's sessions at all): each answers every agent as she is
 * after her events, whichever instance decided them.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class QueriesForwardedTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void every_instance_answers_every_agent_as_the_instance_that_owns_her_has_her(EmbeddedKafka kafka) {
        Deployment deployment = new Deployment(kafka, "forwarded", 4);
        Workload workload = new Workload(12);
        try (KafkaEngine first = engine(deployment, "first");
                KafkaEngine second = engine(deployment, "second")) {
            first.seed(workload.configuration());
            assertThat(first.notReady()).as("not started yet").contains("Kafka Streams is CREATED");
            first.start(TIMEOUT);
            second.start(TIMEOUT);
            await("both ready")
                    .atMost(TIMEOUT)
                    .until(() -> first.notReady().isEmpty() && second.notReady().isEmpty());
            await("each instance owns some agents, together all")
                    .atMost(TIMEOUT)
                    .until(() -> owned(first, workload) > 0
                            && owned(second, workload) > 0
                            && owned(first, workload) + owned(second, workload)
                                    == workload.agents().size());

            deployment.publish(workload.step(0));

            for (KafkaEngine asked : List.of(first, second)) {
                await("every agent at lunch, asked one by one")
                        .atMost(TIMEOUT)
                        .untilAsserted(() -> assertThat(workload.agents())
                                .allSatisfy(agent -> assertThat(asked.agents()
                                                .agent(AgentId.of(agent))
                                                .map(AgentSession::talkdeskStatus))
                                        .containsExactly(TalkdeskStatusId.of("lunch"))));
                assertThat(asked.agents().agents())
                        .hasSize(workload.agents().size())
                        .allSatisfy(session ->
                                assertThat(session.talkdeskStatus()).isEqualTo(TalkdeskStatusId.of("lunch")));
            }
        }
    }

    private static long owned(KafkaEngine engine, Workload workload) {
        return workload.agents().stream()
                .filter(agent -> engine.agents().owned(agent).isRight())
                .count();
    }

    private static KafkaEngine engine(Deployment deployment, String name) {
        Properties streams = deployment.streamsConfig(deployment.kafka().newDirectory(name));
        streams.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
        return KafkaEngine.open(
                deployment.clientConfig(),
                deployment.topics(),
                streams,
                new PeerAccess("127.0.0.1", 0, "peer-token"),
                new JsonConfigurationCodec(),
                Clock.systemUTC());
    }
}
