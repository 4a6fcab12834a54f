package io.omnisync.adapters.kafka.host;

import io.omnisync.adapters.kafka.codec.CommandCodec;
import io.omnisync.adapters.kafka.codec.CommandRecord;
import io.omnisync.adapters.kafka.codec.EventCodec;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.ingress.EventPublisher;
import io.omnisync.adapters.kafka.topology.Topics;
import io.omnisync.application.delivery.CommandAnswer;
import io.omnisync.application.delivery.CommandAnswered;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.sync.Command;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Omni commands to the consoles this instance holds (SPEC 13): every instance reads every partition of {@code
 * omnisync.commands.omni} ({@code read_committed}, no consumer group) and hands each command to its console side
 * ({@link OmniChannelPresence}: the agent's outstanding command, sent on her stream if her console is connected here,
 * else kept for when it connects, 60 s at most). Its id is the record's place in the topic, the same on every
 * instance, so a console's result names it wherever it is posted.
 *
 * <p>What the console then says comes back as an event through the ingress ({@link CommandAnswered}): a refusal is
 * {@code command.failed}, written by the instance the console told; an acceptance writes nothing, its echo is on its
 * way as a report of its own.
 *
 * <p><b>One expiry per command.</b> Every instance holds every command, so every console side expires it after 60 s
 * if no console settled it there, and the decision writes an {@code expired} fact for each {@code command.expired} it
 * reads (an answer has no event id: the decision's duplicate detection does not see it). So an expiry is written by
 * one instance only, and only for a command nothing ended elsewhere:
 *
 * <ol>
 *   <li>every instance also reads every partition of {@code omnisync.events} and notes what ends an Omni command
 *       there ({@link Settlements}): a report of its status written after it (its echo, which the decision takes as
 *       the echo whoever sent it), its {@code command.failed}, its {@code command.expired};
 *   <li>when the console side here expires a command (or refuses it on its own, the same way on every instance: a
 *       status without a {@code salesforceId}), the answer waits {@link #GRACE} (an echo posted just before the
 *       expiry is on its way) and is dropped if the events topic showed an end of the command meanwhile;
 *   <li>otherwise it is written by the instance whose member of the group {@code <omni topic>.expiry} is assigned the
 *       command's partition ({@link ExpiryOwnership}): one instance at a time. The others keep it until they read
 *       what that one wrote; if that one dies first, its partitions pass to another member after the group's
 *       session timeout and that one writes it.
 * </ol>
 *
 * Where the console was connected does not matter: an instance that holds no console for the agent still writes the
 * expiry if it answers for the partition, because a console that settled the command anywhere left a trace on the
 * events topic (the echo, the refusal). What remains: an acceptance whose echo never comes (Omni-Channel already
 * showed the status) leaves no trace, and the answering instance, if it is not the one the console told, expires the
 * command 65 s after it was handed over (the console side's 60 s and the grace; the engine stops waiting for an echo that was not coming anyway; the audit shows
 * {@code expired}); an ownership that moves in the very second an expiry is written may write it twice.
 *
 * <p><b>Commands written while this instance was down.</b> At start the feed reads both topics back from {@link
 * #LOOK_BACK} ago (the console side's expiry window: an older command has expired on the other instances) and hands
 * each agent's latest command from that stretch to the console side, unless the events topic shows it ended (echoed,
 * refused, expired). A command the console accepted but whose echo is not on the topic is handed over again: setting
 * the status the agent already has changes nothing (the port is idempotent), and its expiry is governed as above;
 * its wait for a console counts from when it was written, so it expires when it does on the other instances.
 * An older command of the agent's is never handed over: the console side keeps only the latest anyway. Commands
 * written after the start are fed as they come, once the stretch before has been read.
 */
public final class OmniCommandFeed implements CommandAnswered, AutoCloseable {

    /** How far back a start reads: the console side's expiry window (SPEC 10.2). */
    public static final Duration LOOK_BACK = Duration.ofSeconds(60);

    /** How long an expiry waits for an echo that may be on its way before it is written. */
    public static final Duration GRACE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(OmniCommandFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PENDING_KEPT = Duration.ofMinutes(10);

    /** A command handed to the console side: where it is in the topic and when it was written. */
    private record Handed(Command.SetOmniStatus command, int partition, long timestamp) {}

    /** An answer no console gave, waiting to be written by the instance that answers for the command's partition. */
    private record Pending(Handed handed, EventRecord answer, Instant due, Instant since) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final String omniTopic;
    private final String eventsTopic;
    private final Supplier<Configuration> configuration;
    private final EventPublisher answers;
    private final ExpiryOwnership ownership;
    private final Clock clock;
    private final Duration grace;
    /**
     * Each agent's command handed to the console side and not answered yet: her latest only, as the console side
     * keeps it (a newer one replaces it there too), so it is bounded by the agents, not by the traffic.
     */
    private final Map<AgentId, Map.Entry<CommandId, Handed>> handed = new ConcurrentHashMap<>();

    private final Map<CommandId, Pending> pending = new ConcurrentHashMap<>();
    private final Settlements settlements = new Settlements();
    private final Thread thread;
    private Map<TopicPartition, Long> catchingUpTo = Map.of();
    private final Map<AgentId, Map.Entry<CommandId, Handed>> latestBeforeStart = new LinkedHashMap<>();
    private volatile OmniChannelPresence consoles;
    private volatile boolean running = true;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** The feed of {@code topics.omniCommands()}, settling by what {@code topics.events()} shows. */
    public OmniCommandFeed(
            Map<String, Object> clientConfig,
            Topics topics,
            Supplier<Configuration> configuration,
            EventPublisher answers) {
        this(clientConfig, topics.omniCommands(), topics.events(), configuration, answers, Clock.systemUTC(), GRACE);
    }

    OmniCommandFeed(
            Map<String, Object> clientConfig,
            String omniTopic,
            String eventsTopic,
            Supplier<Configuration> configuration,
            EventPublisher answers,
            Clock clock,
            Duration grace) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.omniTopic = omniTopic;
        this.eventsTopic = eventsTopic;
        this.configuration = configuration;
        this.answers = answers;
        this.ownership = new ExpiryOwnership(clientConfig, omniTopic);
        this.clock = clock;
        this.grace = grace;
        this.thread = new Thread(this::run, "omni-command-feed");
        this.thread.setDaemon(true);
    }

    /**
     * Starts reading both topics from {@link #LOOK_BACK} ago; returns once where to start is known. The latest
     * unsettled command of each agent from that stretch is handed over once it has been read, then what follows.
     */
    public OmniCommandFeed start(OmniChannelPresence consoles) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(omniTopic, eventsTopic)) {
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        consumer.assign(partitions);
        long since = clock.millis() - LOOK_BACK.toMillis();
        Map<TopicPartition, Long> at = new HashMap<>();
        partitions.forEach(partition -> at.put(partition, since));
        Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(at, Duration.ofSeconds(30));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp first = from.get(partition);
            if (first == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, first.offset());
            }
        }
        partitions.forEach(consumer::position);
        catchingUpTo = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        ownership.start();
        // set last: close() takes a feed with consoles for one whose thread runs (and owns the consumer)
        this.consoles = consoles;
        thread.start();
        return this;
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    try {
                        if (record.topic().equals(eventsTopic)) {
                            settle(record);
                        } else {
                            feed(record);
                        }
                    } catch (RuntimeException oneRecord) {
                        // one record this instance cannot handle must not stop every console's commands
                        log.error(
                                "{}-{}@{} could not be handled and is skipped",
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                oneRecord);
                    }
                }
                if (!catchingUpTo.isEmpty() && caughtUp()) {
                    handOverWhatWasMissed();
                }
                writePending();
            }
        } catch (WakeupException stopping) {
            // close() asked
        } catch (RuntimeException broken) {
            log.error("the Omni command feed stopped: consoles get no new commands from this instance", broken);
        } finally {
            consumer.close();
        }
    }

    private void settle(ConsumerRecord<String, byte[]> record) {
        EventCodec.decode(record.value()).forEach(event -> settlements.read(event, record.timestamp()));
    }

    private void feed(ConsumerRecord<String, byte[]> record) {
        Option<CommandRecord> read = CommandCodec.decode(record.value())
                .peekLeft(problem -> log.warn(
                        "Omni command {}-{}@{} does not read and is skipped: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        problem))
                .toOption();
        if (read.isEmpty() || !(read.get().command() instanceof Command.SetOmniStatus omni)) {
            return;
        }
        CommandId id = CommandId.of(((long) record.partition() << 40) | record.offset());
        Handed command = new Handed(omni, record.partition(), record.timestamp());
        if (!catchingUpTo.isEmpty()) {
            // the agent's commands are in one partition, in order: the last one read is her latest
            latestBeforeStart.put(omni.agent(), Map.entry(id, command));
            return;
        }
        handOver(id, command, clock.instant());
    }

    private boolean caughtUp() {
        return catchingUpTo.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private void handOverWhatWasMissed() {
        catchingUpTo = Map.of();
        int handedOver = 0;
        for (Map.Entry<CommandId, Handed> latest : latestBeforeStart.values()) {
            Handed command = latest.getValue();
            if (!settlements.settles(command.command(), command.timestamp())) {
                // its wait for a console counts from when it was written, as on the instances that were up
                handOver(latest.getKey(), command, Instant.ofEpochMilli(command.timestamp()));
                handedOver++;
            }
        }
        log.info(
                "read the last {} s of Omni commands: {} agents had one, {} not ended yet handed to the consoles",
                LOOK_BACK.toSeconds(),
                latestBeforeStart.size(),
                handedOver);
        latestBeforeStart.clear();
    }

    private void handOver(CommandId id, Handed command, Instant since) {
        Command.SetOmniStatus omni = command.command();
        Option<Agent> agent = configuration.get().agent(omni.agent());
        if (agent.isEmpty()) {
            log.info("Omni command {} is for {}, whom the running configuration no longer has", id, omni.agent());
            return;
        }
        Map.Entry<CommandId, Handed> entry = Map.entry(id, command);
        handed.put(omni.agent(), entry);
        VendorAnswer answer = consoles.setPresenceStatus(id, agent.get(), omni.status(), since);
        if (answer instanceof VendorAnswer.Refused refused) {
            // the same refusal on every instance (it comes from the configuration): written once, as an expiry is
            handed.remove(omni.agent(), entry);
            Instant now = clock.instant();
            pending.put(id, new Pending(command, EventRecord.CommandFailed.of(omni, refused), now, now));
        }
    }

    @Override
    public boolean answered(AgentId agent, CommandId command, CommandAnswer answer) {
        Map.Entry<CommandId, Handed> latest = handed.get(agent);
        if (latest == null || !latest.getKey().equals(command) || !handed.remove(agent, latest)) {
            return false;
        }
        Handed handedOver = latest.getValue();
        if (answer instanceof CommandAnswer.Refused refused) {
            // her console told this instance, and only this one
            write(EventRecord.CommandFailed.of(
                    handedOver.command(), new VendorAnswer.Refused(refused.reason(), refused.kind())));
        } else if (answer instanceof CommandAnswer.Expired) {
            Instant now = clock.instant();
            pending.put(
                    command,
                    new Pending(
                            handedOver, new EventRecord.CommandExpired(handedOver.command()), now.plus(grace), now));
        }
        return true;
    }

    /** The answers no console gave: dropped if the events topic shows the command ended, else written by its owner. */
    private void writePending() {
        if (pending.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        pending.forEach((id, waiting) -> {
            Handed command = waiting.handed();
            if (settlements.settles(command.command(), command.timestamp())) {
                pending.remove(id);
            } else if (waiting.since().plus(PENDING_KEPT).isBefore(now)) {
                pending.remove(id);
                log.warn(
                        "{} for {}: no instance answered for partition {} within {}; nothing is written",
                        id,
                        command.command().agent(),
                        command.partition(),
                        PENDING_KEPT);
            } else if (!now.isBefore(waiting.due()) && ownership.owns(command.partition())) {
                pending.remove(id);
                write(waiting.answer());
            }
        });
    }

    private void write(EventRecord record) {
        CompletableFuture<?> unused = answers.publish(record).whenComplete((written, failure) -> {
            if (failure != null) {
                log.warn(
                        "what became of a command for {} could not be written: {}", record.agent(), failure.toString());
            }
        });
    }

    /**
     * The Omni commands waiting for a console to settle them (each agent's latest), the same on every instance: all
     * of them hold every command. Oldest first.
     */
    public Seq<PendingCommand> outstanding() {
        return io.vavr.collection.List.ofAll(handed.values())
                .sortBy(entry -> entry.getValue().timestamp())
                .map(entry ->
                        new PendingCommand(entry.getKey(), entry.getValue().command(), 0, Option.none()));
    }

    /** Whether it feeds the consoles: started, and neither closed nor stopped by a failure. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Whether this instance writes the unanswered commands of {@code partition} now (for tests). */
    boolean answersFor(int partition) {
        return ownership.owns(partition);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        ownership.close();
        if (consoles == null) {
            consumer.close();
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
