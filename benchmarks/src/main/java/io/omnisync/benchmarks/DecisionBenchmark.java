package io.omnisync.benchmarks;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.PresenceSync;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decisions per second on one core: the pure decision function over a realistic event mix for
 * 10,000 agents, and in the same run the minimal mutable baseline over the same events. One
 * operation is one event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {

    static final int EVENTS = 200_000;

    @Param("10000")
    public int agents;

    private EventTrace trace;
    private MinimalSync baseline;
    private HashMap<AgentId, AgentSession> sessions;

    @Setup(Level.Trial)
    public void generate() {
        trace = EventTrace.generate(agents, EVENTS, 20261124L);
        baseline = new MinimalSync(trace);
    }

    @Setup(Level.Invocation)
    public void reset() {
        sessions = new HashMap<>(trace.initialSessions);
        baseline.reset();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void decisionFunction(Blackhole blackhole) {
        for (AgentEvent event : trace.events) {
            AgentDecision decision =
                    PresenceSync.decide(trace.configuration, trace.agent(event), sessions.get(event.agent()), event);
            sessions.put(event.agent(), decision.session());
            blackhole.consume(decision.commands());
            blackhole.consume(decision.facts());
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int minimalBaseline() {
        return baseline.replay();
    }
}
