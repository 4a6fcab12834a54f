package io.omnisync.adapters.cli;

import com.google.inject.Module;
import io.omnisync.adapters.configjson.LoadedConfiguration;
import io.omnisync.adapters.jdbc.StoreException;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.adapters.sandbox.FaultPlan;
import io.omnisync.adapters.sandbox.SandboxVendorsModule;
import io.omnisync.adapters.sandbox.UnreliableSandboxVendorsModule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulate --config C --scenario S [--json]}: a day of the contact center on the sandboxes. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Run a scenario (JSON Lines) on the vendor sandboxes and print what happened. "
                + "Exit 0 ran, 1 invalid configuration, 2 bad input.")
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
            description = "keep the engine's state in this SQLite file (created if missing); without it, in memory")
    private Path store;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var runnable = Inputs.runnable(config, err);
        if (runnable.isLeft()) {
            return runnable.getLeft();
        }
        LoadedConfiguration.Valid input = runnable.get();
        Timeline timeline = json ? new JsonLinesTimeline(out) : new HumanTimeline(out, echoes);
        SandboxVendorsModule vendors = faultSeed == null
                ? new SandboxVendorsModule()
                : new UnreliableSandboxVendorsModule(FaultPlan.unreliable(faultSeed));
        Module stores = store == null ? new InMemoryStoreModule() : new DurableStoreModule(store);
        try {
            ScenarioRunner runner = ScenarioRunner.on(vendors, stores);
            return runner.run(timeline, input, Inputs.readScenario(scenario), err);
        } catch (com.google.inject.ProvisionException | com.google.inject.CreationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            while (cause.getCause() != null && !(cause instanceof StoreException)) {
                cause = cause.getCause();
            }
            err.println(cause.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }
}
