package io.omnisync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A smoke run of the Kafka benchmark's rig, so `mvn verify` catches a broken one: a broker, the topology, a few
 * agents; each batch gives one command per agent (the echoes none), never timed.
 */
class KafkaTopologyBenchmarkSmokeTest {

    @Test
    void each_batch_of_changes_and_echoes_gives_one_command_per_agent() {
        KafkaTopologyBenchmark.OneInstance cluster = new KafkaTopologyBenchmark.OneInstance();
        cluster.agents = 20;
        try {
            cluster.up();

            assertThat(cluster.batch()).isEqualTo(20);
            assertThat(cluster.batch()).isEqualTo(20);
        } finally {
            cluster.down();
        }
    }
}
