package io.omnisync.adapters.cli;

import com.google.inject.Module;
import io.omnisync.adapters.cli.scenario.JsonScenarioFile;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.configjson.LoadedConfiguration;
import io.omnisync.adapters.jdbc.SqliteStore;
import io.omnisync.adapters.jdbc.SqliteStores;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.adapters.sandbox.FaultPlan;
import io.omnisync.adapters.sandbox.SandboxVendorsModule;
import io.omnisync.adapters.sandbox.UnreliableSandboxVendorsModule;
import io.omnisync.application.admin.ReplacePolicy;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulate --config C --scenario S [--store FILE [--replace]] [--json]}: a day of the
 * contact center on the sandboxes. The configuration and every scenario line are read and checked
 * before the store is opened or created, and the store is the process' own until the run ends.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Run a scenario (JSON Lines) on the vendor sandboxes and print what happened. "
                + "Exit 0 ran, 1 invalid configuration, 2 bad input (nothing applied), 3 unexpected failure.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "C", description = "the configuration file (JSON)")
    private Path config;

    @Option(names = "--scenario", required = true, paramLabel = "S", description = "the scenario file (JSON Lines)")
    private Path scenario;

    @Option(names = "--json", description = "one JSON object a line, in the order things happened")
    private boolean json;

    @Option(
            names = "--faults",
            paramLabel = "SEED",
            description = "make the sandboxes unreliable (fail, duplicate, delay and reorder), reproducibly for SEED")
    private Long faultSeed;

    @Option(names = "--echoes", description = "also show the echoes, duplicates and stale reports the engine ignored")
    private boolean echoes;

    @Option(
            names = "--store",
            paramLabel = "FILE",
            description = "keep the engine's state in this SQLite file (created if missing; one process at a time). "
                    + "A store that runs the same configuration resumes: its settings win, nothing is reconciled, "
                    + "its outbox is sent at once. Without --store, everything stays in memory")
    private Path store;

    @Option(
            names = "--replace",
            description = "with --store: run C even if the store runs a different configuration, replacing it "
                    + "(agents the store knows keep what it knows of them); without it, a different one is refused")
    private boolean replace;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (replace && store == null) {
            err.println("omnisync simulate: --replace replaces the configuration a store runs; give --store FILE");
            return ExitCode.BAD_INPUT;
        }
        Either<Integer, LoadedConfiguration.Valid> runnable = Inputs.runnable(config, err);
        if (runnable.isLeft()) {
            return runnable.getLeft();
        }
        LoadedConfiguration.Valid input = runnable.get();
        Either<Integer, JsonScenarioFile.Scenario> playable = Inputs.playable(scenario, input.configuration(), err);
        if (playable.isLeft()) {
            return playable.getLeft();
        }
        SandboxVendorsModule vendors = faultSeed == null
                ? new SandboxVendorsModule()
                : new UnreliableSandboxVendorsModule(FaultPlan.unreliable(faultSeed));
        Timeline timeline = json ? new JsonLinesTimeline(out) : new HumanTimeline(out, echoes);
        ReplacePolicy policy = replace ? ReplacePolicy.REPLACE : ReplacePolicy.REFUSE_DIFFERENT;
        if (store == null) {
            return ScenarioRunner.on(vendors, new InMemoryStoreModule())
                    .run(timeline, input, playable.get(), policy, "memory", err);
        }
        try (SqliteStore opened = SqliteStores.open(store, new JsonConfigurationCodec())) {
            Module durable = new DurableStoreModule(opened);
            return ScenarioRunner.on(vendors, durable)
                    .run(timeline, input, playable.get(), policy, opened.file().toString(), err);
        }
    }
}
