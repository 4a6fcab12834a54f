package io.omnisync.adapters.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.omnisync.adapters.composition.Bootstrap;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.kafka.admin.PublishResult;
import io.omnisync.adapters.kafka.host.KafkaEngine;
import io.omnisync.adapters.kafka.peer.PeerAccess;
import io.omnisync.adapters.kafka.topology.Topics;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.adapters.service.OmnisyncService;
import io.omnisync.adapters.service.admin.LiveAgents;
import io.omnisync.adapters.service.ops.ReadinessCheck;
import io.omnisync.adapters.service.security.ServiceSecrets;
import io.omnisync.application.admin.ChangeIntegrationSettings;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.audit.AuditTrail;
import io.omnisync.application.delivery.CommandAnswered;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.reporting.AcceptReportedChange;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.application.vendor.VendorCalls;
import io.omnisync.application.watch.EngineWatcher;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code serve --config C --kafka BOOTSTRAP_SERVERS [--port N] [--secrets FILE] [--replace] [--advertise HOST[:PORT]]
 * [--kafka-config FILE]} (SPEC 13): the same
 * HTTP endpoints as {@code serve} (section 10), the decision hosted by Kafka Streams. The first instance writes C to
 * the configuration topic; later ones (and restarts) run what the topic holds unless {@code --replace}. The events
 * taken over HTTP go to {@code omnisync.events} and are answered 202 once the broker acknowledged them; admin
 * changes become configuration records; Talkdesk commands are delivered by this instance's member of the delivery
 * group, Omni commands pushed to the consoles this instance holds. The Streams state is kept in a directory of its
 * own under the temporary directory and restored from the changelogs at each start. {@code --store} has no meaning
 * here (the topics are the store): with it, a usage error (exit 2).
 */
