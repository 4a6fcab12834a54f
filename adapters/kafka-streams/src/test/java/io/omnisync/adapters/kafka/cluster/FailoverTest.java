package io.omnisync.adapters.kafka.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.kafka.codec.CommandRecord;
import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.testing.EmbeddedKafkaExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failover (SPEC 13): two Streams instances share the agents' partitions; one is killed (SIGKILL, in a process
 * of its own) in the middle of a stream of acknowledged events; the other takes over its partitions (from its
 * standby copies of their sessions), and every acknowledged event's command is delivered, once, none lost, none
 * for an echo.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class FailoverTest {

    private static final Logger log = LoggerFactory.getLogger(FailoverTest.class);

    private static final int AGENTS = 16;
    private static final int STEPS = 24;
    private static final int PARTITIONS = 4;

    @Test
    void the_surviving_instance_takes_over_and_every_acknowledged_event_s_command_is_delivered_once(EmbeddedKafka kafka)
            throws Exception {
        Deployment omnisync = new Deployment(kafka, "failover", PARTITIONS);
        Workload day = new Workload(AGENTS);
        long seeded = omnisync.seed(day.configuration());

        try (ChildStreams doomed =
                        ChildStreams.start(omnisync, kafka.newDirectory("failover-a-"), Duration.ofMillis(100));
                Deployment.Instance instance = omnisync.startStreams(kafka.newDirectory("failover-b-"))) {
            KafkaStreams survivor = instance.streams();
            await("the partitions shared by both instances")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> activeTasks(survivor) > 0 && activeTasks(survivor) < PARTITIONS);
            log.info("before the failover the survivor runs {} of {} tasks", activeTasks(survivor), PARTITIONS);

            // a stream of events, each step acknowledged before the next is sent, on while the failover happens
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                for (int step = 0; step < STEPS; step++) {
                    omnisync.publish(day.step(step));
                }
            });
            await("a third of the commands")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> omnisync.omniCommands().size() >= AGENTS * STEPS / 3);
            doomed.kill();
            log.info(
                    "killed one instance with {} commands committed",
                    omnisync.omniCommands().size());

            stream.get(Deployment.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            await("every command")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> omnisync.omniCommands().size() >= AGENTS * STEPS);
            omnisync.awaitEverythingConsumed();

            assertThat(activeTasks(survivor)).as("the survivor runs every task").isEqualTo(PARTITIONS);
            assertThat(instance.running().version())
                    .as("the survivor runs the configuration the admin published, by its offset")
                    .isEqualTo(seeded);
            List<CommandRecord> commands = omnisync.omniCommands();
            assertThat(commands).hasSize(AGENTS * STEPS);
            Map<String, List<String>> causes = commands.stream()
                    .collect(Collectors.groupingBy(
                            command -> command.command().agent().value(),
                            Collectors.mapping(command -> command.cause().get(), Collectors.toList())));
            for (String agent : day.agents()) {
                assertThat(causes.get(agent))
                        .as("%s's commands: one per Talkdesk change, in order, none for an echo", agent)
                        .containsExactlyElementsOf(day.expectedCauses(agent, 0, STEPS));
            }
            assertThat(commands).extracting(CommandRecord::configurationVersion).containsOnly(seeded);
        }
    }

    private static long activeTasks(KafkaStreams streams) {
        return streams.metadataForLocalThreads().stream()
                .map(ThreadMetadata::activeTasks)
                .mapToLong(java.util.Set::size)
                .sum();
    }
}
