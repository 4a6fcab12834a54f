package io.omnisync.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.testing.EmbeddedKafkaExtension;
import io.omnisync.adapters.kafka.testing.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the command consumers will rely on: under read_committed, an aborted transaction is never seen. */
@ExtendWith(EmbeddedKafkaExtension.class)
class TransactionsTest {

    private static final String TOPIC = "transactional-commands";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @BeforeAll
    static void writeACommittedAnAbortedAndACommittedTransaction(EmbeddedKafka kafka) throws Exception {
        kafka.createTopic(TOPIC, 1);
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "transactions-test",
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                30_000);
        List<Future<RecordMetadata>> written = new ArrayList<>();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();

            producer.beginTransaction();
            written.add(producer.send(new ProducerRecord<>(TOPIC, "agent-1", "committed 1")));
            written.add(producer.send(new ProducerRecord<>(TOPIC, "agent-2", "committed 2")));
            producer.commitTransaction();

            producer.beginTransaction();
            written.add(producer.send(new ProducerRecord<>(TOPIC, "agent-1", "aborted")));
            producer.flush(); // in the log, then aborted
            producer.abortTransaction();

            producer.beginTransaction();
            written.add(producer.send(new ProducerRecord<>(TOPIC, "agent-1", "committed 3")));
            producer.commitTransaction();
        }
        for (Future<RecordMetadata> record : written) {
            assertThat(record.get(30, TimeUnit.SECONDS).hasOffset()).isTrue();
        }
    }

    @Test
    void aReadCommittedConsumerSeesOnlyTheCommittedRecords(EmbeddedKafka kafka) {
        List<ConsumerRecord<String, String>> read = TopicReader.readUntil(
                kafka.bootstrapServers(),
                TOPIC,
                IsolationLevel.READ_COMMITTED,
                TransactionsTest::reachedTheLast,
                TIMEOUT);

        // the last committed record comes after the aborted one in the log: it was read past, not waited for
        assertThat(read).map(ConsumerRecord::value).containsExactly("committed 1", "committed 2", "committed 3");
    }

    @Test
    void theAbortedRecordIsInTheLogForAReadUncommittedConsumer(EmbeddedKafka kafka) {
        List<ConsumerRecord<String, String>> read = TopicReader.readUntil(
                kafka.bootstrapServers(),
                TOPIC,
                IsolationLevel.READ_UNCOMMITTED,
                TransactionsTest::reachedTheLast,
                TIMEOUT);

        assertThat(read)
                .map(ConsumerRecord::value)
                .containsExactly("committed 1", "committed 2", "aborted", "committed 3");
    }

    private static boolean reachedTheLast(List<ConsumerRecord<String, String>> read) {
        return read.stream().anyMatch(r -> r.value().equals("committed 3"));
    }
}
