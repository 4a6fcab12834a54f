package io.omnisync.adapters.cli;

import io.omnisync.adapters.configjson.LoadedConfiguration;
import io.omnisync.domain.engine.Engine;
import io.omnisync.domain.engine.EngineState;
import io.omnisync.domain.sync.AgentDecision;
import io.vavr.collection.Seq;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plan --config C [--json]}: the dry run of activation; sends nothing. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "The dry run of turning Omni-Channel sync on: the commands activation would send for the "
                + "agents' statuses in the configuration, and why it leaves the others alone, sending nothing. "
                + "Exit 0, 1 invalid configuration, 2 unreadable input, 3 unexpected failure.")
final class PlanCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "C", description = "the configuration file (JSON)")
    private Path config;

    @Option(names = "--json", description = "one JSON object a line (command and skipped), as simulate --json")
    private boolean json;

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
        Seq<AgentDecision> plan = Engine.plan(EngineState.of(input.configuration()));
        if (json) {
            Timeline timeline = new JsonLinesTimeline(out);
            plan.forEach(decision -> timeline.facts(decision.facts()));
        } else {
            long changes =
                    plan.map(decision -> decision.commands().size()).sum().longValue();
            long alone = plan.count(decision -> decision.commands().isEmpty());
            out.printf(
                    "Turning Omni-Channel sync on now would make %d change%s and leave %d agent%s alone, each with the "
                            + "reason (Talkdesk wins where the two statuses disagree; nothing is sent):%n",
                    changes, changes == 1 ? "" : "s", alone, alone == 1 ? "" : "s");
            new HumanTimeline(out, false).facts(plan.flatMap(AgentDecision::facts));
        }
        out.flush();
        return ExitCode.OK;
    }
}