final class KafkaServe {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaServe.class);
    private static final Duration STARTING = Duration.ofMinutes(2);

    /** Kafka settings a {@code --kafka-config} file may not set: SPEC 13's, and those each client has its own of. */
    private static final java.util.Set<String> OMNISYNCS = java.util.Set.of(
            "bootstrap.servers",
            "application.id",
            "application.server",
            "processing.guarantee",
            "num.standby.replicas",
            "state.dir",
            "group.id",
            "group.instance.id",
            "transactional.id",
            "isolation.level",
            "enable.auto.commit");

    private final String bootstrapServers;
    private final int port;
    private final boolean replace;
    private final String advertise;
    private final Path settingsFile;
    private final CommandLine.ParseResult parsed;

    /**
     * @param advertise {@code --advertise HOST[:PORT]}, or null: this machine's host name and any free port
     * @param settingsFile {@code --kafka-config FILE}, or null: no settings beyond the bootstrap servers
     */
    KafkaServe(
            String bootstrapServers,
            int port,
            boolean replace,
            String advertise,
            Path settingsFile,
            CommandLine.ParseResult parsed) {
        this.bootstrapServers = bootstrapServers;
        this.port = port;
        this.replace = replace;
        this.advertise = advertise;
        this.settingsFile = settingsFile;
        this.parsed = parsed;
    }

    /** What serve --kafka runs, built by the composition root. */
    static final class Running {
        final OmnisyncService service;
        final TalkdeskPresence talkdesk;
        final OmniChannelPresence consoles;
        final LiveAgents live;
        final VendorCalls calls;
        final EngineWatcher watcher;

        @Inject
        Running(
                OmnisyncService service,
                TalkdeskPresence talkdesk,
                OmniChannelPresence consoles,
                LiveAgents live,
                VendorCalls calls,
                EngineWatcher watcher) {
            this.service = service;
            this.talkdesk = talkdesk;
            this.consoles = consoles;
            this.live = live;
            this.calls = calls;
            this.watcher = watcher;
        }
    }

    int serve(ConfigurationDraft configuration, ServiceSecrets keys, PrintWriter out, PrintWriter err) {
        if (parsed.hasMatchedOption("--store")) {
            err.println("--kafka and --store do not go together: on Kafka the topics keep the engine's state");
            return ExitCode.BAD_INPUT;
        }
        Either<String, PeerAccess> peers =
                peerAccess(advertise, keys.adminToken().reveal());
        Either<String, Map<String, String>> settings = settings(settingsFile);
        if (peers.isLeft() || settings.isLeft()) {
            err.println(peers.isLeft() ? peers.getLeft() : settings.getLeft());
            return ExitCode.BAD_INPUT;
        }
        Path state = stateDirectory();
        KafkaEngine engine;
        try {
            engine = KafkaEngine.open(
                    bootstrapServers,
                    settings.get(),
                    Topics.OMNISYNC,
                    state,
                    peers.get(),
                    new JsonConfigurationCodec(),
                    Clock.systemUTC());
        } catch (RuntimeException unreachable) {
            err.println("--kafka " + bootstrapServers + ": " + unreachable.getMessage());
            return ExitCode.BAD_INPUT;
        }
        try {
            int exit = serve(engine, configuration, keys, out, err);
            if (exit != ExitCode.OK) {
                engine.close();
            }
            return exit;
        } catch (RuntimeException failed) {
            engine.close();
            throw failed;
        }
    }

    private int serve(
            KafkaEngine engine,
            ConfigurationDraft configuration,
            ServiceSecrets keys,
            PrintWriter out,
            PrintWriter err) {
        PublishResult written = replace ? engine.replace(configuration) : engine.seed(configuration);
        if (written instanceof PublishResult.Rejected rejected) {
            rejected.problems().forEach(err::println);
            return ExitCode.INVALID_CONFIGURATION;
        }
        if (written instanceof PublishResult.Running running) {
            LOG.info(
                    "the configuration topic runs version {}: it is kept (add --replace to run the given file instead)",
                    running.version());
        } else if (written instanceof PublishResult.Published published) {
            LOG.info(
                    "the configuration is published as version {} ({} agents to reconcile)",
                    published.version(),
                    published.reconciled());
        } else {
            err.println("the configuration could not be published: " + written);
            return ExitCode.BAD_INPUT;
        }
        engine.start(STARTING);
        Running running =
                // the service's modules as serve installs them; the in-memory store only completes the in-process
                // engine's graph, which the Kafka bindings leave idle: nothing reports to it
                new Bootstrap(ServeCommand.modules(keys, new InMemoryStoreModule(), port))
                        .overriddenBy(kafka(engine))
                        .initialize(Running.class);
        engine.startDelivery(running.talkdesk, running.consoles, running.calls);
        // the live view learns what changed from the facts topic; /metrics counts what this instance's tasks decide
        engine.watch(running.live);
        engine.watchDecisions(running.watcher);
        try {
            running.service.start();
        } catch (RuntimeException cannotListen) {
            err.println("cannot listen on port " + port + ": " + cannotListen.getMessage());
            return ExitCode.BAD_INPUT;
        }
        new ServeSignals().stopWith(() -> {
            running.service.stop();
            engine.close();
            LOG.info("stopped");
        });
        out.println("{\"kind\":\"listening\",\"port\":" + running.service.port() + "}");
        out.flush();
        ServeSignals.awaitTheEnd();
        return ExitCode.OK;
    }

    /**
     * The engine's ports the service uses, answered by Kafka: events, queries, admin changes, audit, answers, pending
     * commands; and readiness, which follows Kafka Streams and the deliveries.
     */
    private static Module kafka(KafkaEngine engine) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), AcceptReportedChange.class)
                        .setBinding()
                        .toInstance(engine.ingress());
                bind(QueryAgents.class).toInstance(engine.agents());
                bind(LoadConfiguration.class).toInstance(engine.admin());
                bind(ChangeIntegrationSettings.class).toInstance(engine.admin());
                bind(AuditTrail.class).toInstance(engine.audit());
                bind(CommandAnswered.class).toInstance(engine.consoleAnswers());
                bind(DeliverCommands.class).toInstance(engine.outbox());
                Multibinder.newSetBinder(binder(), ReadinessCheck.class)
                        .addBinding()
                        .toInstance(engine::notReady);
            }
        };
    }

    /** {@code --advertise HOST[:PORT]}: where the other instances ask this one; by default its host name, a free port. */
    static Either<String, PeerAccess> peerAccess(String advertise, String token) {
        String host;
        int peerPort = 0;
        if (advertise == null) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException noName) {
                host = InetAddress.getLoopbackAddress().getHostAddress();
                LOG.warn(
                        "this machine's host name does not resolve ({}): peers are told {}, which only instances on this "
                                + "machine reach; give --advertise HOST",
                        noName.getMessage(),
                        host);
            }
        } else {
            int colon = advertise.lastIndexOf(':');
            host = colon < 0 ? advertise : advertise.substring(0, colon);
            if (colon >= 0) {
                try {
                    peerPort = Integer.parseInt(advertise.substring(colon + 1));
                } catch (NumberFormatException notANumber) {
                    return Either.left("--advertise " + advertise + ": '" + advertise.substring(colon + 1)
                            + "' is not a port number");
                }
            }
        }
        try {
            return Either.right(new PeerAccess(host, peerPort, token));
        } catch (IllegalArgumentException wrong) {
            return Either.left("--advertise " + advertise + ": " + wrong.getMessage());
        }
    }

    /** {@code --kafka-config FILE}: Java properties, every one given to the Kafka clients and Streams. */
    static Either<String, Map<String, String>> settings(Path file) {
        if (file == null) {
            return Either.right(Map.of());
        }
        Properties read = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read.load(in);
        } catch (IOException | IllegalArgumentException unreadable) {
            return Either.left("--kafka-config " + file + ": cannot be read: " + unreadable.getMessage());
        }
        Map<String, String> settings = new TreeMap<>();
        read.stringPropertyNames().forEach(name -> settings.put(name, read.getProperty(name)));
        for (String name : settings.keySet()) {
            if (OMNISYNCS.contains(name)) {
                return Either.left("--kafka-config " + file + ": '" + name + "' is Omnisync's to set, not the file's"
                        + " (SPEC 13 fixes it, or each of Omnisync's clients needs its own); remove it");
            }
        }
        return Either.right(settings);
    }

    private static Path stateDirectory() {
        try {
            return Files.createTempDirectory("omnisync-streams-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory for the Kafka Streams state", e);
        }
    }
}
