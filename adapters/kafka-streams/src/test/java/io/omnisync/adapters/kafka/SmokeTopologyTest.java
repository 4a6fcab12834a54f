package io.omnisync.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology without a broker: TopologyTestDriver runs it record by record, in the test's thread. */
class SmokeTopologyTest {

    @TempDir
    Path stateDirectory;

    @Test
    @SuppressWarnings("deprecation") // the switch goes away in Kafka 5, where what it switches on is the default
    void eachEventIsAnsweredWithTheAgentsCountAndTheLatestConfiguration() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "smoke-topology");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        try (TopologyTestDriver driver =
                new TopologyTestDriver(SmokeTopology.build("events", "configuration", "output"), config)) {
            TestInputTopic<String, String> configuration =
                    driver.createInputTopic("configuration", new StringSerializer(), new StringSerializer());
            TestInputTopic<String, String> events =
                    driver.createInputTopic("events", new StringSerializer(), new StringSerializer());
            TestOutputTopic<String, String> output =
                    driver.createOutputTopic("output", new StringDeserializer(), new StringDeserializer());

            configuration.pipeInput(SmokeTopology.GREETING, "hello");
            events.pipeInput("agent-1", "e1");
            events.pipeInput("agent-2", "e1");
            configuration.pipeInput(SmokeTopology.GREETING, "hi");
            events.pipeInput("agent-1", "e2");

            assertThat(output.readValuesToList())
                    .containsExactly("hello agent-1 #1 e1", "hello agent-2 #1 e1", "hi agent-1 #2 e2");
            KeyValueStore<String, Long> sessions = driver.getKeyValueStore(SmokeTopology.SESSIONS);
            assertThat(sessions.get("agent-1")).isEqualTo(2L);
            assertThat(sessions.get("agent-2")).isEqualTo(1L);
        }
    }
}
