package io.omnisync.adapters.kafka.delivery;

import io.omnisync.adapters.kafka.codec.CommandCodec;
import io.omnisync.adapters.kafka.codec.CommandRecord;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.ingress.EventPublisher;
import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.application.vendor.VendorCalls;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.sync.Command;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the commands of the Talkdesk commands topic to Talkdesk through the application's
 * {@link TalkdeskPresence} port (SPEC 13): a consumer group, {@code read_committed} (a command of an aborted
 * transaction is never sent), each partition's commands one at a time in order (so each agent's are in order),
 * and the partition's offset committed only once the vendor answered and the answer was written. A command with
 * a newer one for the same agent behind it is not sent ({@code command.superseded}); a refusal is written back
 * ({@code command.failed}), so the engine stops waiting for its echo. Every call goes through the application's
 * {@link VendorCalls} (in a service: Talkdesk's circuit breaker, which stops calling a vendor that fails everywhere
 * and which {@code /metrics} shows). While Talkdesk is unavailable, or its breaker open, the partition is paused and
 * tried again after the calls' backoff (the vendor's {@code Retry-After} when it said longer); the other partitions
 * go on. Delivery is at least once: after a crash, what was not committed is sent again, which
 * Talkdesk's set-status call tolerates (setting the status an agent has is harmless).
 *
 * <p>One thread of its own; {@link #close()} stops it.
 */
public final class TalkdeskDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TalkdeskDelivery.class);

    private static final Duration LONGEST_POLL = Duration.ofMillis(200);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    /** A command read from the topic, waiting its turn in its partition. */
    private record Pending(long offset, Either<String, CommandRecord> command) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final TalkdeskPresence talkdesk;
    private final Supplier<Configuration> configuration;
    private final EventPublisher answers;
    private final VendorCalls calls;
    private final Clock clock;
    private final Map<TopicPartition, Deque<Pending>> queues = new HashMap<>();
    /** Partitions whose head command Talkdesk could not take, paused until then. */
    private final Map<TopicPartition, Instant> paused = new HashMap<>();
    /** How many times in a row each partition's head command could not be sent. */
    private final Map<TopicPartition, Integer> failures = new HashMap<>();

    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param clientConfig what every client needs to reach the cluster ({@code bootstrap.servers}, security)
     * @param configuration the running configuration (every instance has it: the global store), to find agents
     * @param answers writes refusals and supersessions back to the events topic
     */
    public TalkdeskDelivery(
            Map<String, Object> clientConfig,
            String topic,
            String groupId,
            TalkdeskPresence talkdesk,
            Supplier<Configuration> configuration,
            EventPublisher answers,
            VendorCalls calls,
            Clock clock) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = Objects.requireNonNull(topic, "topic");
        this.talkdesk = Objects.requireNonNull(talkdesk, "talkdesk");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.thread = new Thread(this::run, "talkdesk-delivery");
    }

    public TalkdeskDelivery start() {
        thread.start();
        return this;
    }

    /** Whether the delivery thread runs (for readiness: it stops only when closed or broken). */
    public boolean isRunning() {
        return thread.isAlive();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running) {
                // resumed before the poll, so the commands that came meanwhile are read before the head is sent
                // (and supersede it)
                resumeWhatIsDue();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(nextPoll())) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    queues.computeIfAbsent(partition, key -> new ArrayDeque<>())
                            .addLast(new Pending(record.offset(), CommandCodec.decode(record.value())));
                }
                for (TopicPartition partition : List.copyOf(queues.keySet())) {
                    if (!paused.containsKey(partition)) {
                        drain(partition);
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("Talkdesk delivery stopped: {}", e.toString(), e);
            throw e;
        } finally {
            consumer.close();
        }
    }

    /** Sends the partition's commands in order until one cannot be sent now; commits what was answered. */
    private void drain(TopicPartition partition) {
        Deque<Pending> queue = queues.get(partition);
        long answered = -1;
        while (!queue.isEmpty()) {
            Pending head = queue.peekFirst();
            if (head.command().isLeft()) {
                log.error(
                        "command {}-{}@{} is not readable and is not sent: {}",
                        partition.topic(),
                        partition.partition(),
                        head.offset(),
                        head.command().getLeft());
            } else if (!finished(partition, head, queue)) {
                break;
            }
            queue.removeFirst();
            answered = head.offset();
        }
        if (queue.isEmpty()) {
            queues.remove(partition);
        }
        if (answered >= 0) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(answered + 1)));
        }
    }

    /** Whether the command is done with (sent, refused, superseded); false when Talkdesk could not take it now. */
    private boolean finished(TopicPartition partition, Pending head, Collection<Pending> queue) {
        CommandRecord record = head.command().get();
        Command command = record.command();
        Option<Command> newer = newerFor(head, queue);
        if (newer.isDefined()) {
            answer(new EventRecord.CommandSuperseded(command, newer.get()));
            return true;
        }
        Option<Agent> agent = configuration.get().agent(command.agent());
        if (agent.isEmpty() || !(command instanceof Command.SetTalkdeskStatus talkdeskCommand)) {
            answer(new EventRecord.CommandFailed(command, "no agent '" + command.agent() + "' to send it to"));
            return true;
        }
        try {
            VendorAnswer answer = calls.call(
                    VendorSystem.TALKDESK, () -> talkdesk.setAgentStatus(agent.get(), talkdeskCommand.status()));
            failures.remove(partition);
            if (answer instanceof VendorAnswer.Refused refused) {
                log.info("Talkdesk refused {} for {}: {}", command.statusName(), command.agent(), refused.reason());
                answer(EventRecord.CommandFailed.of(command, refused));
            }
            return true;
        } catch (VendorUnavailableException e) {
            Instant until = backOff(partition, e.retryAfter());
            log.warn(
                    "Talkdesk is unavailable ({}); {} for {} is tried again at {}",
                    e.getMessage(),
                    record.commandId(),
                    command.agent(),
                    until);
            return false;
        }
    }

    /** The latest command behind {@code head} in its partition for the same agent, if any. */
    private static Option<Command> newerFor(Pending head, Collection<Pending> queue) {
        Command command = head.command().get().command();
        Option<Command> newer = Option.none();
        for (Pending pending : queue) {
            if (pending.offset() > head.offset()
                    && pending.command().isRight()
                    && pending.command().get().command().agent().equals(command.agent())) {
                newer = Option.some(pending.command().get().command());
            }
        }
        return newer;
    }

    /** Pauses the partition: longer each time in a row (the vendor calls' backoff), or as long as Talkdesk asked. */
    private Instant backOff(TopicPartition partition, Option<Duration> retryAfter) {
        int attempts = failures.merge(partition, 1, Integer::sum);
        Duration wait = calls.backoff(attempts);
        if (retryAfter.isDefined() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get();
        }
        Instant until = clock.instant().plus(wait);
        paused.put(partition, until);
        consumer.pause(List.of(partition));
        return until;
    }

    private void resumeWhatIsDue() {
        Instant now = clock.instant();
        for (Map.Entry<TopicPartition, Instant> backoff : List.copyOf(paused.entrySet())) {
            if (!backoff.getValue().isAfter(now)) {
                paused.remove(backoff.getKey());
                consumer.resume(List.of(backoff.getKey()));
            }
        }
    }

    private Duration nextPoll() {
        Instant now = clock.instant();
        return paused.values().stream()
                .map(until -> Duration.between(now, until))
                .filter(wait -> wait.compareTo(LONGEST_POLL) < 0)
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
                .min(Duration::compareTo)
                .orElse(LONGEST_POLL);
    }

    /** Writes an answer to the events topic and waits for the broker's acknowledgement (before the commit). */
    private void answer(EventRecord record) {
        try {
            answers.publish(record).get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + record, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write " + record + " to the events topic", e);
        }
    }

    /** Partitions taken away: what was read of them and not committed is the new owner's to send. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> {
                queues.remove(partition);
                paused.remove(partition);
                failures.remove(partition);
            });
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
    }

    /** Stops the thread after the call in progress; what was not committed is sent again by the next owner. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
