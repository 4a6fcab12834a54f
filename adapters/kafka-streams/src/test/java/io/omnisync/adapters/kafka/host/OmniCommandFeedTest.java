package io.omnisync.adapters.kafka.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.kafka.codec.CommandCodec;
import io.omnisync.adapters.kafka.codec.CommandRecord;
import io.omnisync.adapters.kafka.codec.EventCodec;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.ingress.EventPublisher;
import io.omnisync.adapters.kafka.testing.EmbeddedKafka;
import io.omnisync.adapters.kafka.testing.EmbeddedKafkaExtension;
import io.omnisync.adapters.kafka.testing.TopicReader;
import io.omnisync.adapters.kafka.topology.ContactCenter;
import io.omnisync.adapters.kafka.topology.Topics;
import io.omnisync.application.delivery.CommandAnswer;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Command;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The feed of Omni commands on a real broker, with stand-ins for the console side: what each instance hands over,
 * and which answers reach the events topic when several instances hold the same commands.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class OmniCommandFeedTest {

    private static final int PARTITIONS = 4;
    private static final Duration GRACE = Duration.ofMillis(300);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AgentId MARIA = AgentId.of("maria");
    private static final AgentId JOAO = AgentId.of("joao");
    private static final AgentId ANA = AgentId.of("ana");
    private static final PresenceStatusId LUNCH = PresenceStatusId.of("Lunch_Break");
    private static final PresenceStatusId AWAY = PresenceStatusId.of("Away_from_Desk");

    private final Configuration contactCenter =
            Configuration.validate(ContactCenter.syncOn()).get();

    /** A console side that takes every command, as the service's does when no console is connected. */
    private static final class Consoles implements OmniChannelPresence {
        record Handed(CommandId command, AgentId agent, PresenceStatusId status) {}

        final List<Handed> handed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public VendorAnswer setPresenceStatus(CommandId command, Agent agent, PresenceStatusId status) {
            handed.add(new Handed(command, agent.id(), status));
            return VendorAnswer.DISPATCHED;
        }

        Handed of(AgentId agent) {
            synchronized (handed) {
                return handed.stream()
                        .filter(one -> one.agent().equals(agent))
                        .reduce((first, second) -> second)
                        .orElseThrow();
            }
        }

        List<Handed> all() {
            synchronized (handed) {
                return List.copyOf(handed);
            }
        }
    }

    @Test
    void an_expiry_is_written_once_however_many_instances_expire_the_command(EmbeddedKafka kafka) {
        Topics topics = topics(kafka, "feed-once");
        try (EventPublisher publisher = publisher(kafka, topics);
                OmniCommandFeed first = feed(kafka, topics, publisher, Clock.systemUTC());
                OmniCommandFeed second = feed(kafka, topics, publisher, Clock.systemUTC())) {
            Consoles atFirst = new Consoles();
            Consoles atSecond = new Consoles();
            startSharingThePartitions(first, atFirst, second, atSecond);

            write(kafka, topics, List.of(command(MARIA, LUNCH), command(JOAO, AWAY), command(ANA, LUNCH)));
            await().atMost(TIMEOUT)
                    .until(() -> atFirst.all().size() == 3 && atSecond.all().size() == 3);
            for (OmniCommandFeed instance : List.of(first, second)) {
                assertThat(instance.outstanding())
                        .as("GET /api/pending from either instance: the three commands no console settled yet")
                        .extracting(pending -> pending.command().agent())
                        .containsExactlyInAnyOrder(MARIA, JOAO, ANA);
            }

            for (AgentId agent : List.of(MARIA, JOAO, ANA)) {
                assertThat(first.answered(agent, atFirst.of(agent).command(), CommandAnswer.EXPIRED))
                        .isTrue();
                assertThat(second.answered(agent, atSecond.of(agent).command(), CommandAnswer.EXPIRED))
                        .isTrue();
            }
            assertThat(first.outstanding()).isEmpty();
            assertThat(second.outstanding()).isEmpty();

            await().atMost(TIMEOUT).until(() -> expiries(kafka, topics).size() == 3);
            await().during(GRACE.multipliedBy(4))
                    .atMost(TIMEOUT)
                    .until(() -> expiries(kafka, topics).size() == 3);
            assertThat(expiries(kafka, topics))
                    .extracting(EventRecord::agent)
                    .containsExactlyInAnyOrder(MARIA, JOAO, ANA);
        }
    }

    @Test
    void an_expiry_the_answering_instance_did_not_write_before_it_left_is_written_by_the_one_that_takes_over(
            EmbeddedKafka kafka) {
        Topics topics = topics(kafka, "feed-takeover");
        Duration longer = Duration.ofSeconds(2);
        try (EventPublisher publisher = publisher(kafka, topics);
                OmniCommandFeed first = feed(kafka, topics, publisher, Clock.systemUTC(), longer);
                OmniCommandFeed second = feed(kafka, topics, publisher, Clock.systemUTC(), longer)) {
            Consoles atFirst = new Consoles();
            Consoles atSecond = new Consoles();
            startSharingThePartitions(first, atFirst, second, atSecond);
            write(kafka, topics, List.of(command(MARIA, LUNCH)));
            await().atMost(TIMEOUT)
                    .until(() -> atFirst.all().size() == 1 && atSecond.all().size() == 1);
            CommandId command = atFirst.of(MARIA).command();
            int partition = (int) (command.value() >> 40);
            OmniCommandFeed owner = first.answersFor(partition) ? first : second;
            OmniCommandFeed survivor = owner == first ? second : first;

            assertThat(first.answered(MARIA, command, CommandAnswer.EXPIRED)).isTrue();
            assertThat(second.answered(MARIA, command, CommandAnswer.EXPIRED)).isTrue();
            owner.close();

            await().atMost(TIMEOUT).until(() -> expiries(kafka, topics).size() == 1);
            assertThat(survivor.answersFor(partition)).isTrue();
            await().during(GRACE.multipliedBy(4))
                    .atMost(TIMEOUT)
                    .until(() -> expiries(kafka, topics).size() == 1);
        }
    }

    @Test
    void a_command_the_events_topic_shows_ended_is_not_expired(EmbeddedKafka kafka) {
        Topics topics = topics(kafka, "feed-ended");
        try (EventPublisher publisher = publisher(kafka, topics);
                OmniCommandFeed feed = feed(kafka, topics, publisher, Clock.systemUTC())) {
            Consoles consoles = new Consoles();
            feed.start(consoles);
            await().atMost(TIMEOUT).until(() -> IntStream.range(0, PARTITIONS).allMatch(feed::answersFor));
            write(kafka, topics, List.of(command(MARIA, LUNCH), command(JOAO, AWAY), command(ANA, LUNCH)));
            await().atMost(TIMEOUT).until(() -> consoles.all().size() == 3);

            // maria's console, connected to another instance, applied it: her echo came in there
            publisher
                    .publish(new EventRecord.Reported(
                            new AgentEvent.OmniStatusReported(EventId.of("c-1"), MARIA, Instant.now(), LUNCH), 0))
                    .join();
            // joao's console, connected to another instance, refused it: that instance wrote so
            publisher
                    .publish(
                            new EventRecord.CommandFailed(new Command.SetOmniStatus(JOAO, AWAY, Because.MAPPING), "no"))
                    .join();
            for (AgentId agent : List.of(MARIA, JOAO, ANA)) {
                assertThat(feed.answered(agent, consoles.of(agent).command(), CommandAnswer.EXPIRED))
                        .isTrue();
            }

            await().atMost(TIMEOUT).until(() -> !expiries(kafka, topics).isEmpty());
            await().during(GRACE.multipliedBy(4))
                    .atMost(TIMEOUT)
                    .until(() -> expiries(kafka, topics).size() == 1);
            assertThat(expiries(kafka, topics)).extracting(EventRecord::agent).containsExactly(ANA);
        }
    }

    @Test
    void a_refusal_the_console_posted_is_written_at_once_and_the_other_instances_expire_nothing(EmbeddedKafka kafka) {
        Topics topics = topics(kafka, "feed-refused");
        try (EventPublisher publisher = publisher(kafka, topics);
                OmniCommandFeed first = feed(kafka, topics, publisher, Clock.systemUTC());
                OmniCommandFeed second = feed(kafka, topics, publisher, Clock.systemUTC())) {
            Consoles atFirst = new Consoles();
            Consoles atSecond = new Consoles();
            startSharingThePartitions(first, atFirst, second, atSecond);
            write(kafka, topics, List.of(command(MARIA, LUNCH)));
            await().atMost(TIMEOUT)
                    .until(() -> atFirst.all().size() == 1 && atSecond.all().size() == 1);
            // the console tells the instance that does not answer for maria's partition; the one that does (and
            // would write an expiry) is the other: its expiry must find the refusal and write nothing
            int partition = (int) (atFirst.of(MARIA).command().value() >> 40);
            boolean firstOwns = first.answersFor(partition);
            OmniCommandFeed told = firstOwns ? second : first;
            OmniCommandFeed other = firstOwns ? first : second;
            Consoles atTold = firstOwns ? atSecond : atFirst;
            Consoles atOther = firstOwns ? atFirst : atSecond;

            assertThat(told.answered(
                            MARIA, atTold.of(MARIA).command(), new CommandAnswer.Refused("not granted to maria")))
                    .isTrue();
            await().atMost(TIMEOUT).until(() -> answers(kafka, topics).size() == 1);
            assertThat(other.answered(MARIA, atOther.of(MARIA).command(), CommandAnswer.EXPIRED))
                    .isTrue();

            await().during(GRACE.multipliedBy(4))
                    .atMost(TIMEOUT)
                    .until(() -> answers(kafka, topics).size() == 1);
            assertThat(answers(kafka, topics)).singleElement().isInstanceOf(EventRecord.CommandFailed.class);
            assertThat(told.answered(MARIA, atTold.of(MARIA).command(), CommandAnswer.EXPIRED))
                    .as("a command already answered")
                    .isFalse();
        }
    }

    @Test
    void a_start_hands_over_each_agents_latest_command_of_the_last_minute_that_did_not_end(EmbeddedKafka kafka) {
        Topics topics = topics(kafka, "feed-missed");
        try (EventPublisher publisher = publisher(kafka, topics)) {
            // written while the instance was down: maria twice, joao's echoed, ana's expired by another instance
            write(kafka, topics, List.of(command(MARIA, AWAY), command(MARIA, LUNCH), command(JOAO, AWAY)));
            write(kafka, topics, List.of(command(ANA, LUNCH)));
            publisher
                    .publish(new EventRecord.Reported(
                            new AgentEvent.OmniStatusReported(EventId.of("c-1"), JOAO, Instant.now(), AWAY), 0))
                    .join();
            publisher
                    .publish(new EventRecord.CommandExpired(new Command.SetOmniStatus(ANA, LUNCH, Because.MAPPING)))
                    .join();

            try (OmniCommandFeed feed = feed(kafka, topics, publisher, Clock.systemUTC())) {
                Consoles consoles = new Consoles();
                feed.start(consoles);
                await().atMost(TIMEOUT).until(() -> !consoles.all().isEmpty());
                write(kafka, topics, List.of(command(JOAO, LUNCH)));
                await().atMost(TIMEOUT).until(() -> consoles.all().size() >= 2);

                assertThat(consoles.all())
                        .extracting(Consoles.Handed::agent, Consoles.Handed::status)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(MARIA, LUNCH),
                                org.assertj.core.groups.Tuple.tuple(JOAO, LUNCH));
            }
        }
    }

    @Test
    void a_start_hands_over_nothing_older_than_the_console_sides_expiry(EmbeddedKafka kafka) {
        Topics topics = topics(kafka, "feed-old");
        try (EventPublisher publisher = publisher(kafka, topics)) {
            write(kafka, topics, List.of(command(MARIA, LUNCH)));
            Clock aMinuteLater = Clock.offset(Clock.systemUTC(), OmniCommandFeed.LOOK_BACK.plusSeconds(1));
            try (OmniCommandFeed feed = feed(kafka, topics, publisher, aMinuteLater)) {
                Consoles consoles = new Consoles();
                feed.start(consoles);
                write(kafka, topics, List.of(command(JOAO, AWAY)));
                await().atMost(TIMEOUT).until(() -> !consoles.all().isEmpty());

                assertThat(consoles.all()).extracting(Consoles.Handed::agent).containsExactly(JOAO);
            }
        }
    }

    // ---- the rig -------------------------------------------------------------------------------

    private static Topics topics(EmbeddedKafka kafka, String name) {
        Topics topics = Topics.named(name);
        kafka.createTopic(topics.events(), PARTITIONS);
        kafka.createTopic(topics.omniCommands(), PARTITIONS);
        return topics;
    }

    private static EventPublisher publisher(EmbeddedKafka kafka, Topics topics) {
        return new EventPublisher(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), topics.events());
    }

    private OmniCommandFeed feed(EmbeddedKafka kafka, Topics topics, EventPublisher publisher, Clock clock) {
        return feed(kafka, topics, publisher, clock, GRACE);
    }

    private OmniCommandFeed feed(
            EmbeddedKafka kafka, Topics topics, EventPublisher publisher, Clock clock, Duration grace) {
        return new OmniCommandFeed(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                topics.omniCommands(),
                topics.events(),
                () -> contactCenter,
                publisher,
                clock,
                grace);
    }

    /** Starts two instances' feeds and returns once each partition is answered for by exactly one of them. */
    private static void startSharingThePartitions(
            OmniCommandFeed first, Consoles atFirst, OmniCommandFeed second, Consoles atSecond) {
        first.start(atFirst);
        second.start(atSecond);
        await().atMost(TIMEOUT)
                .until(() -> IntStream.range(0, PARTITIONS)
                        .allMatch(partition -> first.answersFor(partition) != second.answersFor(partition)));
    }

    private int written;

    private CommandRecord command(AgentId agent, PresenceStatusId status) {
        written++;
        return new CommandRecord(
                agent.value() + "-" + written,
                new Command.SetOmniStatus(agent, status, Because.MAPPING),
                0,
                Option.none());
    }

    private static void write(EmbeddedKafka kafka, Topics topics, List<CommandRecord> commands) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (CommandRecord command : commands) {
                producer.send(new ProducerRecord<>(
                        topics.omniCommands(), command.command().agent().value(), CommandCodec.encode(command)));
            }
            producer.flush();
        }
    }

    /** The answers on the events topic: {@code command.failed} and {@code command.expired}. */
    private static List<EventRecord> answers(EmbeddedKafka kafka, Topics topics) {
        return TopicReader.readToEnd(kafka.bootstrapServers(), topics.events(), IsolationLevel.READ_COMMITTED, TIMEOUT)
                .stream()
                .map(ConsumerRecord::value)
                .map(value -> EventCodec.decode(value.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .get())
                .filter(record ->
                        record instanceof EventRecord.CommandFailed || record instanceof EventRecord.CommandExpired)
                .toList();
    }

    private static List<EventRecord> expiries(EmbeddedKafka kafka, Topics topics) {
        return answers(kafka, topics).stream()
                .filter(EventRecord.CommandExpired.class::isInstance)
                .toList();
    }
}
