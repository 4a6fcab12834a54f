package io.omnisync.adapters.kafka.topology;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings SPEC 13 asks for; a deployment adds its own (security, replication) on top. */
public final class OmnisyncStreams {

    /** {@code application.id}: the consumer group, and the prefix of the changelog and repartition topics. */
    public static final String APPLICATION_ID = "omnisync";

    private OmnisyncStreams() {}

    /**
     * {@code exactly_once_v2} (a session change, its commands and facts and the input offset commit together:
     * the outbox, for free) and one standby replica of each task's stores (a failover restores from a warm copy).
     */
    public static Properties config(String applicationId, String bootstrapServers, Path stateDirectory) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        return config;
    }

    public static Properties config(String bootstrapServers, Path stateDirectory) {
        return config(APPLICATION_ID, bootstrapServers, stateDirectory);
    }
}
