package io.omnisync.adapters.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import io.omnisync.adapters.composition.Bootstrap;
import io.omnisync.adapters.composition.SystemClockModule;
import io.omnisync.adapters.configjson.ConfigurationLoader;
import io.omnisync.adapters.configjson.JsonConfigurationDocuments;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.configjson.LoadedConfiguration;
import io.omnisync.adapters.configjson.LocatedProblem;
import io.omnisync.adapters.jdbc.SqliteStore;
import io.omnisync.adapters.jdbc.StoreException;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.adapters.service.OmnisyncService;
import io.omnisync.adapters.service.ServiceModule;
import io.omnisync.adapters.service.console.ConsoleModule;
import io.omnisync.adapters.service.http.ServerOptions;
import io.omnisync.adapters.service.security.SecretsSource;
import io.omnisync.adapters.service.security.ServiceSecrets;
import io.omnisync.adapters.talkdesk.TalkdeskCredentials;
import io.omnisync.adapters.talkdesk.port.TalkdeskHttpModule;
import io.omnisync.application.admin.ConfigurationDocuments;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.admin.LoadResult;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.configuration.ServiceReadiness;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve --config C [--store FILE|memory] [--port N] [--secrets FILE]} (SPEC 10): the engine behind HTTP, with
 * Talkdesk's Presence API and the agents' consoles as its vendors. Exit 1 for a configuration that is invalid or that
 * the service could not run ({@code MISSING_VENDOR_SETTING}), with {@code validate}'s lines; exit 2 for unreadable
 * input, a secret missing, too short or in a file others may read, a store another process owns or that cannot be
 * opened, a port that cannot be had. Once ready it prints one line, {@code {"kind":"listening","port":N}}; logs go to
 * standard error. SIGTERM stops it gracefully and it exits 0.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run Omnisync as a service: Talkdesk webhooks in, Talkdesk's Presence API and the agents' "
                + "Omni-Channel consoles out, the admin API, health and metrics. Prints {\"kind\":\"listening\","
                + "\"port\":N} once ready; SIGTERM stops it gracefully.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--config", required = true, paramLabel = "C", description = "the configuration file (JSON)")
    private Path config;

    @Option(
            names = "--store",
            paramLabel = "FILE|memory",
            defaultValue = "omnisync.db",
            description = "the SQLite file the engine keeps its state in (default: ${DEFAULT-VALUE} in the working "
                    + "directory), or 'memory' to keep nothing")
    private String store;

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

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** What serve runs, built by the composition root. */
    static final class Running {
        final OmnisyncService service;
        final LoadConfiguration configurations;
        final StoreFile store;

        @Inject
        Running(OmnisyncService service, LoadConfiguration configurations, StoreFile store) {
            this.service = service;
            this.configurations = configurations;
            this.store = store;
        }
    }

    /** The store to close once the service stopped: the SQLite file, or nothing in memory. */
    @FunctionalInterface
    interface StoreFile {
        void close();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Either<Integer, ConfigurationDraft> configuration = runnableConfiguration(out, err);
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
        ServiceSecrets keys = read.get();
        Optional<FileLock> owned;
        try {
            owned = ownStore();
        } catch (StoreException taken) {
            err.println(taken.getMessage());
            return ExitCode.BAD_INPUT;
        }
        Running running;
        try {
            running = new Bootstrap(modules(keys)).initialize(Running.class);
        } catch (com.google.inject.ProvisionException | com.google.inject.CreationException e) {
            err.println(rootMessage(e));
            release(owned);
            return ExitCode.BAD_INPUT;
        }
        if (startEngine(running, configuration.get()) instanceof LoadResult.Rejected rejected) {
            rejected.problems().forEach(problem -> err.println(problem));
            running.store.close();
            release(owned);
            return ExitCode.INVALID_CONFIGURATION;
        }
        try {
            running.service.start();
        } catch (RuntimeException cannotListen) {
            err.println("cannot listen on port " + port + ": " + rootMessage(cannotListen));
            running.store.close();
            release(owned);
            return ExitCode.BAD_INPUT;
        }
        stopOnSignal(running, owned);
        out.println("{\"kind\":\"listening\",\"port\":" + running.service.port() + "}");
        out.flush();
        awaitTheEnd();
        return ExitCode.OK;
    }

    /**
     * Starts the engine on the configuration: the one call to swap for the start-or-resume use case of issue 12 (a
     * store that holds a configuration resumes it, SPEC 6). Until then it loads the configuration as {@code simulate}
     * does: a new store is started (an activation if sync is on), an existing one gets the file as a replacement.
     */
    static LoadResult startEngine(Running running, ConfigurationDraft configuration) {
        return running.configurations.load(configuration);
    }

    /** The file's configuration when it is valid and the service can run it; else the exit code, after saying why. */
    private Either<Integer, ConfigurationDraft> runnableConfiguration(PrintWriter out, PrintWriter err) {
        LoadedConfiguration input = ConfigurationLoader.load(config);
        if (input instanceof LoadedConfiguration.Unreadable unreadable) {
            err.println(unreadable.error());
            return Either.left(ExitCode.BAD_INPUT);
        }
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

    private Module[] modules(ServiceSecrets keys) {
        boolean inMemory = store.equals("memory");
        Module storeModule = inMemory ? new InMemoryStoreModule() : new DurableStoreModule(storePath());
        Module closing = inMemory
                ? new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(StoreFile.class).toInstance(() -> {});
                    }
                }
                : new AbstractModule() {
                    @Provides
                    @Singleton
                    StoreFile storeFile(SqliteStore sqlite) {
                        return sqlite::close;
                    }
                };
        return new Module[] {
            new ServiceModule(ServerOptions.on(port), keys),
            new ConsoleModule(),
            new TalkdeskHttpModule(new TalkdeskCredentials(
                    keys.talkdeskClientId().reveal(),
                    keys.talkdeskClientSecret().reveal())),
            storeModule,
            closing,
            new SystemClockModule(),
            new AbstractModule() {
                @Override
                protected void configure() {
                    bind(ConfigurationDocuments.class).to(JsonConfigurationDocuments.class);
                }
            }
        };
    }

    /**
     * One process owns a store (SPEC 10): a lock on {@code <store>.lock} beside it, held while serving and released
     * when the process ends, however it ends.
     */
    private Optional<FileLock> ownStore() {
        if (store.equals("memory")) {
            return Optional.empty();
        }
        Path lockFile = storePath().resolveSibling(storePath().getFileName() + ".lock");
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new StoreException("another Omnisync process owns the store " + storePath() + " (it holds "
                        + lockFile + "); stop it first, or use another --store");
            }
            return Optional.of(lock);
        } catch (OverlappingFileLockException held) {
            throw new StoreException("the store " + storePath() + " is already in use by this process");
        } catch (IOException e) {
            throw new StoreException("cannot lock the store " + storePath() + " (" + lockFile + "): " + e.getMessage());
        }
    }

    private Path storePath() {
        return Path.of(store).toAbsolutePath();
    }

    /**
     * SIGTERM (or Ctrl-C): stop gracefully (not ready, streams closed, no new requests, those in flight finished,
     * delivery stopped), close the store, and exit 0. The JVM runs this as its shutdown hook; the exit status is set
     * by halting once everything is closed.
     */
    private static void stopOnSignal(Running running, Optional<FileLock> owned) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("SIGTERM: stopping gracefully");
                            try {
                                running.service.stop();
                                running.store.close();
                                release(owned);
                                LOG.info("stopped; the store is closed");
                            } catch (RuntimeException broken) {
                                LOG.error("stopping failed", broken);
                                Runtime.getRuntime().halt(1);
                            }
                            System.out.flush();
                            System.err.flush();
                            Runtime.getRuntime().halt(ExitCode.OK);
                        },
                        "omnisync-shutdown"));
    }

    /** Serves until the process is told to stop (the shutdown hook ends it). */
    private static void awaitTheEnd() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void release(Optional<FileLock> owned) {
        owned.ifPresent(lock -> {
            try {
                lock.release();
                lock.channel().close();
            } catch (IOException e) {
                LOG.warn("could not release the store's lock: {}", e.getMessage());
            }
        });
    }

    private static String rootMessage(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && !(cause instanceof StoreException)) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
