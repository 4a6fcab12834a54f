package io.omnisync.adapters.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.omnisync.adapters.composition.Bootstrap;
import io.omnisync.adapters.composition.SystemClockModule;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.configjson.JsonConfigurationDocuments;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.configjson.LoadedConfiguration;
import io.omnisync.adapters.configjson.LocatedProblem;
import io.omnisync.adapters.jdbc.SqliteStores;
import io.omnisync.adapters.jdbc.StoreException;
import io.omnisync.adapters.jdbc.StoreInUseException;
import io.omnisync.adapters.jdbc.postgresql.PostgresLocation;
import io.omnisync.adapters.jdbc.postgresql.PostgresStore;
import io.omnisync.adapters.jdbc.postgresql.PostgresStores;
import io.omnisync.adapters.service.OmnisyncService;
import io.omnisync.adapters.service.ServiceModule;
import io.omnisync.adapters.service.console.ConsoleModule;
import io.omnisync.adapters.service.http.ServerOptions;
import io.omnisync.adapters.service.ops.StandbyServer;
import io.omnisync.adapters.service.security.SecretsSource;
import io.omnisync.adapters.service.security.ServiceSecrets;
import io.omnisync.adapters.talkdesk.TalkdeskCredentials;
import io.omnisync.adapters.talkdesk.port.HttpTalkdeskPresence;
import io.omnisync.adapters.talkdesk.port.TalkdeskHttpModule;
import io.omnisync.application.admin.ConfigurationDocuments;
import io.omnisync.application.admin.ReplacePolicy;
import io.omnisync.application.admin.StartEngine;
import io.omnisync.application.admin.StartResult;
import io.omnisync.application.store.ConfigurationFingerprint;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.configuration.ServiceReadiness;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve --config C [--store FILE|URL|memory] [--standby] [--port N] [--secrets FILE] [--replace]} (SPEC 10): the engine behind
 * HTTP, with Talkdesk's Presence API and the agents' consoles as its vendors. Exit 1 for a configuration that is
 * invalid or that the service could not run ({@code MISSING_VENDOR_SETTING}), with {@code validate}'s lines; exit 2
 * for unreadable input, a secret missing, too short or in a file others may read, a store another process owns, that
 * cannot be opened or that runs a different configuration, a port that cannot be had. The engine starts on its store
 * as {@code simulate}'s does ({@link StartEngine}): a new store is seeded, the same configuration resumes, a different
 * one is refused unless {@code --replace}. Once ready it prints one line, {@code {"kind":"listening","port":N}}; logs
 * go to standard error. SIGTERM stops it gracefully and it exits 0.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run Omnisync as a service: Talkdesk webhooks in, Talkdesk's Presence API and the agents' "
                + "Omni-Channel consoles out, the admin API, health and metrics. Prints {\"kind\":\"listening\","
                + "\"port\":N} once ready; SIGTERM stops it gracefully. Exit 1 invalid configuration, 2 bad input "
                + "(secrets, store, port), 3 unexpected failure.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--config", required = true, paramLabel = "C", description = "the configuration file (JSON)")
    private Path config;

    @Option(
            names = "--store",
            paramLabel = "FILE|URL|memory",
            defaultValue = "omnisync.db",
            description = "the SQLite file the engine keeps its state in (default: ${DEFAULT-VALUE} in the working "
                    + "directory; one process at a time), a PostgreSQL database (postgresql://user@host:port/db, or "
                    + "jdbc:postgresql://…; the password from PGPASSWORD), or 'memory' to keep nothing. A store that runs the same "
                    + "configuration resumes: its settings win, nothing is reconciled, its outbox is sent at once")
    private String store;

    @Option(
            names = "--replace",
            description = "run C even if the store runs a different configuration, replacing it (agents the store "
                    + "knows keep what it knows of them); without it, a different one is refused")
    private boolean replace;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8080",
            description = "the port to listen on (default: ${DEFAULT-VALUE}); 0 picks a free one")
    private int port;

    @Option(
            names = "--secrets",
            paramLabel = "FILE",
            description = "a JSON file with talkdeskClientId, talkdeskClientSecret, webhookSecret, consoleSecret and "
                    + "adminToken, readable by its owner only; the OMNISYNC_* environment variables win over it")
    private Path secrets;

    @Option(
            names = "--standby",
            description = "with a PostgreSQL store another process holds: wait as a standby (/readyz answers 503) and "
                    + "take over, on the same port, when that process stops or dies; without it such a store is exit 2")
    private boolean standby;

    @Option(
            names = "--kafka",
            paramLabel = "BOOTSTRAP_SERVERS",
            description = "run on Kafka Streams (SPEC 13) with the cluster at BOOTSTRAP_SERVERS (host:port,...): any "
                    + "number of instances, events to omnisync.events, the configuration on omnisync.configuration; "
                    + "not with --store")
    private String kafka;

    @Option(
            names = "--advertise",
            paramLabel = "HOST[:PORT]",
            description = "with --kafka: where the other instances reach this one for the admin queries they forward "
                    + "to the instance that owns an agent (default: this machine's host name, any free port)")
    private String advertise;

    @Option(
            names = "--kafka-config",
            paramLabel = "FILE",
            description = "with --kafka: a properties file of Kafka settings (security, timeouts) for every client and "
                    + "for Streams")
    private Path kafkaConfig;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** What SIGTERM stops: the standby's listener, then the service. */
    private final ServeSignals signals = new ServeSignals();

    /** What serve runs, built by the composition root. */
    static final class Running {
        final OmnisyncService service;
        final StartEngine starting;
        final HttpTalkdeskPresence talkdesk;

        @Inject
        Running(OmnisyncService service, StartEngine starting, HttpTalkdeskPresence talkdesk) {
            this.service = service;
            this.starting = starting;
            this.talkdesk = talkdesk;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Either<Integer, ServeConfiguration> configuration = runnableConfiguration(out, err);
        if (configuration.isLeft()) {
            return configuration.getLeft();
        }
        if (port < 0 || port > 65535) {
            err.println("--port " + port + " is not a TCP port (0 picks a free one)");
            return ExitCode.BAD_INPUT;
        }
        Either<String, ServiceSecrets> read = SecretsSource.read(Optional.ofNullable(secrets), System.getenv());
        if (read.isLeft()) {
            err.println(read.getLeft());
            return ExitCode.BAD_INPUT;
        }
        if (standby && !ServeStore.isPostgres(store)) {
            err.println("--standby needs a store two processes can share: --store postgresql://…");
            return ExitCode.BAD_INPUT;
        }
        if (kafka == null && (advertise != null || kafkaConfig != null)) {
            err.println("--advertise and --kafka-config go with --kafka");
            return ExitCode.BAD_INPUT;
        }
        if (kafka != null) {
            Either<Integer, ConfigurationDraft> draft = configuration.get().draft();
            if (draft.isLeft()) {
                return draft.getLeft();
            }
            return new KafkaServe(
                            kafka,
                            port,
                            replace,
                            advertise,
                            kafkaConfig,
                            spec.commandLine().getParseResult())
                    .serve(draft.get(), read.get(), out, err);
        }
        if (ServeStore.isPostgres(store)) {
            return servePostgres(configuration.get(), read.get(), out, err);
        }
        // the store is this process' own from here (SqliteStores' lock beside it) until the process ends
        return serveOn(ServeStore.open(store), configuration.get(), read.get(), port, true, out, err);
    }

    /**
     * On PostgreSQL: this process takes the store's lease and serves; or, with {@code --standby} while another process
     * holds it, it listens as a standby ({@code /readyz} 503) until the lease is free, then takes over on the same port.
     */
    private int servePostgres(ServeConfiguration configuration, ServiceSecrets keys, PrintWriter out, PrintWriter err) {
        PostgresLocation location = PostgresLocation.parse(store);
        JsonConfigurationCodec codec = new JsonConfigurationCodec();
        try {
            return serveOn(
                    new ServeStore.Postgres(PostgresStores.open(location, codec)),
                    configuration,
                    keys,
                    port,
                    true,
                    out,
                    err);
        } catch (StoreInUseException active) {
            if (!standby) {
                throw active;
            }
        }
        StandbyServer waiting;
        try {
            waiting = StandbyServer.start(ServerOptions.on(port), location.toString());
        } catch (RuntimeException cannotListen) {
            err.println("cannot listen on port " + port + ": " + rootMessage(cannotListen));
            return ExitCode.BAD_INPUT;
        }
        int listening = waiting.port();
        signals.stopWith(() -> {
            waiting.close();
            LOG.info("stopped while standing by; the store was never this process'");
        });
        out.println("{\"kind\":\"listening\",\"port\":" + listening + "}");
        out.flush();
        LOG.info("{} is held by another process: standing by until it is free", location);
        PostgresStore taken = PostgresStores.openWhenFree(location, codec);
        long takenAt = System.nanoTime();
        signals.nothingRuns();
        waiting.close();
        // the active process may have replaced its configuration through the admin API: the store's keeps running
        int exit = serveOn(new ServeStore.Postgres(taken), configuration, keys, listening, false, out, err);
        LOG.info("took over in {} ms after the store was free", (System.nanoTime() - takenAt) / 1_000_000);
        return exit;
    }

    /**
     * Starts the engine and the service on the open store, on {@code listenOn}; OK once serving, which then ends by
     * SIGTERM only. The store is closed when this fails. A standby that took over ({@code firstStart} false) keeps the
     * store's configuration and does not print the listening line again.
     */
    private int serveOn(
            ServeStore opened,
            ServeConfiguration configuration,
            ServiceSecrets keys,
            int listenOn,
            boolean firstStart,
            PrintWriter out,
            PrintWriter err) {
        int exit;
        try {
            exit = serve(opened, configuration, keys, listenOn, firstStart, out, err);
        } catch (RuntimeException | Error failed) {
            signals.nothingRuns();
            opened.close();
            throw failed;
        }
        if (exit != ExitCode.OK) {
            signals.nothingRuns();
            opened.close();
        }
        return exit;
    }

    private int serve(
            ServeStore opened,
            ServeConfiguration configuration,
            ServiceSecrets keys,
            int listenOn,
            boolean firstStart,
            PrintWriter out,
            PrintWriter err) {
        String where = opened.where();
        Running running = new Bootstrap(modules(keys, opened.module(), listenOn)).initialize(Running.class);
        ReplacePolicy policy = replace
                ? ReplacePolicy.REPLACE
                : firstStart ? ReplacePolicy.REFUSE_DIFFERENT : ReplacePolicy.KEEP_STORED;
        Either<Integer, StartResult> starting = configuration.start(running.starting, policy);
        if (starting.isLeft()) {
            return starting.getLeft();
        }
        StartResult started = starting.get();
        if (started instanceof StartResult.Refused refused) {
            err.println(where + ": " + refused.reason() + ". To serve this configuration instead, add --replace: it "
                    + "is validated whole, and the agents the store knows keep what it knows of them.");
            return ExitCode.BAD_INPUT;
        }
        if (started instanceof StartResult.Rejected rejected) {
            rejected.problems().forEach(problem -> err.println(problem));
            return ExitCode.INVALID_CONFIGURATION;
        }
        LOG.info("{}: {}", where, startLine((StartResult.Running) started));
        try {
            running.service.start();
        } catch (RuntimeException cannotListen) {
            err.println("cannot listen on port " + listenOn + ": " + rootMessage(cannotListen));
            return ExitCode.BAD_INPUT;
        }
        signals.stopWith(() -> {
            running.service.stop();
            opened.close();
            LOG.info("stopped; the store is closed");
        });
        checkTalkdeskAccount(running);
        if (firstStart) {
            out.println("{\"kind\":\"listening\",\"port\":" + running.service.port() + "}");
            out.flush();
        } else {
            LOG.info("{}: this process is the active one now, serving on port {}", where, running.service.port());
        }
        ServeSignals.awaitTheEnd();
        return ExitCode.OK;
    }

    /**
     * SPEC 11's start-up check, once serving and off the start's path (Talkdesk may be slow or down): a warning for
     * each custom status the configuration sends that the Talkdesk account no longer has.
     */
    private static void checkTalkdeskAccount(Running running) {
        Thread check = new Thread(
                () -> {
                    try {
                        running.talkdesk.customStatusesMissing().forEach(line -> LOG.warn("{}", line));
                    } catch (RuntimeException failed) {
                        LOG.warn("the Talkdesk account's custom statuses could not be checked", failed);
                    }
                },
                "omnisync-talkdesk-check");
        check.setDaemon(true);
        check.start();
    }

    /** How the engine started, in words, for the log. */
    private static String startLine(StartResult.Running running) {
        boolean sync = running.configuration().settings().omniChannelSync();
        if (running instanceof StartResult.StartedFresh fresh) {
            return "a new store: the configuration runs with Omni-Channel sync " + (sync ? "on" : "off")
                    + (fresh.commands().isEmpty() ? "" : ", " + fresh.commands().size() + " command(s) to send");
        }
        if (running instanceof StartResult.Resumed resumed) {
            return "resumed with the store's configuration and settings (Omni-Channel sync " + (sync ? "on" : "off")
                    + "); " + resumed.pendingCommands() + " command(s) in the outbox go out now";
        }
        StartResult.Replaced replaced = (StartResult.Replaced) running;
        return "replaced the store's configuration (it differed in "
                + replaced.differences().mkString(", ") + "); Omni-Channel sync " + (sync ? "on" : "off");
    }

    /**
     * The file's configuration when it is valid and the service can run it, else the exit code after saying why;
     * not read at all when the store already runs the file's very bytes ({@link ServeConfiguration}).
     */
    private Either<Integer, ServeConfiguration> runnableConfiguration(PrintWriter out, PrintWriter err) {
        // a look at the store before it is owned, which changes nothing (a store another process holds included)
        io.vavr.control.Option<ConfigurationFingerprint> storeRuns;
        if (kafka != null || ServeStore.isMemory(store)) {
            storeRuns = io.vavr.control.Option.none();
        } else if (ServeStore.isPostgres(store)) {
            storeRuns = PostgresStores.startedFrom(PostgresLocation.parse(store));
        } else {
            storeRuns = SqliteStores.startedFrom(Path.of(store));
        }
        return ServeConfiguration.of(config, storeRuns, () -> checkedConfiguration(out, err));
    }

    private Either<Integer, ConfigurationDraft> checkedConfiguration(PrintWriter out, PrintWriter err) {
        Either<Integer, LoadedConfiguration> read = Inputs.configuration(config, err);
        if (read.isLeft()) {
            return Either.left(read.getLeft());
        }
        LoadedConfiguration input = read.get();
        if (input instanceof LoadedConfiguration.Invalid invalid) {
            invalid.problems().forEach(problem -> out.println(Inputs.toJson(problem)));
            out.flush();
            err.println(config + " is not a valid configuration; nothing was started");
            return Either.left(ExitCode.INVALID_CONFIGURATION);
        }
        LoadedConfiguration.Valid valid = (LoadedConfiguration.Valid) input;
        Seq<Problem> missing = ServiceReadiness.check(valid.configuration());
        if (!missing.isEmpty()) {
            JsonConfigurationFile.Parsed parsed =
                    JsonConfigurationFile.read(config).get();
            missing.map(problem -> new LocatedProblem(problem, parsed.lines().lineOf(problem.path())))
                    .forEach(problem -> out.println(Inputs.toJson(problem)));
            out.flush();
            err.println(config + " lacks what the service needs to reach the vendors; nothing was started");
            return Either.left(ExitCode.INVALID_CONFIGURATION);
        }
        return Either.right(valid.draft());
    }

    /** The service's modules on {@code storeModule}: what {@code serve} runs, and {@code serve --kafka} beneath its own. */
    static Module[] modules(ServiceSecrets keys, Module storeModule, int port) {
        return new Module[] {
            new ServiceModule(ServerOptions.on(port), keys),
            new ConsoleModule(),
            new TalkdeskHttpModule(new TalkdeskCredentials(
                    keys.talkdeskClientId().reveal(),
                    keys.talkdeskClientSecret().reveal())),
            storeModule,
            new SystemClockModule(),
            new AbstractModule() {
                @Override
                protected void configure() {
                    bind(ConfigurationDocuments.class).to(JsonConfigurationDocuments.class);
                }
            }
        };
    }

    private static String rootMessage(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && !(cause instanceof StoreException)) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
