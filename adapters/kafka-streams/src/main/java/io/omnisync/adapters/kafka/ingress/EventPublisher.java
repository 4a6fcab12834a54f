package io.omnisync.adapters.kafka.ingress;

import io.omnisync.adapters.kafka.codec.EventCodec;
import io.omnisync.adapters.kafka.codec.EventRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes what the ingress took (a vendor's report, or what became of a command) to the events topic, keyed by
 * agent id, with {@code acks=all} and an idempotent producer: the future completes once the broker acknowledged
 * the record, which is when SPEC 13's ingress may answer 202 ("acknowledged means durable"). Thread-safe; one per
 * process.
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    /** @param clientConfig what every client needs to reach the cluster ({@code bootstrap.servers}, security) */
    public EventPublisher(Map<String, Object> clientConfig, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Completes when the broker acknowledged the record (every in-sync replica has it); fails if it did not. */
    public CompletableFuture<RecordMetadata> publish(EventRecord record) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        // the callback completes the answer, failures included
        Future<RecordMetadata> unused = producer.send(
                new ProducerRecord<>(topic, record.agent().value(), EventCodec.encode(record)), (metadata, failure) -> {
                    if (failure == null) {
                        acknowledged.complete(metadata);
                    } else {
                        acknowledged.completeExceptionally(failure);
                    }
                });
        return acknowledged;
    }

    @Override
    public void close() {
        producer.close();
    }
}
