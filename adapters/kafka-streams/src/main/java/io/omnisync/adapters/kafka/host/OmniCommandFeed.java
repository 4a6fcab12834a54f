package io.omnisync.adapters.kafka.host;

import io.omnisync.adapters.kafka.codec.CommandCodec;
import io.omnisync.adapters.kafka.codec.CommandRecord;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.ingress.EventPublisher;
import io.omnisync.application.delivery.CommandAnswer;
import io.omnisync.application.delivery.CommandAnswered;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.sync.Command;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Omni commands to the consoles this instance holds (SPEC 13): every instance reads every partition of {@code
 * omnisync.commands.omni} ({@code read_committed}, no consumer group, from the end at start) and hands each command
 * to its console side ({@link OmniChannelPresence}: the agent's outstanding command, sent on her stream if her
 * console is connected here, else kept for when it connects). Its id is the record's place in the topic.
 *
 * <p>What the console then says comes back as an event through the ingress ({@link CommandAnswered}): a refusal is
 * {@code command.failed}, an expiry {@code command.expired} (the engine stops waiting for the echo); an acceptance
 * writes nothing, its echo is on its way as a report of its own. Every instance holds every command until it is
 * settled, so a console may connect to any of them; the instances that do not hold her console expire it too, which
 * the decision takes once (the later ones find nothing to stop waiting for).
 */
public final class OmniCommandFeed implements CommandAnswered, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OmniCommandFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int REMEMBERED = 10_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Supplier<Configuration> configuration;
    private final EventPublisher answers;
    private final Map<CommandId, Command> handed = Collections.synchronizedMap(new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<CommandId, Command> eldest) {
            return size() > REMEMBERED;
        }
    });
    private final Thread thread;
    private volatile OmniChannelPresence consoles;
    private volatile boolean running = true;

    public OmniCommandFeed(
            Map<String, Object> clientConfig,
            String topic,
            Supplier<Configuration> configuration,
            EventPublisher answers) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.configuration = configuration;
        this.answers = answers;
        this.thread = new Thread(this::run, "omni-command-feed");
        this.thread.setDaemon(true);
    }

    /** Starts reading from the end of the topic; returns once the end is known, so what follows is fed. */
    public OmniCommandFeed start(OmniChannelPresence consoles) {
        this.consoles = consoles;
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, partition.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread.start();
        return this;
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    feed(record);
                }
            }
        } catch (WakeupException stopping) {
            // close() asked
        } catch (RuntimeException broken) {
            log.error("the Omni command feed stopped: consoles get no new commands from this instance", broken);
        } finally {
            consumer.close();
        }
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
        Option<Agent> agent = configuration.get().agent(omni.agent());
        if (agent.isEmpty()) {
            log.info(
                    "Omni command {} is for {}, whom the running configuration no longer has",
                    read.get().commandId(),
                    omni.agent());
            return;
        }
        CommandId id = CommandId.of(((long) record.partition() << 40) | record.offset());
        handed.put(id, omni);
        VendorAnswer answer = consoles.setPresenceStatus(id, agent.get(), omni.status());
        if (answer instanceof VendorAnswer.Refused refused) {
            answered(omni.agent(), id, new CommandAnswer.Refused(refused.reason(), refused.kind()));
        }
    }

    @Override
    public boolean answered(AgentId agent, CommandId command, CommandAnswer answer) {
        Command handedOver = handed.remove(command);
        if (handedOver == null || !handedOver.agent().equals(agent)) {
            return false;
        }
        if (answer instanceof CommandAnswer.Refused refused) {
            write(EventRecord.CommandFailed.of(handedOver, new VendorAnswer.Refused(refused.reason(), refused.kind())));
        } else if (answer instanceof CommandAnswer.Expired) {
            write(new EventRecord.CommandExpired(handedOver));
        }
        return true;
    }

    private void write(EventRecord record) {
        CompletableFuture<?> unused = answers.publish(record).whenComplete((written, failure) -> {
            if (failure != null) {
                log.warn(
                        "what became of a command for {} could not be written: {}", record.agent(), failure.toString());
            }
        });
    }

    @Override
    public void close() {
        running = false;
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
