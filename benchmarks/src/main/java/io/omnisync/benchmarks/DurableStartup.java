package io.omnisync.benchmarks;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.omnisync.adapters.composition.Bootstrap;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.jdbc.SqliteStore;
import io.omnisync.adapters.jdbc.SqliteStoreModule;
import io.omnisync.adapters.jdbc.SqliteStores;
import io.omnisync.adapters.jdbc.StoredConfiguration;
import io.omnisync.adapters.jdbc.postgresql.PostgresLocation;
import io.omnisync.adapters.jdbc.postgresql.PostgresStore;
import io.omnisync.adapters.jdbc.postgresql.PostgresStoreModule;
import io.omnisync.adapters.jdbc.postgresql.PostgresStores;
import io.omnisync.adapters.sandbox.SandboxVendorsModule;
import io.omnisync.application.admin.StartEngine;
import io.omnisync.application.admin.StartResult;
import io.omnisync.application.store.AgentSessions;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.store.ConfigurationFingerprint;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.store.Transactions;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;

/**
 * The start-up of the engine with a million agents (and their sessions) in the store, on SQLite and
 * on PostgreSQL: the time from opening the store to the last agent's state read back, measured once
 * per way (a start-up happens once; JMH's steady state says nothing about it). Sessions are read
 * lazily, one agent at a time. Three ways, in this order (the first pays the JIT's warm-up):
 *
 * <ul>
 *   <li><b>snapshot</b>: the store reads its configuration snapshot (no JSON decoded, nothing validated);
 *   <li><b>serve</b>: what {@code serve --config C} does when the store runs C: C's bytes hashed (SHA-256),
 *       {@link StartEngine#resume} on the store's snapshot;
 *   <li><b>JSON</b>: the store's slow path, the fallback (the snapshot ignored: {@link
 *       StoredConfiguration#IGNORE_SNAPSHOT_PROPERTY}): the stored JSON decoded and validated, as before.
 * </ul>
 *
 * Usage: {@code DurableStartup [agents] [sqlite|postgresql|both]}; PostgreSQL as GroupCommitBenchmark
 * finds it ({@code OMNISYNC_BENCH_POSTGRES}). Prints one line per store.
 */
public final class DurableStartup {

    private static final String POSTGRES = System.getenv()
            .getOrDefault(
                    "OMNISYNC_BENCH_POSTGRES", "postgresql://omnisync_test:omnisync_test@localhost:5432/omnisync_test");

    private DurableStartup() {}

    /** What a start needs: the use case serve calls, and the store's ports. */
    public static final class Rig {
        final StartEngine starting;
        final ConfigurationStore configurations;
        final AgentSessions sessions;

        @Inject
        Rig(StartEngine starting, ConfigurationStore configurations, AgentSessions sessions) {
            this.starting = starting;
            this.configurations = configurations;
            this.sessions = sessions;
        }
    }

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String which = args.length > 1 ? args[1] : "both";
        Path folder = Files.createTempDirectory("omnisync-startup");
        try {
            Configuration configuration = ContactCenter.configuration(agents);
            Path file = folder.resolve("contact-center.json");
            Files.writeString(file, JsonConfigurationFile.write(configuration.draft()), StandardCharsets.UTF_8);
            ConfigurationFingerprint fingerprint = ConfigurationFingerprint.of(Files.readAllBytes(file));
            if (!which.equals("postgresql")) {
                Path store = folder.resolve("omnisync.db");
                try (SqliteStore opened = SqliteStores.open(store, new JsonConfigurationCodec())) {
                    fill(opened, opened, opened, configuration, fingerprint);
                }
                report("SQLite", agents, file, () -> new SqliteStoreModule(store), Files.size(store));
            }
            if (!which.equals("sqlite")) {
                PostgresLocation server = PostgresLocation.parse(POSTGRES);
                String schema = "bench_startup";
                dropSchema(server, schema);
                PostgresLocation location = server.inSchema(schema);
                try (PostgresStore opened = PostgresStores.open(location, new JsonConfigurationCodec())) {
                    fill(opened, opened, opened, configuration, fingerprint);
                }
                try {
                    report("PostgreSQL", agents, file, () -> new PostgresStoreModule(location), -1);
                } finally {
                    dropSchema(server, schema);
                }
            }
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void fill(
            Transactions store,
            ConfigurationStore configurations,
            AgentSessions sessions,
            Configuration configuration,
            ConfigurationFingerprint fingerprint) {
        store.inTransaction(() -> {
            configurations.save(configuration, Option.some(fingerprint));
            return null;
        });
        List<AgentSession> all =
                configuration.agents().values().map(AgentSession::of).toList();
        for (List<AgentSession> batch : all.grouped(10_000)) {
            store.inTransaction(() -> {
                sessions.saveAll(batch);
                return null;
            });
        }
    }

    private interface StoreModule {
        Module get();
    }

    private static void report(String name, int agents, Path file, StoreModule store, long bytes) {
        long snapshot = timed(store, agents, rig -> rig.configurations.current().get());
        long serve = timed(store, agents, rig -> {
            ConfigurationFingerprint read;
            try (InputStream in = Files.newInputStream(file)) {
                read = ConfigurationFingerprint.of(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            StartResult.Resumed resumed = rig.starting
                    .resume(read)
                    .getOrElseThrow(() -> new IllegalStateException("the store did not resume on the same file"));
            return resumed.configuration();
        });
        System.setProperty(StoredConfiguration.IGNORE_SNAPSHOT_PROPERTY, "ignore");
        long json;
        try {
            json = timed(store, agents, rig -> rig.configurations.current().get());
        } finally {
            System.clearProperty(StoredConfiguration.IGNORE_SNAPSHOT_PROPERTY);
        }
        System.out.printf(
                "start-up with %,d agents and their sessions in the store (%s%s): %,d ms from the snapshot; "
                        + "serve with the same file (SHA-256 of its %,d MB, resume): %,d ms; the JSON path (decode and"
                        + " validate, the fallback): %,d ms%n",
                agents,
                name,
                bytes < 0 ? "" : String.format(", %,d MB", bytes / (1024 * 1024)),
                snapshot,
                sizeInMegabytes(file),
                serve,
                json);
    }

    private interface Start {
        Configuration run(Rig rig);
    }

    /** Opens the store, starts as {@code start} says, reads the last agent's session back; closes it. */
    private static long timed(StoreModule store, int agents, Start start) {
        System.gc();
        long begin = System.nanoTime();
        Rig rig = new Bootstrap(new SandboxVendorsModule(), store.get(), new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(ConfigurationCodec.class).to(JsonConfigurationCodec.class);
                    }
                })
                .initialize(Rig.class);
        Configuration running = start.run(rig);
        AgentId last = AgentId.of(ContactCenter.agent(agents - 1));
        AgentSession session = rig.sessions.find(last).get();
        long millis = (System.nanoTime() - begin) / 1_000_000;
        if (!session.agent().equals(last) || running.agent(last).isEmpty()) {
            throw new IllegalStateException("the wrong agent was read back");
        }
        try {
            ((AutoCloseable) rig.sessions).close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return millis;
    }

    private static long sizeInMegabytes(Path file) {
        try {
            return Files.size(file) / (1024 * 1024);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void dropSchema(PostgresLocation server, String schema) throws Exception {
        Properties login = new Properties();
        server.user().ifPresent(user -> login.setProperty("user", user));
        server.password().ifPresent(password -> login.setProperty("password", password));
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), login);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
