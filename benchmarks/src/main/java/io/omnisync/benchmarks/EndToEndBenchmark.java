package io.omnisync.benchmarks;

import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.adapters.sandbox.Simulation;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.util.Optional;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * End to end in process: an agent changes status in the Talkdesk sandbox, the webhook reaches the
 * application, the engine decides, the command goes to the Salesforce sandbox, and its echo comes
 * back and is recognised. One operation is that whole round, as a host would see it; the agent
 * count shows how the cost grows.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class EndToEndBenchmark {

    @Param({"1000", "10000", "100000"})
    public int agents;

    private TalkdeskSandbox talkdesk;
    private Simulation simulation;
    private AgentId[] order;
    private int next;
    private final TalkdeskStatusId[] cycle = {
        TalkdeskStatusId.of("away"),
        TalkdeskStatusId.of("lunch"),
        TalkdeskStatusId.of("chat_only"),
        TalkdeskStatusId.AVAILABLE
    };
    private int[] position;

    @Setup(Level.Trial)
    public void start() {
        SandboxRig rig = SandboxRig.started(ContactCenter.draft(agents, true), new InMemoryStoreModule());
        talkdesk = rig.talkdesk;
        simulation = rig.simulation;
        Random random = new Random(7);
        order = new AgentId[agents];
        for (int i = 0; i < agents; i++) {
            order[i] = AgentId.of(ContactCenter.agent(random.nextInt(agents)));
        }
        position = new int[agents];
    }

    @Benchmark
    public int statusChangeRoundTrip() {
        int index = next++ % agents;
        AgentId agent = order[index];
        int slot = Math.floorMod(agent.hashCode(), agents);
        TalkdeskStatusId status = cycle[position[slot]++ % cycle.length];
        talkdesk.agentPicks(agent, status, Optional.empty());
        return simulation.runUntilQuiet();
    }
}
