package io.omnisync.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.testing.EmbeddedKafkaExtension;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedKafkaExtension.class)
class EmbeddedKafkaTest {

    @Test
    void startsANodeThatAnswersOnItsBootstrapAddressAndStopsLeavingNothingBehind() throws Exception {
        Path directory;
        String host;
        int port;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            directory = kafka.newDirectory("state-").getParent();
            try (Admin admin = admin(kafka)) {
                List<Node> nodes = List.copyOf(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS));
                assertThat(nodes).hasSize(1);
                host = nodes.get(0).host();
                port = nodes.get(0).port();
            }
            assertThat(kafka.bootstrapServers()).isEqualTo(host + ":" + port);
            assertThat(directory).isDirectory();
        }
        assertThat(directory).doesNotExist();
        assertThatThrownBy(() -> new Socket(host, port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void createsTopicsWithTheirPartitionsAndCleanupPolicy(EmbeddedKafka kafka) throws Exception {
        kafka.createTopic("embedded-plain", 3);
        kafka.createCompactedTopic("embedded-compacted", 2);

        try (Admin admin = admin(kafka)) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("embedded-plain", "embedded-compacted"))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            assertThat(topics.get("embedded-plain").partitions()).hasSize(3);
            assertThat(topics.get("embedded-compacted").partitions()).hasSize(2);
            Map<ConfigResource, Config> configs = admin.describeConfigs(
                            List.of(topic("embedded-plain"), topic("embedded-compacted")))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            assertThat(configs.get(topic("embedded-plain"))
                            .get("cleanup.policy")
                            .value())
                    .isEqualTo("delete");
            assertThat(configs.get(topic("embedded-compacted"))
                            .get("cleanup.policy")
                            .value())
                    .isEqualTo("compact");
        }
    }

    private static ConfigResource topic(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
