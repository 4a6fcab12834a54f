package io.omnisync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP load driver of issue 17 at smoke size, so `mvn verify` catches a broken one: {@code serve} in process and
 * {@code serve --kafka} with one instance (child processes on this module's test classpath; the two-instance set-up
 * is left to {@code benchmarks/run.sh}, it would double the time), 20 agents × 3 webhooks. It checks that every
 * webhook is acknowledged and every command seen where the driver looks for it, never how fast.
 */
class KafkaServeLoadSmokeTest {

    @TempDir
    Path folder;

    @Test
    void every_webhook_is_acknowledged_and_its_command_seen_in_process_and_on_kafka() throws Exception {
        List<KafkaServeLoad.Figures> figures = new ArrayList<>();
        KafkaServeLoad.run(
                new KafkaServeLoad.Settings(ServeOnTestClasspath.command(), 20, 3, 2, 4, 2, folder),
                List.of(KafkaServeLoad.Setup.IN_PROCESS, KafkaServeLoad.Setup.KAFKA_ONE),
                figures::add);

        assertThat(figures).hasSize(2);
        for (KafkaServeLoad.Figures figure : figures) {
            assertThat(figure.sent()).as(figure.toString()).isEqualTo(40);
            assertThat(figure.complete()).as(figure.toString()).isTrue();
            assertThat(figure.onConsole().seen()).as(figure.toString()).isEqualTo(8);
        }
        assertThat(figures.get(0).onTopic()).isEmpty();
        assertThat(figures.get(1).onTopic())
                .hasValueSatisfying(topic -> assertThat(topic.seen()).isEqualTo(40));
        assertThat(KafkaServeLoad.ratios(figures)).contains("serve --kafka, 1 instance");
    }
}
