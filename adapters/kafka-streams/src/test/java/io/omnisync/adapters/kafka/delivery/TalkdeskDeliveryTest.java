package io.omnisync.adapters.kafka.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.kafka.cluster.Deployment;
import io.omnisync.adapters.kafka.codec.CommandCodec;
import io.omnisync.adapters.kafka.codec.CommandRecord;
import io.omnisync.adapters.kafka.codec.EventCodec;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.ingress.EventPublisher;
import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.testing.EmbeddedKafkaExtension;
import io.omnisync.adapters.kafka.testing.TopicReader;
import io.omnisync.adapters.kafka.topology.ContactCenter;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.application.vendor.VendorCalls;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Command;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Talkdesk delivery consumer against a real broker and a Talkdesk that answers as a test tells it. */
@ExtendWith(EmbeddedKafkaExtension.class)
class TalkdeskDeliveryTest {

    /** Every call made, quick retries: 20 ms, then twice as long, at most 200 ms. */
    private static final VendorCalls QUICK = new VendorCalls() {
        @Override
        public <T> T call(VendorSystem vendor, Supplier<T> call) {
            return call.get();
        }

        @Override
        public Duration backoff(int failures) {
            return Duration.ofMillis(Math.min(200, 20L << Math.min(failures - 1, 10)));
        }
    };

    private final Configuration contactCenter =
            Configuration.validate(ContactCenter.syncOn()).get();
    private final ScriptedTalkdesk talkdesk = new ScriptedTalkdesk();
    private int commands;

    @Test
    void commands_are_sent_and_committed_once_talkdesk_answered(EmbeddedKafka kafka) throws Exception {
        Deployment omnisync = new Deployment(kafka, "delivery-sent", 2);
        write(omnisync, List.of(command("maria", "lunch"), command("joao", "chat_only"), command("ana", "away")));

        try (TalkdeskDelivery delivery = delivery(omnisync)) {
            await("every offset committed")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> delivery.isRunning() && committed(omnisync) == 3);
        }

