package io.omnisync.adapters.kafka.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.kafka.admin.ConfigurationPublisher;
import io.omnisync.adapters.kafka.admin.PublishResult;
import io.omnisync.adapters.kafka.codec.ConfigurationRecord;
import io.omnisync.adapters.kafka.codec.ConfigurationRecordCodec;
import io.omnisync.adapters.kafka.codec.EventCodec;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.codec.FactCodec;
import io.omnisync.adapters.kafka.codec.FactRecord;
import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.testing.EmbeddedKafkaExtension;
import io.omnisync.adapters.kafka.testing.TopicReader;
import io.omnisync.adapters.kafka.topology.ContactCenter;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.settings.RefusalCode;
import io.omnisync.domain.settings.SettingsChange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Admin changes as configuration records on a real broker: validated first, one transaction, serialized. */
@ExtendWith(EmbeddedKafkaExtension.class)
class ConfigurationPublisherTest {

    private static final Instant NIGHT = Instant.parse("2026-01-05T21:00:00Z");
    private static final Instant MONDAY_TEN = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void turning_sync_on_writes_the_configuration_its_fact_and_then_each_agent_s_reconciliation(EmbeddedKafka kafka) {
        Deployment omnisync = new Deployment(kafka, "admin-sync", 2);
        ConfigurationPublisher admin = omnisync.publisher("admin-sync-tx");

        PublishResult seeded = admin.seed(ContactCenter.syncOff());
        PublishResult again = admin.seed(ContactCenter.syncOn());
        PublishResult on = admin.change(new SettingsChange.ToggleSync(true, false, NIGHT));

        assertThat(seeded).isInstanceOf(PublishResult.Published.class);
        long first = ((PublishResult.Published) seeded).version();
        assertThat(again).isEqualTo(new PublishResult.Running(first));
        PublishResult.Published published = (PublishResult.Published) on;
        assertThat(published.version()).isGreaterThan(first);
        assertThat(published.reconciled()).isEqualTo(3);
        assertThat(admin.latest().get().version()).isEqualTo(published.version());
        assertThat(admin.latest().get().configuration().settings().omniChannelSync())
                .isTrue();

        List<EventRecord> reconciliations = records(omnisync, omnisync.topics().events()).stream()
                .map(record -> EventCodec.decode(bytes(record)).get())
                .toList();
        assertThat(reconciliations)
                .extracting(record -> record.agent().value())
                .containsExactlyInAnyOrder("maria", "joao", "ana");
        assertThat(reconciliations).allSatisfy(record -> {
            assertThat(record).isInstanceOf(EventRecord.Reconcile.class);
            assertThat(record.configurationVersion()).isEqualTo(published.version());
        });
        assertThat(facts(omnisync))
                .as("admin facts have no key: on two partitions, in no order across them")
                .extracting(FactRecord.Decided::fact)
                .extracting(fact -> fact.getClass().getSimpleName())
                .containsExactlyInAnyOrder("ConfigurationApplied", "SettingsChanged");
    }

    @Test
    void a_change_the_domain_refuses_writes_nothing_to_the_configuration_topic(EmbeddedKafka kafka) {
        Deployment omnisync = new Deployment(kafka, "admin-refused", 1);
        ConfigurationPublisher admin = omnisync.publisher("admin-refused-tx");
        admin.seed(ContactCenter.syncOff());

        PublishResult inHours = admin.change(new SettingsChange.ToggleSync(true, false, MONDAY_TEN));
        PublishResult broken = admin.replace(
                ContactCenter.draft(ContactCenter.text().replace("\"lunch\": \"Lunch_Break\"", "\"lunch\": \"Nap\"")));

        assertThat(((PublishResult.Refused) inHours).refusal().code()).isEqualTo(RefusalCode.INSIDE_BUSINESS_HOURS);
        assertThat(((PublishResult.Rejected) broken).problems()).isNotEmpty();
        assertThat(records(omnisync, omnisync.topics().configuration())).hasSize(1);
        assertThat(records(omnisync, omnisync.topics().events())).isEmpty();
        assertThat(facts(omnisync))
                .extracting(FactRecord.Decided::fact)
                .extracting(fact -> fact.getClass().getSimpleName())
                .containsExactly("ConfigurationApplied", "Refused", "ConfigurationRejected");
    }

    @Test
    void an_admin_change_on_another_instance_is_seen_by_the_next_one(EmbeddedKafka kafka) {
        Deployment omnisync = new Deployment(kafka, "admin-two", 1);
        ConfigurationPublisher here = omnisync.publisher("admin-two-tx");
        ConfigurationPublisher there = omnisync.publisher("admin-two-tx");
        here.seed(ContactCenter.syncOff());

        PublishResult returning = here.change(new SettingsChange.ToggleReturnToPrevious(true, NIGHT));
        PublishResult next = there.change(new SettingsChange.ToggleNextAgentStatus(true, NIGHT));

        assertThat(returning).isInstanceOf(PublishResult.Published.class);
        assertThat(((PublishResult.Refused) next).refusal().code())
                .isEqualTo(RefusalCode.CONFLICTING_AFTER_CALL_SETTINGS);
    }

    @Test
    void an_admin_change_another_instance_left_open_is_fenced_and_never_applied(EmbeddedKafka kafka) {
        Deployment omnisync = new Deployment(kafka, "admin-fenced", 1);
        ConfigurationPublisher admin = omnisync.publisher("admin-fenced-tx");
        long seeded = ((PublishResult.Published) admin.seed(ContactCenter.syncOff())).version();
        ConfigurationRecordCodec codec = new ConfigurationRecordCodec(new JsonConfigurationCodec());
        Map<String, Object> config = new HashMap<>(omnisync.clientConfig());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "admin-fenced-tx");

        try (KafkaProducer<String, byte[]> stalled =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            // another instance began turning sync on, and stalled before committing
            stalled.initTransactions();
            stalled.beginTransaction();
            Future<RecordMetadata> written = stalled.send(new ProducerRecord<>(
                    omnisync.topics().configuration(),
                    "configuration",
                    codec.encode(new ConfigurationRecord(ContactCenter.syncOn(), seeded, "sync"))));
            stalled.flush();
            assertThat(written).isDone();

            PublishResult returning = admin.change(new SettingsChange.ToggleReturnToPrevious(true, NIGHT));

            Configuration running = admin.latest().get().configuration();
            assertThat(running.settings().returnToPreviousStatusAfterCall()).isTrue();
            assertThat(running.settings().omniChannelSync())
                    .as("the stalled change was aborted, not applied")
                    .isFalse();
            assertThat(returning).isInstanceOf(PublishResult.Published.class);
            assertThatThrownBy(stalled::commitTransaction).isInstanceOf(ProducerFencedException.class);
        }
    }

    private static List<ConsumerRecord<String, String>> records(Deployment omnisync, String topic) {
        return TopicReader.readToEnd(
                omnisync.kafka().bootstrapServers(), topic, IsolationLevel.READ_COMMITTED, Deployment.TIMEOUT);
    }

    private static List<FactRecord.Decided> facts(Deployment omnisync) {
        return records(omnisync, omnisync.topics().facts()).stream()
                .map(record ->
                        (FactRecord.Decided) FactCodec.decode(bytes(record)).get())
                .toList();
    }

    private static byte[] bytes(ConsumerRecord<String, String> record) {
        return record.value().getBytes(StandardCharsets.UTF_8);
    }
}
