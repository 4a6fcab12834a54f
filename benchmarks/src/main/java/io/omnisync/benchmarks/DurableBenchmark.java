package io.omnisync.benchmarks;

import com.google.inject.AbstractModule;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.jdbc.SqliteStoreModule;
import io.omnisync.adapters.sandbox.Simulation;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The end-to-end round of {@link EndToEndBenchmark} with the SQLite store: every event is
 * committed (session and outbox together, synchronous=FULL) before its command goes out, and the
 * command is marked done once the vendor answered. One operation is a webhook and its echo: two
 * events, each one transaction, plus the outbox updates.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class DurableBenchmark {

    @Param("10000")
    public int agents;

    private Path folder;
    private TalkdeskSandbox talkdesk;
    private Simulation simulation;
    private int next;
    private final TalkdeskStatusId[] cycle = {
        TalkdeskStatusId.of("away"),
        TalkdeskStatusId.of("lunch"),
        TalkdeskStatusId.of("chat_only"),
        TalkdeskStatusId.AVAILABLE
    };

    @Setup(Level.Trial)
    public void start() throws IOException {
        folder = Files.createTempDirectory("omnisync-bench");
        SandboxRig rig = SandboxRig.started(
                ContactCenter.draft(agents, true),
                new SqliteStoreModule(folder.resolve("omnisync.db")),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(ConfigurationCodec.class).to(JsonConfigurationCodec.class);
                    }
                });
        talkdesk = rig.talkdesk;
        simulation = rig.simulation;
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        try (var files = Files.list(folder)) {
            files.forEach(file -> file.toFile().delete());
        }
        Files.deleteIfExists(folder);
    }

    @Benchmark
    public int committedStatusChangeRoundTrip() {
        int n = next++;
        AgentId agent = AgentId.of(ContactCenter.agent(Math.floorMod(n * 7919, agents)));
        talkdesk.agentPicks(agent, cycle[(n / agents) % cycle.length], Optional.empty());
        return simulation.runUntilQuiet();
    }
}
