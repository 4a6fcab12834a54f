package io.omnisync.adapters.kafka.cluster;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.kafka.topology.OmnisyncStreams;
import io.omnisync.adapters.kafka.topology.OmnisyncTopology;
import io.omnisync.adapters.kafka.topology.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * An Omnisync Streams instance in a process of its own, so a test can kill it with SIGKILL mid-transaction:
 * {@code StreamsProcess <bootstrap> <topics prefix> <application id> <state dir> <marker file> <commit interval ms>}.
 * It writes the marker file once it is RUNNING and runs until it is killed. The same settings as
 * {@link Deployment}, and the commit interval given (a long one keeps a transaction open as long as a test needs).
 */
public final class StreamsProcess {

    private StreamsProcess() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        Topics topics = Topics.named(args[1]);
        Properties config = OmnisyncStreams.config(args[2], bootstrap, Path.of(args[3]));
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
        long commitInterval = Long.parseLong(args[5]);
        // Streams wants a transaction to be allowed to last at least one commit interval
        config.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), (int)
                Math.max(5000, commitInterval));
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval);
        Path marker = Path.of(args[4]);
        KafkaStreams streams = new KafkaStreams(OmnisyncTopology.build(topics, new JsonConfigurationCodec()), config);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                try {
                    Files.writeString(marker, "running");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        streams.start();
        new CountDownLatch(1).await();
    }
}
