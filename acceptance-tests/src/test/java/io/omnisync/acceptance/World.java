package io.omnisync.acceptance;

import io.cucumber.guice.ScenarioScoped;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.adapters.sandbox.SandboxAnswer;
import io.omnisync.adapters.sandbox.Simulation;
import io.omnisync.adapters.sandbox.SimulationClock;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.admin.LoadResult;
import io.omnisync.application.admin.SettingsResult;
import io.omnisync.application.audit.AuditEntry;
import io.omnisync.application.audit.AuditTrail;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One scenario's world: the configuration the admin is filling in, the contact center it runs
 * in once saved, and what the scenario needs to remember between steps (the vendors' last
 * answer, the webhooks agents' actions produced, which facts of the audit trail the current
 * steps produced).
 * <p>
 * Every action runs to quiet: the vendor takes the action and reports it, the engine decides,
 * commands go out, the vendors report them back, until nothing is left to deliver. Facts are
 * read per episode: the actions since the last assertion.
 */
@ScenarioScoped
final class World {

    /** What a vendor answered to what an agent or Omni-Channel's routing tried. */
    record Answered(VendorSystem vendor, SandboxAnswer answer) {}

    /** A webhook an agent's action made, so that a vendor can deliver it again. */
    record Delivered(AgentId agent, VendorSystem system, String status, String eventId) {}

    private final ConfigurationSheet sheet = new ConfigurationSheet();
    private final TalkdeskSandbox talkdesk;
    private final SalesforceSandbox salesforce;
    private final Simulation simulation;
    private final SimulationClock clock;
    private final LoadConfiguration configurations;
    private final AuditTrail auditTrail;

    private final List<Delivered> delivered = new ArrayList<>();
    private boolean running;
    private Optional<LoadResult> lastSave = Optional.empty();
    private Optional<Answered> lastAnswer = Optional.empty();
    private Optional<SettingsResult> lastChange = Optional.empty();
    private Optional<Seq<AgentDecision>> preview = Optional.empty();
    private int episodeStart;
    private boolean episodeOpen;
    private int eventIds;

    @Inject
    World(
            TalkdeskSandbox talkdesk,
            SalesforceSandbox salesforce,
            Simulation simulation,
            SimulationClock clock,
            LoadConfiguration configurations,
            AuditTrail auditTrail) {
        this.talkdesk = talkdesk;
        this.salesforce = salesforce;
        this.simulation = simulation;
        this.clock = clock;
        this.configurations = configurations;
        this.auditTrail = auditTrail;
    }

    ConfigurationSheet sheet() {
        return sheet;
    }

    /** For steps that describe how things were before the integration runs. */
    ConfigurationSheet sheetBeforeStart(String what) {
        if (running) {
            throw new IllegalStateException("'" + what + "' describes the setup, but the integration is already "
                    + "running; say what the admin or the agent does instead");
        }
        return sheet;
    }

    SimulationClock clock() {
        return clock;
    }

    // ---- saving and starting -------------------------------------------------------------

    /** Save the configuration on the screens: it is validated whole, and applied whole or rejected. */
    LoadResult save() {
        beginEpisode();
        LoadResult result;
        if (running) {
            result = configurations.load(sheet.draft());
            if (result instanceof LoadResult.Applied applied) {
                // the admin changed the vendors' screens too: they learn new agents and rules, and keep the rest
                simulation.configurationChanged(applied.configuration());
            }
        } else {
            // the sandboxes start where the configuration says the agents are, as the vendors would be
            Configuration.validate(sheet.draft()).forEach(valid -> {
                talkdesk.reset(valid);
                salesforce.reset(valid);
            });
            result = configurations.load(sheet.draft());
            running = result instanceof LoadResult.Applied;
        }
        lastSave = Optional.of(result);
        settle();
        return result;
    }

    /** The integration runs with what the scenario set up; a setup the engine rejects fails the scenario. */
    void ensureRunning() {
        if (running) {
            return;
        }
        LoadResult result = save();
        episodeOpen = false; // starting is the setup, not part of what the next step does
        if (result instanceof LoadResult.Rejected rejected) {
            throw new AssertionError("the configuration this scenario sets up is rejected:\n  "
                    + rejected.problems().map(Problem::toString).mkString("\n  "));
        }
    }

    Optional<LoadResult> lastSave() {
        return lastSave;
    }

    // ---- acting --------------------------------------------------------------------------

    /** An agent acts in {@code vendor} (or the vendor does); the contact center then runs until it is quiet. */
    SandboxAnswer act(VendorSystem vendor, Supplier<SandboxAnswer> action) {
        ensureRunning();
        beginEpisode();
        SandboxAnswer answer = action.get();
        lastAnswer = Optional.of(new Answered(vendor, answer));
        settle();
        return answer;
    }

    /** Something happens that is not a vendor's answer (an admin's switch, a late webhook). */
    <T> T run(Supplier<T> action) {
        ensureRunning();
        beginEpisode();
        T result = action.get();
        settle();
        return result;
    }

    Optional<Answered> lastAnswer() {
        return lastAnswer;
    }

    /** What became of the admin's latest switch. */
    void lastChange(SettingsResult result) {
        lastChange = Optional.of(result);
    }

    Optional<SettingsResult> lastChange() {
        return lastChange;
    }

    /** The dry run of the activation the admin asked for. */
    void preview(Seq<AgentDecision> decisions) {
        preview = Optional.of(decisions);
    }

    Optional<Seq<AgentDecision>> preview() {
        return preview;
    }

    /** A vendor event id of our own for an agent's action, remembered so it can be delivered again. */
    Optional<String> eventFor(AgentId agent, VendorSystem system, String status) {
        eventIds++;
        String id = agent + "@" + system.wireName() + "#" + eventIds;
        delivered.add(new Delivered(agent, system, status, id));
        return Optional.of(id);
    }

    /** The latest webhook of that agent's change to that status in that system. */
    Delivered deliveredBefore(AgentId agent, VendorSystem system, String status) {
        for (int i = delivered.size() - 1; i >= 0; i--) {
            Delivered event = delivered.get(i);
            if (event.agent().equals(agent)
                    && event.system() == system
                    && event.status().equals(status)) {
                return event;
            }
        }
        throw new AssertionError(system + " never reported a change of " + agent + " to '" + status + "'");
    }

    void settle() {
        simulation.runUntilQuiet();
    }

    // ---- the audit trail -------------------------------------------------------------------

    /** The facts recorded since the first action after the previous assertion. */
    Seq<Fact> episode() {
        ensureRunning();
        episodeOpen = false;
        return facts().drop(episodeStart);
    }

    /** An assertion was made: the next action starts a new episode. */
    void endEpisode() {
        episodeOpen = false;
    }

    private Seq<Fact> facts() {
        return auditTrail.recent(Integer.MAX_VALUE).map(AuditEntry::fact);
    }

    private void beginEpisode() {
        if (!episodeOpen) {
            episodeStart = facts().size();
            episodeOpen = true;
        }
    }

    // ---- names -----------------------------------------------------------------------------

    String agentName(AgentId agent) {
        return sheet.knownAgent(agent.value()).map(row -> row.name).orElse(agent.value());
    }
}