        assertThat(talkdesk.taken()).containsExactlyInAnyOrder("maria:lunch", "joao:chat_only", "ana:away");
        assertThat(answers(omnisync))
                .as("Talkdesk took them all: nothing to answer")
                .isEmpty();
    }

    @Test
    void commands_that_pile_up_while_talkdesk_is_down_are_superseded_by_the_agent_s_latest(EmbeddedKafka kafka)
            throws Exception {
        Deployment omnisync = new Deployment(kafka, "delivery-superseded", 1);
        talkdesk.down("joao");
        write(omnisync, List.of(command("joao", "chat_only")));

        try (TalkdeskDelivery delivery = delivery(omnisync)) {
            await("joao's command waiting for Talkdesk")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> delivery.isRunning() && talkdesk.unavailableAnswers() >= 1);
            write(omnisync, List.of(command("joao", "available"), command("maria", "lunch")));
            int before = talkdesk.unavailableAnswers();
            // two more tries after the newer commands were written: the second one's poll has read them
            await("tried again since")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> talkdesk.unavailableAnswers() >= before + 2);
            try (TalkdeskBacklog backlog = backlog(omnisync)) {
                await("what waits: joao's newest command (the older one will not be sent), then maria's")
                        .atMost(Deployment.TIMEOUT)
                        .untilAsserted(() -> assertThat(backlog.pending())
                                .extracting(PendingCommand::command)
                                .containsExactly(setTalkdesk("joao", "available"), setTalkdesk("maria", "lunch")));
                talkdesk.up("joao");
                await("every offset committed").atMost(Deployment.TIMEOUT).until(() -> committed(omnisync) == 3);
                await("nothing waits any more")
                        .atMost(Deployment.TIMEOUT)
                        .until(() -> backlog.pending().isEmpty());
            }
        }

        assertThat(talkdesk.taken())
                .as("joao's latest only, then maria's, behind it in the partition")
                .containsExactly("joao:available", "maria:lunch");
        assertThat(answers(omnisync))
                .containsExactly(new EventRecord.CommandSuperseded(
                        setTalkdesk("joao", "chat_only"), setTalkdesk("joao", "available")));
    }

    @Test
    void a_refusal_is_written_back_so_the_engine_stops_waiting_for_the_echo(EmbeddedKafka kafka) throws Exception {
        Deployment omnisync = new Deployment(kafka, "delivery-refused", 1);
        talkdesk.refuse("maria", "lunch");
        write(omnisync, List.of(command("maria", "lunch"), command("zoe", "away")));

        try (TalkdeskDelivery delivery = delivery(omnisync)) {
            await("both answered")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> delivery.isRunning() && committed(omnisync) == 2);
        }

        assertThat(talkdesk.taken()).isEmpty();
        assertThat(answers(omnisync))
                .containsExactly(
                        new EventRecord.CommandFailed(
                                setTalkdesk("maria", "lunch"), "422 the status is not available to this user"),
                        new EventRecord.CommandFailed(setTalkdesk("zoe", "away"), "no agent 'zoe' to send it to"));
    }

    @Test
    void while_talkdesk_is_down_the_partition_waits_and_is_tried_again_and_nothing_is_committed_before(
            EmbeddedKafka kafka) throws Exception {
        Deployment omnisync = new Deployment(kafka, "delivery-down", 1);
        talkdesk.downFor("maria", 4);
        write(omnisync, List.of(command("maria", "lunch")));

        try (TalkdeskDelivery delivery = delivery(omnisync)) {
            await("tried while Talkdesk is down")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> delivery.isRunning() && talkdesk.unavailableAnswers() >= 2);
            assertThat(committed(omnisync))
                    .as("not answered yet: not committed")
                    .isZero();
            await("sent once Talkdesk is back")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> talkdesk.taken().equals(List.of("maria:lunch")));
            await("committed").atMost(Deployment.TIMEOUT).until(() -> committed(omnisync) == 1);
        }
        assertThat(talkdesk.unavailableAnswers()).isEqualTo(4);
        assertThat(answers(omnisync)).isEmpty();
    }

    @Test
    void a_command_of_an_aborted_transaction_is_never_sent(EmbeddedKafka kafka) throws Exception {
        Deployment omnisync = new Deployment(kafka, "delivery-aborted", 1);
        Map<String, Object> config = new HashMap<>(omnisync.clientConfig());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "delivery-aborted-streams");
        try (KafkaProducer<String, byte[]> streams =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            streams.initTransactions();
            streams.beginTransaction();
            send(streams, omnisync, command("maria", "lunch"));
            streams.abortTransaction();
            streams.beginTransaction();
            send(streams, omnisync, command("maria", "away"));
            streams.commitTransaction();
        }

        try (TalkdeskDelivery delivery = delivery(omnisync)) {
            await("the committed command sent")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> delivery.isRunning() && !talkdesk.taken().isEmpty());
        }

        assertThat(talkdesk.taken()).containsExactly("maria:away");
    }

    private static TalkdeskBacklog backlog(Deployment omnisync) {
        return new TalkdeskBacklog(
                omnisync.clientConfig(), omnisync.topics().talkdeskCommands(), omnisync.applicationId() + "-talkdesk");
    }

    @Test
    void while_talkdesk_s_circuit_breaker_is_open_talkdesk_is_not_called_and_nothing_is_committed(EmbeddedKafka kafka)
            throws Exception {
        Deployment omnisync = new Deployment(kafka, "delivery-breaker", 1);
        AtomicBoolean open = new AtomicBoolean(true);
        AtomicInteger heldBack = new AtomicInteger();
        VendorCalls breaker = new VendorCalls() {
            @Override
            public <T> T call(VendorSystem vendor, Supplier<T> call) {
                if (open.get()) {
                    heldBack.incrementAndGet();
                    throw new VendorUnavailableException("Talkdesk's circuit breaker is open");
                }
                return call.get();
            }

            @Override
            public Duration backoff(int failures) {
                return QUICK.backoff(failures);
            }
        };
        write(omnisync, List.of(command("maria", "lunch")));

        try (TalkdeskDelivery delivery = delivery(omnisync, breaker)) {
            await("held back by the breaker, twice")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> delivery.isRunning() && heldBack.get() >= 2);
            assertThat(talkdesk.taken()).isEmpty();
            assertThat(committed(omnisync)).isZero();
            open.set(false);
            await("sent once the breaker lets calls through")
                    .atMost(Deployment.TIMEOUT)
                    .until(() -> talkdesk.taken().equals(List.of("maria:lunch")) && committed(omnisync) == 1);
        }
    }

    private TalkdeskDelivery delivery(Deployment omnisync) {
        return delivery(omnisync, QUICK);
    }

    private TalkdeskDelivery delivery(Deployment omnisync, VendorCalls calls) {
        return new TalkdeskDelivery(
                        omnisync.clientConfig(),
                        omnisync.topics().talkdeskCommands(),
                        omnisync.applicationId() + "-talkdesk",
                        talkdesk,
                        () -> contactCenter,
                        new EventPublisher(
                                omnisync.clientConfig(), omnisync.topics().events()),
                        calls,
                        Clock.systemUTC())
                .start();
    }

    private CommandRecord command(String agent, String status) {
        return new CommandRecord(agent + "-" + ++commands, setTalkdesk(agent, status), 0, Option.none());
    }

    private static Command setTalkdesk(String agent, String status) {
        return new Command.SetTalkdeskStatus(AgentId.of(agent), TalkdeskStatusId.of(status), Because.MAPPING);
    }

    private static void write(Deployment omnisync, List<CommandRecord> records) throws Exception {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(omnisync.clientConfig(), new StringSerializer(), new ByteArraySerializer())) {
            for (CommandRecord record : records) {
                send(producer, omnisync, record);
            }
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, Deployment omnisync, CommandRecord record)
            throws Exception {
        producer.send(new ProducerRecord<>(
                        omnisync.topics().talkdeskCommands(),
                        record.command().agent().value(),
                        CommandCodec.encode(record)))
                .get(30, TimeUnit.SECONDS);
    }

    private static List<EventRecord> answers(Deployment omnisync) {
        return TopicReader.readToEnd(
                        omnisync.kafka().bootstrapServers(),
                        omnisync.topics().events(),
                        IsolationLevel.READ_COMMITTED,
                        Deployment.TIMEOUT)
                .stream()
                .map(record -> EventCodec.decode(record.value().getBytes(StandardCharsets.UTF_8))
                        .get())
                .toList();
    }

    /** How many commands the delivery group has committed past, over every partition. */
    private static long committed(Deployment omnisync) throws Exception {
        try (Admin admin = Admin.create(omnisync.clientConfig())) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(
                            omnisync.applicationId() + "-talkdesk")
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            return offsets.values().stream()
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        }
    }
}
