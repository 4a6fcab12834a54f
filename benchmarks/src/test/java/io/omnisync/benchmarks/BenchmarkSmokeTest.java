package io.omnisync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.PresenceSync;
import io.omnisync.domain.sync.SkipReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of what the benchmarks measure, so `mvn verify` catches a broken benchmark. It
 * checks behaviour (the engine and the baseline agree on the trace), never time.
 */
class BenchmarkSmokeTest {

    @Test
    void the_trace_exercises_echoes_calls_redeliveries_and_the_baseline_sends_exactly_the_engines_commands() {
        EventTrace trace = EventTrace.generate(100, 5_000, 1L);
        Map<AgentId, AgentSession> sessions = new HashMap<>(trace.initialSessions);
        List<String> engine = new ArrayList<>();
        int echoes = 0;
        int redeliveries = 0;
        int returns = 0;
        for (AgentEvent event : trace.events) {
            var decision =
                    PresenceSync.decide(trace.configuration, trace.agent(event), sessions.get(event.agent()), event);
            sessions.put(event.agent(), decision.session());
            decision.commands()
                    .forEach(command -> engine.add(
                            command.agent() + " " + command.system().wireName() + " " + command.statusName()));
            echoes += decision.facts().count(f -> f instanceof Fact.Skipped s && s.reason() == SkipReason.ECHO);
            redeliveries +=
                    decision.facts().count(f -> f instanceof Fact.Skipped s && s.reason() == SkipReason.DUPLICATE);
            returns += decision.commands().count(c -> c.because().equals(Because.RETURN_AFTER_CALL));
        }
        MinimalSync baseline = new MinimalSync(trace);
        baseline.reset();
        List<String> sentByBaseline = new ArrayList<>();

        int counted = baseline.replay(sentByBaseline);

        assertThat(trace.events).hasSize(5_000);
        assertThat(echoes).isPositive();
        assertThat(redeliveries).isPositive();
        assertThat(returns).as("calls end with a return to the previous status").isPositive();
        assertThat(engine).isNotEmpty();
        assertThat(sentByBaseline).as("the baseline's commands, in order").isEqualTo(engine);
        assertThat(counted).isEqualTo(engine.size());
        baseline.reset();
        assertThat(baseline.replay())
                .as("a replay after a reset gives the same answers")
                .isEqualTo(engine.size());
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

    @Test
    void the_group_commit_benchmark_commits_an_event_each_way_on_sqlite() throws Exception {
        for (String commit : List.of("group", "single")) {
            GroupCommitBenchmark benchmark = new GroupCommitBenchmark();
            benchmark.store = "sqlite";
            benchmark.commit = commit;
            benchmark.agents = 100;
            benchmark.start();
            GroupCommitBenchmark.Caller caller = new GroupCommitBenchmark.Caller();
            caller.join(benchmark);
            try {
                assertThat(benchmark.committedEvent(caller))
                        .as(commit + ": a configured agent's status change, decided and committed")
                        .isInstanceOfSatisfying(
                                io.vavr.control.Either.class,
                                decided -> assertThat(decided.isRight()).isTrue());
            } finally {
                benchmark.stop();
            }
        }
    }

    @Test
    void the_configuration_the_memory_benchmark_writes_is_valid_with_its_agents() {
        String written = io.omnisync.adapters.configjson.JsonConfigurationFile.write(ConfigurationMemory.draft(100));

        var loaded = io.omnisync.adapters.configjson.ConfigurationLoader.load(written, "agents.json");

        assertThat(loaded)
                .isInstanceOfSatisfying(
                        io.omnisync.adapters.configjson.LoadedConfiguration.Valid.class,
                        valid -> assertThat(valid.configuration().agents().size())
                                .isEqualTo(100));
    }
}
