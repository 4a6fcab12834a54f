package io.omnisync.adapters.kafka.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.kafka.codec.CommandRecord;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.testing.EmbeddedKafkaExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly once end to end on a real broker (SPEC 13): events in, each command out once under read_committed,
 * even when the Streams instance is killed (SIGKILL, in a process of its own) with a transaction open, and
 * started again on the same state directory. The killed instance had already applied the events to its local
 * sessions: unless those changes are rolled back with the transaction, the restarted one would take the events
 * for duplicates and send nothing.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ExactlyOnceTest {

    private static final Logger log = LoggerFactory.getLogger(ExactlyOnceTest.class);

    private static final int AGENTS = 12;
    private static final int STEPS = 20;

    /**
     * Long enough that the first instance never commits: it is surely killed inside its transaction. (The
     * restarted instance, on the same state directory, has the same transactional id and fences that transaction
     * at once rather than waiting for it to time out.)
     */
    private static final Duration NEVER = Duration.ofMinutes(2);

    private static final Duration USUAL = Duration.ofMillis(100);

    @Test
    void every_talkdesk_change_gives_one_command_though_the_instance_is_killed_inside_a_transaction(
            EmbeddedKafka kafka) {
        Deployment omnisync = new Deployment(kafka, "eos", 3);
        Workload day = new Workload(AGENTS);
        long seeded = omnisync.seed(day.configuration());
        Path state = kafka.newDirectory("eos-state-");
        int firstHalf = AGENTS * STEPS / 2;

        try (ChildStreams first = ChildStreams.start(omnisync, state, NEVER)) {
            omnisync.publish(steps(day, 0, STEPS / 2));
            await("the first half's commands written, in a transaction still open")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> omnisync.omniRecordsWritten() >= firstHalf);
            first.kill();
        }
        assertThat(omnisync.omniCommands())
                .as("nothing of the killed transaction is visible")
                .isEmpty();

        try (ChildStreams restarted = ChildStreams.start(omnisync, state, USUAL)) {
            await("the first half's commands, committed")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> omnisync.omniCommands().size() >= firstHalf);
            omnisync.publish(steps(day, STEPS / 2, STEPS));
            await("every command")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> omnisync.omniCommands().size() >= AGENTS * STEPS);
            omnisync.awaitEverythingConsumed();

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
            assertThat(commands).extracting(CommandRecord::commandId).doesNotHaveDuplicates();
            assertThat(commands)
                    .as("decided under the configuration the admin published: the restarted instance numbers it alike")
                    .extracting(CommandRecord::configurationVersion)
                    .containsOnly(seeded);
            int written = omnisync.omniRecordsWritten();
            assertThat(written)
                    .as("the killed transaction's records are on the topic, aborted")
                    .isGreaterThanOrEqualTo(AGENTS * STEPS + firstHalf);
            assertThat(restarted.isAlive())
                    .as("the restarted instance kept running")
                    .isTrue();
            log.info("{} command records on the topic, {} of them committed", written, commands.size());
        }
    }

    private static List<EventRecord> steps(Workload day, int from, int to) {
        return IntStream.range(from, to)
                .boxed()
                .flatMap(step -> day.step(step).stream())
                .toList();
    }
}
