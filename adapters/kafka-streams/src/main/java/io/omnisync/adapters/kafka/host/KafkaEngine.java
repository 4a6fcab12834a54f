package io.omnisync.adapters.kafka.host;

import io.omnisync.adapters.kafka.admin.ConfigurationPublisher;
import io.omnisync.adapters.kafka.admin.PublishResult;
import io.omnisync.adapters.kafka.delivery.TalkdeskBacklog;
import io.omnisync.adapters.kafka.delivery.TalkdeskDelivery;
import io.omnisync.adapters.kafka.ingress.EventPublisher;
import io.omnisync.adapters.kafka.peer.PeerAccess;
import io.omnisync.adapters.kafka.peer.PeerClient;
import io.omnisync.adapters.kafka.peer.PeerServer;
import io.omnisync.adapters.kafka.topology.OmnisyncStreams;
import io.omnisync.adapters.kafka.topology.OmnisyncTopology;
import io.omnisync.adapters.kafka.topology.Topics;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.application.vendor.VendorCalls;
import io.omnisync.application.watch.EngineWatcher;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of Omnisync on Kafka (SPEC 13), what {@code serve --kafka} runs beside the HTTP endpoints: the Streams
 * application that decides, the ingress's producer, the admin's publisher, the Talkdesk delivery's consumer and the
 * feed of Omni commands to the consoles this instance holds, and the application's ports they answer ({@link
 * #ingress()}, {@link #agents()}, {@link #admin()}, {@link #audit()}, {@link #consoleAnswers()}, {@link
 * #outbox()}), and the endpoint where the other instances ask for the sessions this one owns ({@link PeerServer}).
 * {@link #open} creates the topics a cluster lacks; {@link #start} brings the Streams application up and
 * waits until it runs the configuration; {@link #startDelivery} starts the two deliveries once the vendors' adapters
 * exist; {@link #close} stops all in the reverse order.
 */
public final class KafkaEngine implements AutoCloseable {

    /** The Talkdesk delivery's consumer group. */
    public static final String TALKDESK_DELIVERY_GROUP = OmnisyncStreams.APPLICATION_ID + "-talkdesk-delivery";

    private static final Logger log = LoggerFactory.getLogger(KafkaEngine.class);
    private static final Duration INGRESS_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_TOPICS_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clientConfig;
    private final Topics topics;
    private final Clock clock;
    private final KafkaStreams streams;
    private final PeerServer peers;
    private final StreamsAgents agents;
    private final EventPublisher events;
    private final ConfigurationPublisher publisher;
    private final KafkaIngress ingress;
    private final KafkaAdmin admin;
    private final KafkaAudit audit;
    private final OmniCommandFeed feed;
    private final TalkdeskBacklog backlog;
    private final KafkaOutbox outbox;
    private final List<AutoCloseable> started = new ArrayList<>();
    /** What this instance's tasks decide, told to whoever {@link #watchDecisions} names (nobody until then). */
    private final SwitchedWatcher decisions = new SwitchedWatcher();

    private volatile TalkdeskDelivery delivery;
    private volatile FactsFeed facts;

    private KafkaEngine(
            Map<String, Object> clientConfig,
            Topics topics,
            Properties streamsConfig,
            PeerAccess peerAccess,
            ConfigurationCodec configurations,
            Clock clock) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.topics = topics;
        this.clock = clock;
        this.peers = PeerServer.bind(peerAccess);
        // what is built is closed again, the last first, if a later piece cannot be built (a port, a client)
        List<AutoCloseable> built = new ArrayList<>(List.of(peers));
        try {
            Properties announced = new Properties();
            announced.putAll(streamsConfig);
            announced.put(
                    StreamsConfig.APPLICATION_SERVER_CONFIG,
                    peers.address().host() + ":" + peers.address().port());
            OmnisyncTopology.Built topology = OmnisyncTopology.create(topics, configurations, decisions);
            this.streams = new KafkaStreams(topology.topology(), announced);
            built.add(() -> streams.close(Duration.ofSeconds(30)));
            this.agents = new StreamsAgents(
                    streams, topology.configuration(), peers.address(), new PeerClient(peerAccess.credential()));
            Map<String, Object> producing = new HashMap<>(clientConfig);
            // a broker that does not answer fails the produce in time for the HTTP answer (503), not after two minutes
            producing.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            producing.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) INGRESS_TIMEOUT.toMillis());
            producing.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) INGRESS_TIMEOUT.toMillis());
            this.events = new EventPublisher(producing, topics.events());
            built.add(events);
            this.publisher = new ConfigurationPublisher(
                    clientConfig, topics, configurations, ConfigurationPublisher.ADMIN_TRANSACTIONAL_ID, clock);
            this.ingress = new KafkaIngress(events, agents::version, INGRESS_TIMEOUT.plusSeconds(1));
            this.admin = new KafkaAdmin(publisher, agents);
            this.audit = new KafkaAudit(producing, topics.facts(), agents::version, clock);
            built.add(audit);
            this.feed = new OmniCommandFeed(clientConfig, topics, agents::configuration, events);
            built.add(feed);
            this.backlog = new TalkdeskBacklog(clientConfig, topics.talkdeskCommands(), TALKDESK_DELIVERY_GROUP);
            built.add(backlog);
            this.outbox = new KafkaOutbox(backlog, feed);
        } catch (RuntimeException cannotBuild) {
            closeAll(built, cannotBuild);
            throw cannotBuild;
        }
        peers.start(agents);
    }

    private static void closeAll(List<AutoCloseable> built, RuntimeException cause) {
        for (int i = built.size() - 1; i >= 0; i--) {
            try {
                built.get(i).close();
            } catch (Exception alsoBroken) {
                cause.addSuppressed(alsoBroken);
            }
        }
    }

    /**
     * An instance on the cluster {@code bootstrapServers}, its Streams state under {@code stateDirectory}, its peers'
     * queries answered as {@code peers} says (its address announced to them as {@code application.server}); the
     * topics of SPEC 13 are created with the broker's defaults if the cluster lacks them (the configuration topic
     * compacted, one partition).
     *
     * @param settings the deployment's Kafka settings (security, timeouts, replication), given to every client and to
     *     Streams; those SPEC 13 fixes ({@code application.id}, {@code processing.guarantee}, {@code
     *     num.standby.replicas}), the state directory and {@code application.server} are not theirs to change
     */
    public static KafkaEngine open(
            String bootstrapServers,
            Map<String, String> settings,
            Topics topics,
            Path stateDirectory,
            PeerAccess peers,
            ConfigurationCodec configurations,
            Clock clock) {
        Map<String, Object> clientConfig = new HashMap<>(settings);
        clientConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Properties streamsConfig = new Properties();
        streamsConfig.putAll(settings);
        streamsConfig.putAll(OmnisyncStreams.config(bootstrapServers, stateDirectory));
        createMissingTopics(clientConfig, topics);
        return new KafkaEngine(clientConfig, topics, streamsConfig, peers, configurations, clock);
    }

    /** The same, with Streams settings of the caller's (a test's shorter timeouts). */
    public static KafkaEngine open(
            Map<String, Object> clientConfig,
            Topics topics,
            Properties streamsConfig,
            PeerAccess peers,
            ConfigurationCodec configurations,
            Clock clock) {
        createMissingTopics(clientConfig, topics);
        return new KafkaEngine(clientConfig, topics, streamsConfig, peers, configurations, clock);
    }

    /** The first start writes the configuration; later ones keep the one the topic runs (SPEC 13). */
    public PublishResult seed(ConfigurationDraft draft) {
        return publisher.seed(draft);
    }

    /** {@code --replace}: the configuration replaces the one the topic runs, validated whole (SPEC 4.9). */
    public PublishResult replace(ConfigurationDraft draft) {
        return publisher.replace(draft);
    }

    /** Starts the Streams application; returns once it runs and its global store has a configuration. */
    public void start(Duration timeout) {
        streams.start();
        started.add(() -> streams.close(Duration.ofSeconds(30)));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isRunningAConfiguration()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Kafka Streams did not start within " + timeout + " (state " + streams.state() + ")");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Kafka Streams started", e);
            }
        }
        log.info("Kafka Streams runs configuration version {}", agents.version());
    }

    private boolean isRunningAConfiguration() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return false;
        }
        try {
            agents.configuration();
            return true;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /**
     * Talkdesk commands to {@code talkdesk} (a consumer group; each call through {@code calls}, the service's circuit
     * breaker and backoff), Omni commands to the consoles ({@code consoles}).
     */
    public void startDelivery(TalkdeskPresence talkdesk, OmniChannelPresence consoles, VendorCalls calls) {
        TalkdeskDelivery delivery = new TalkdeskDelivery(
                        clientConfig,
                        topics.talkdeskCommands(),
                        TALKDESK_DELIVERY_GROUP,
                        talkdesk,
                        agents::configuration,
                        events,
                        calls,
                        clock)
                .start();
        started.add(delivery);
        this.delivery = delivery;
        feed.start(consoles);
        started.add(feed);
    }

    /**
     * Tells {@code watcher} every fact the deployment writes from now on, whichever instance decided it (the admin's
     * live view, {@link FactsFeed}).
     */
    public void watch(EngineWatcher watcher) {
        FactsFeed facts = new FactsFeed(clientConfig, topics.facts(), agents::version);
        started.add(facts);
        facts.start(watcher);
        this.facts = facts;
    }

    /**
     * Tells {@code watcher} what this instance's Streams tasks decide, as they decide it (a service's metrics: each
     * instance counts its own work, so the deployment's figure is the sum over instances; a task that fails over may
     * count a few records twice). The decision time is the domain's; the store time is writing the session and the
     * outputs to Streams' store and buffers (the transaction commits every 100 ms: Streams' own metrics).
     */
    public void watchDecisions(EngineWatcher watcher) {
        decisions.target = watcher;
    }

    /** An engine watcher whose target is set once the service that watches exists. */
    private static final class SwitchedWatcher implements EngineWatcher {
        private volatile EngineWatcher target = EngineWatcher.NOBODY;

        @Override
        public void decided(
                AgentEvent event, Either<Fact.Skipped, AgentDecision> decision, Duration deciding, Duration storing) {
            target.decided(event, decision, deciding, storing);
        }

        @Override
        public void recorded(Seq<Fact> facts) {
            target.recorded(facts);
        }
    }

    /**
     * Why this instance should get no traffic now, or empty (its part of {@code /readyz}): Kafka Streams neither
     * running nor rebalancing (an error, a shutdown), or a delivery or feed it started that stopped.
     */
    public Optional<String> notReady() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            return Optional.of("Kafka Streams is " + state);
        }
        if (delivery != null && !delivery.isRunning()) {
            return Optional.of("the Talkdesk delivery stopped");
        }
        if (delivery != null && !feed.isRunning()) {
            return Optional.of("the Omni command feed stopped: consoles here get no commands");
        }
        if (facts != null && !facts.isRunning()) {
            return Optional.of("the facts feed stopped: the live view here shows no changes");
        }
        return Optional.empty();
    }

    public KafkaIngress ingress() {
        return ingress;
    }

    public StreamsAgents agents() {
        return agents;
    }

    public KafkaAdmin admin() {
        return admin;
    }

    public KafkaAudit audit() {
        return audit;
    }

    public OmniCommandFeed consoleAnswers() {
        return feed;
    }

    public KafkaOutbox outbox() {
        return outbox;
    }

    /** Stops what was started, the last first, then the producers. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("stopping {}", started.get(i), e);
            }
        }
        started.clear();
        if (!streams.state().hasCompletedShutdown()) {
            streams.close(Duration.ofSeconds(30));
        }
        feed.close();
        backlog.close();
        audit.close();
        events.close();
        peers.close();
    }

    private static void createMissingTopics(Map<String, Object> clientConfig, Topics topics) {
        // one deadline for the calls and for closing the client (the deployment's default.api.timeout.ms, else 30 s),
        // so an unreachable cluster is said once
        Map<String, Object> config = new HashMap<>(clientConfig);
        long timeout = Long.parseLong(String.valueOf(config.getOrDefault(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, DEFAULT_TOPICS_TIMEOUT.toMillis())));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout);
        long request = Long.parseLong(
                String.valueOf(config.getOrDefault(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE)));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(request, timeout));
        try (Admin cluster = Admin.create(config)) {
            Set<String> existing = cluster.listTopics().names().get(timeout, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name :
                    List.of(topics.events(), topics.talkdeskCommands(), topics.omniCommands(), topics.facts())) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, java.util.Optional.empty(), java.util.Optional.empty()));
                }
            }
            if (!existing.contains(topics.configuration())) {
                missing.add(new NewTopic(topics.configuration(), java.util.Optional.of(1), java.util.Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
            if (!missing.isEmpty()) {
                cluster.createTopics(missing).all().get(timeout, TimeUnit.MILLISECONDS);
                log.info(
                        "created the topics {}",
                        missing.stream().map(NewTopic::name).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the cluster's topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot read or create the topics within " + timeout + " ms: is Kafka there? ("
                            + (e.getCause() == null ? e : e.getCause()) + ")",
                    e);
        }
    }
}
