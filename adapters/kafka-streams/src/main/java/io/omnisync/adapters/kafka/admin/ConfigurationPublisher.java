package io.omnisync.adapters.kafka.admin;

import io.omnisync.adapters.kafka.codec.ConfigurationRecordCodec;
import io.omnisync.adapters.kafka.codec.EventCodec;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.codec.FactCodec;
import io.omnisync.adapters.kafka.codec.FactRecord;
import io.omnisync.adapters.kafka.topology.RunningConfiguration;
import io.omnisync.adapters.kafka.topology.Topics;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.sync.Fact;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin changes (configuration replacement, toggles) as records of the configuration topic, validated by the
 * domain before anything is written: a refusal writes nothing there (its fact goes to the audit trail).
 *
 * <p>Admin changes from any instance are serialized by one transactional id shared by every publisher: each
 * change starts a producer with it, which fences whatever change another instance still has open (Kafka aborts
 * it, or waits for its commit), then reads the last committed configuration, decides, and writes in one
 * transaction the configuration record (its offset is the new version), the fact, and, for an activation, one
 * reconciliation per agent onto the events topic after it. A change that was fenced meanwhile commits nothing
 * and answers {@link PublishResult.Conflict}.
 */
public final class ConfigurationPublisher {

    /** The transactional id every instance's admin changes share. */
    public static final String ADMIN_TRANSACTIONAL_ID = "omnisync-admin";

    private static final Logger log = LoggerFactory.getLogger(ConfigurationPublisher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clientConfig;
    private final Topics topics;
    private final ConfigurationRecordCodec codec;
    private final String transactionalId;
    private final Clock clock;

    /**
     * @param clientConfig what every client needs to reach the cluster ({@code bootstrap.servers}, security)
     * @param transactionalId {@link #ADMIN_TRANSACTIONAL_ID} in a deployment
     */
    public ConfigurationPublisher(
            Map<String, Object> clientConfig,
            Topics topics,
            ConfigurationCodec configurations,
            String transactionalId,
            Clock clock) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.topics = Objects.requireNonNull(topics, "topics");
        this.codec = new ConfigurationRecordCodec(configurations);
        this.transactionalId = Objects.requireNonNull(transactionalId, "transactionalId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** SPEC 4.9 / {@code PUT /api/configuration}: validated whole, applied whole, or rejected with every problem. */
    public PublishResult replace(ConfigurationDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return publish(running -> AdminChange.replace(running, draft), false);
    }

    /** A run-time toggle ({@code POST /api/sync}, {@code PATCH /api/settings}, {@code PATCH /api/rules/{name}}). */
    public PublishResult change(SettingsChange change) {
        Objects.requireNonNull(change, "change");
        return publish(running -> AdminChange.change(running, change), false);
    }

    /**
     * The first start of a deployment ({@code serve --kafka --config C}): the configuration is written only if
     * the topic has none yet (then starting with sync on is an activation); otherwise the running one is kept
     * and {@link PublishResult.Running} says which.
     */
    public PublishResult seed(ConfigurationDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return publish(running -> AdminChange.replace(running, draft), true);
    }

    /** The running configuration as the topic holds it (read_committed), or none before the first. */
    public Option<RunningConfiguration.Versioned> latest() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            return read(consumer).map(Option::some).getOrElse(Option.none());
        }
    }

    private PublishResult publish(
            Function<RunningConfiguration.Versioned, Either<Fact, AdminChange>> decide, boolean seed) {
        try (KafkaProducer<String, byte[]> producer = producer();
                KafkaConsumer<String, byte[]> consumer = consumer()) {
            try {
                // fences any admin change another instance still has open: after this, the topic's end is final
                producer.initTransactions();
                Option<RunningConfiguration.Versioned> latest =
                        read(consumer).map(Option::some).getOrElse(Option.none());
                if (seed && latest.isDefined()) {
                    return new PublishResult.Running(latest.get().version());
                }
                RunningConfiguration.Versioned running = latest.getOrElse(RunningConfiguration.NONE);
                Either<Fact, AdminChange> decided = decide.apply(running);
                producer.beginTransaction();
                if (decided.isLeft()) {
                    send(producer, topics.facts(), null, FactCodec.encode(fact(decided.getLeft(), running.version())));
                    producer.commitTransaction();
                    return refusal(decided.getLeft());
                }
                AdminChange change = decided.get();
                long version = send(producer, topics.configuration(), "configuration", codec.encode(change.record()))
                        .offset();
                send(producer, topics.facts(), null, FactCodec.encode(fact(change.fact(), version)));
                List<Future<RecordMetadata>> reconciliations = new ArrayList<>();
                for (EventRecord.Reconcile reconcile : change.reconciliations(version)) {
                    reconciliations.add(producer.send(new ProducerRecord<>(
                            topics.events(), reconcile.agent().value(), EventCodec.encode(reconcile))));
                }
                producer.flush();
                for (Future<RecordMetadata> sent : reconciliations) {
                    written(sent, topics.events());
                }
                int reconciled = reconciliations.size();
                producer.commitTransaction();
                log.info(
                        "configuration version {} published ({}, based on {}){}",
                        version,
                        change.record().change(),
                        running.version(),
                        reconciled == 0 ? "" : "; " + reconciled + " agents to reconcile");
                return new PublishResult.Published(version, change.configuration(), reconciled);
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                log.warn("an admin change was fenced by another one and wrote nothing: {}", e.toString());
                return new PublishResult.Conflict(
                        "another admin change was made at the same time; nothing was written, try again");
            } catch (KafkaException e) {
                abortQuietly(producer);
                throw new IllegalStateException("the admin change could not be written to Kafka: " + e, e);
            }
        }
    }

    private Either<String, RunningConfiguration.Versioned> read(KafkaConsumer<String, byte[]> consumer) {
        Option<ConsumerRecord<String, byte[]>> latest =
                LatestConfiguration.read(consumer, topics.configuration(), TIMEOUT);
        if (latest.isEmpty()) {
            return Either.left("no configuration yet");
        }
        long version = latest.get().offset();
        Configuration configuration = codec.decode(latest.get().value())
                .flatMap(record ->
                        Configuration.validate(record.draft()).toEither().mapLeft(problems -> problems.mkString("; ")))
                .getOrElseThrow(problem -> new IllegalStateException("the configuration topic's last record (version "
                        + version + ") is not a valid configuration: " + problem));
        return Either.right(new RunningConfiguration.Versioned(version, configuration));
    }

    private FactRecord fact(Fact fact, long version) {
        return new FactRecord.Decided(fact, version, clock.instant());
    }

    private static PublishResult refusal(Fact fact) {
        if (fact instanceof Fact.Refused refused) {
            return new PublishResult.Refused(refused.refusal());
        }
        return new PublishResult.Rejected(((Fact.ConfigurationRejected) fact).problems());
    }

    private static RecordMetadata send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value) {
        return written(producer.send(new ProducerRecord<>(topic, key, value)), topic);
    }

    /** The broker's acknowledgement of a record of the open transaction; a failure fails the change. */
    private static RecordMetadata written(Future<RecordMetadata> sent, String topic) {
        try {
            return sent.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing to " + topic, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KafkaException kafka) {
                throw kafka;
            }
            throw new KafkaException("could not write to " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("no answer from Kafka within " + TIMEOUT + " writing to " + topic, e);
        }
    }

    private static void abortQuietly(KafkaProducer<String, byte[]> producer) {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            log.debug("aborting a failed admin change", e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
