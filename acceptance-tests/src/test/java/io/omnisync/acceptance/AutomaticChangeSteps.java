package io.omnisync.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.settings.AutomaticChange;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.CommandFailure;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Salesforce moves agents by itself (SPEC 4.10): declined work and a push that times out send the
 * agent to what her presence configuration names, a supervisor sets her status; each report says
 * why, and the admin chooses, reason by reason, whether Omnisync syncs such a change or ignores it.
 * And when a vendor no longer knows a status (deleted or renamed there), Omnisync says so.
 */
public class AutomaticChangeSteps {

    private final World world;
    private final SalesforceSandbox salesforce;

    @Inject
    public AutomaticChangeSteps(World world, SalesforceSandbox salesforce) {
        this.world = world;
        this.salesforce = salesforce;
    }

    /** Talkdesk's Omni-Channel page: what Omnisync does with each reason Omni-Channel reports. */
    @Given("Omnisync handles Omni-Channel's automatic status changes like this:")
    public void automaticChanges(DataTable table) {
        for (Map<String, String> row : Tables.rows(table)) {
            world.sheet()
                    .automaticChange(
                            Tables.cell(row, "reason"),
                            AutomaticChange.valueOf(Tables.cell(row, "Omnisync").toUpperCase(Locale.ROOT)));
        }
    }

    @When("{agent} declines a work item Omni-Channel pushed to her")
    public void declines(AgentId agent) {
        world.act(VendorSystem.OMNI, () -> salesforce.workDeclined(agent, Optional.empty()));
    }

    @When("a work item Omni-Channel pushed to {agent} times out")
    public void pushTimesOut(AgentId agent) {
        world.act(VendorSystem.OMNI, () -> salesforce.pushTimedOut(agent, Optional.empty()));
    }

    @When("a supervisor sets {agent} to {string} in Omni-Channel")
    public void supervisorSets(AgentId agent, String status) {
        String name = world.sheet().omniName(status);
        world.act(
                VendorSystem.OMNI,
                () -> salesforce.statusChanged(
                        agent,
                        OmniStatus.parse(name),
                        Optional.of(OmniReason.SUPERVISOR),
                        world.eventFor(agent, VendorSystem.OMNI, name)));
    }

    /**
     * Every fact about the agent's Omni-Channel report carries the reason Omni-Channel gave (the
     * facts about Talkdesk's reports, such as the echo of the change Omnisync made there, do not).
     */
    @Then("what Omnisync recorded about {agent}'s Omni-Channel change says {string}")
    public void recordedReason(AgentId agent, String reason) {
        world.endEpisode();
        Seq<Fact> aboutOmni = world.episode()
                .filter(fact -> fact.about().contains(agent))
                .reject(fact -> fact instanceof Fact.Skipped skipped && skipped.system() == VendorSystem.TALKDESK)
                .reject(fact ->
                        fact instanceof Fact.Synced synced && synced.command().system() == VendorSystem.OMNI);
        assertThat(aboutOmni.toJavaList())
                .as("what Omnisync recorded about %s's Omni-Channel change", world.agentName(agent))
                .isNotEmpty()
                .allSatisfy(fact -> assertThat(
                                fact.omniReason().map(OmniReason::wireName).toJavaOptional())
                        .as("the reason on %s", fact)
                        .contains(reason));
    }

    @Then("Omnisync could not set {agent} to {string} in {system}, because it no longer knows that status")
    public void unknownAtVendor(AgentId agent, String status, VendorSystem system) {
        world.endEpisode();
        String expected = system == VendorSystem.TALKDESK
                ? world.sheet().talkdeskId(status)
                : world.sheet().omniName(status);
        Seq<Fact.CommandFailed> failed = world.episode()
                .filter(Fact.CommandFailed.class::isInstance)
                .map(Fact.CommandFailed.class::cast)
                .filter(fact -> fact.command().agent().equals(agent));
        assertThat(failed.exists(fact -> fact.failure() == CommandFailure.UNKNOWN_AT_VENDOR
                        && fact.command().system() == system
                        && fact.command().statusName().equals(expected)))
                .as(
                        "Omnisync recorded that %s no longer knows '%s'; it recorded: %s",
                        system == VendorSystem.TALKDESK ? "Talkdesk" : "Omni-Channel",
                        status,
                        failed.map(fact -> fact.failure() + " " + describe(fact.command()) + " (" + fact.reason() + ")")
                                .mkString("; "))
                .isTrue();
    }

    private static String describe(Command command) {
        return command.system().wireName() + " " + command.statusName();
    }
}
