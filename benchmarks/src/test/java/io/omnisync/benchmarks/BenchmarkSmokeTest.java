package io.omnisync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.PresenceSync;
import io.omnisync.domain.sync.SkipReason;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of what the benchmarks measure, so `mvn verify` catches a broken benchmark. It
 * checks behaviour (the engine and the baseline agree on the trace), never time.
 */
class BenchmarkSmokeTest {

    @Test
    void the_trace_exercises_echoes_calls_redeliveries_and_the_baseline_agrees_on_the_commands() {
        EventTrace trace = EventTrace.generate(100, 5_000, 1L);
        Map<AgentId, AgentSession> sessions = new HashMap<>(trace.initialSessions);
        int commands = 0;
        int echoes = 0;
        int redeliveries = 0;
        for (AgentEvent event : trace.events) {
            var decision =
                    PresenceSync.decide(trace.configuration, trace.agent(event), sessions.get(event.agent()), event);
            sessions.put(event.agent(), decision.session());
            commands += decision.commands().size();
            echoes += decision.facts().count(f -> f instanceof Fact.Skipped s && s.reason() == SkipReason.ECHO);
            redeliveries +=
                    decision.facts().count(f -> f instanceof Fact.Skipped s && s.reason() == SkipReason.DUPLICATE);
        }
        MinimalSync baseline = new MinimalSync(trace);
        baseline.reset();

        assertThat(trace.events).hasSize(5_000);
        assertThat(echoes).isPositive();
        assertThat(redeliveries).isPositive();
        assertThat(commands).isPositive();
        assertThat(baseline.replay()).isPositive();
    }

    @Test
    void the_end_to_end_benchmark_runs_a_round() {
        EndToEndBenchmark benchmark = new EndToEndBenchmark();
        benchmark.agents = 100;
        benchmark.start();

        assertThat(benchmark.statusChangeRoundTrip())
                .as("webhook and echo delivered")
                .isEqualTo(2);
    }
}
