package io.omnisync.benchmarks;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.omnisync.adapters.composition.Bootstrap;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.jdbc.SqliteStoreModule;
import io.omnisync.adapters.jdbc.postgresql.PostgresLocation;
import io.omnisync.adapters.jdbc.postgresql.PostgresStoreModule;
import io.omnisync.adapters.sandbox.SandboxVendorsModule;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.reporting.ReportVendorEvent;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.store.Transactions;
import io.omnisync.application.sync.GroupCommit;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.TalkdeskStatusId;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Committed events per second with many callers at once (64 threads, as a webhook server's request
 * threads), on SQLite ({@code synchronous=FULL}) and on PostgreSQL ({@code synchronous_commit=on}):
 * {@code group} is group commit (a batch per transaction, each caller waiting for its batch),
 * {@code single} is every event its own transaction, the same run. One operation is one event
 * reported and durable, so the throughput is committed events/s and the sample time is the commit
 * latency a caller sees. Commands are not delivered: the outbox only grows, as under a vendor outage.
 * <p>PostgreSQL: the server scripts/ensure-postgresql.sh makes sure of, or {@code OMNISYNC_BENCH_POSTGRES}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(64)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class GroupCommitBenchmark {

    private static final String POSTGRES = System.getenv()
            .getOrDefault(
                    "OMNISYNC_BENCH_POSTGRES", "postgresql://omnisync_test:omnisync_test@localhost:5432/omnisync_test");
    private static final TalkdeskStatusId[] CYCLE = {
        TalkdeskStatusId.of("away"), TalkdeskStatusId.of("lunch"), TalkdeskStatusId.AVAILABLE
    };
    private static final Instant MORNING = Instant.parse("2026-01-05T09:00:00Z");

    @Param({"sqlite", "postgresql"})
    public String store;

    @Param({"group", "single"})
    public String commit;

    @Param("10000")
    public int agents;

    private Path folder;
    private Rig rig;
    private final AtomicInteger callers = new AtomicInteger();

    /** The engine, built by the composition root, with both ways of reporting. */
    public static final class Rig {
        final ReportVendorEvent oneAtATime;
        final GroupCommit groupCommit;
        final LoadConfiguration configurations;
        final Transactions store;

        @Inject
        Rig(
                ReportVendorEvent oneAtATime,
                GroupCommit groupCommit,
                LoadConfiguration configurations,
                Transactions store) {
            this.oneAtATime = oneAtATime;
            this.groupCommit = groupCommit;
            this.configurations = configurations;
            this.store = store;
        }
    }

    /** One caller: its own agents, so that its events are each agent's in order. */
    @State(Scope.Thread)
    public static class Caller {
        int index;
        int next;

        @Setup(Level.Trial)
        public void join(GroupCommitBenchmark benchmark) {
            index = benchmark.callers.getAndIncrement();
        }
    }

    @Setup(Level.Trial)
    public void start() throws IOException, SQLException {
        Module durable;
        if (store.equals("sqlite")) {
            folder = Files.createTempDirectory("omnisync-group-commit");
            durable = new SqliteStoreModule(folder.resolve("omnisync.db"));
        } else {
            PostgresLocation server = PostgresLocation.parse(POSTGRES);
            String schema = "bench_" + commit;
            dropSchema(server, schema);
            durable = new PostgresStoreModule(server.inSchema(schema));
        }
        rig = new Bootstrap(new SandboxVendorsModule(), durable, new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(ConfigurationCodec.class).to(JsonConfigurationCodec.class);
                    }
                })
                .initialize(Rig.class);
        rig.configurations.load(ContactCenter.draft(agents, true));
    }

    private static void dropSchema(PostgresLocation server, String schema) throws SQLException {
        Properties login = new Properties();
        server.user().ifPresent(user -> login.setProperty("user", user));
        server.password().ifPresent(password -> login.setProperty("password", password));
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), login);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        rig.groupCommit.close();
        ((AutoCloseable) rig.store).close();
        if (folder != null) {
            try (var files = Files.list(folder)) {
                files.forEach(file -> file.toFile().delete());
            }
            Files.deleteIfExists(folder);
        }
    }

    @Benchmark
    public Object committedEvent(Caller caller) throws InterruptedException, ExecutionException {
        int n = caller.next++;
        int perCaller = Math.max(1, agents / 64);
        AgentId agent = AgentId.of(ContactCenter.agent(Math.floorMod(caller.index + 64 * (n % perCaller), agents)));
        int round = n / perCaller;
        AgentEvent event = new AgentEvent.TalkdeskStatusReported(
                EventId.of("c" + caller.index + "-" + n), agent, MORNING.plusMillis(n), CYCLE[round % CYCLE.length]);
        if (commit.equals("group")) {
            return rig.groupCommit.report(event).get();
        }
        return rig.oneAtATime.report(event);
    }
}
