package io.omnisync.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.adapters.sandbox.SandboxAnswer;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.status.TalkdeskStatusType;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Statuses in both systems: Omni-Channel's service channels and presence statuses (Online with
 * channels, or Busy), Talkdesk's custom statuses, and what each status lets through: work in
 * Omni-Channel, calls in Talkdesk.
 */
public class StatusSteps {

    private final World world;
    private final SalesforceSandbox salesforce;
    private final TalkdeskSandbox talkdesk;
    private final QueryAgents agents;

    @Inject
    public StatusSteps(World world, SalesforceSandbox salesforce, TalkdeskSandbox talkdesk, QueryAgents agents) {
        this.world = world;
        this.salesforce = salesforce;
        this.talkdesk = talkdesk;
        this.agents = agents;
    }

    @Given("the Omni-Channel service channels are:")
    public void serviceChannels(DataTable table) {
        for (Map<String, String> row : Tables.rows(table)) {
            world.sheetBeforeStart("service channels")
                    .addServiceChannel(Tables.cell(row, "service channel"), Tables.yes(row, "urgent"));
        }
    }

    @Given("the admin creates these presence statuses:")
    public void presenceStatuses(DataTable table) {
        for (Map<String, String> row : Tables.rows(table)) {
            world.sheetBeforeStart("presence statuses")
                    .addPresenceStatus(
                            Tables.cell(row, "status name"),
                            Tables.cell(row, "API name"),
                            PresenceOption.valueOf(
                                    Tables.cell(row, "status option").toUpperCase(Locale.ROOT)),
                            Tables.list(row, "service channels"));
        }
    }

    @Given("the admin creates these Talkdesk statuses:")
    public void talkdeskStatuses(DataTable table) {
        for (Map<String, String> row : Tables.rows(table)) {
            world.sheetBeforeStart("Talkdesk statuses")
                    .addTalkdeskStatus(
                            Tables.cell(row, "status"),
                            TalkdeskStatusType.valueOf(Tables.cell(row, "type").toUpperCase(Locale.ROOT)));
        }
    }

    @Given("the admin has not created the Talkdesk status {string}")
    public void notCreated(String status) {
        world.sheetBeforeStart("a missing Talkdesk status").removeTalkdeskStatus(status);
    }

    // ---- an admin changes a vendor after the configuration was saved ----------------------

    @When("the Talkdesk admin deletes the status {string} in Talkdesk")
    public void deletedInTalkdesk(String status) {
        String id = world.sheet().talkdeskId(status);
        world.run(() -> {
            talkdesk.deleteStatus(TalkdeskStatusId.of(id));
            return null;
        });
    }

    @When("the Salesforce admin deletes the presence status {string}")
    public void deletedInSalesforce(String status) {
        String apiName = world.sheet().omniName(status);
        world.run(() -> {
            salesforce.deleteStatus(PresenceStatusId.of(apiName));
            return null;
        });
    }

    // ---- what Omni-Channel routes --------------------------------------------------------

    @When("Omni-Channel has a {string} work item for {agent}")
    public void workItemFor(String channel, AgentId agent) {
        world.act(VendorSystem.OMNI, () -> salesforce.workAccepted(agent, channel, Optional.empty()));
    }

    @Then("{agent} gets the work item")
    public void getsTheWorkItem(AgentId agent) {
        world.endEpisode();
        assertThat(world.lastAnswer())
                .as("what Omni-Channel did with the work item for %s", world.agentName(agent))
                .contains(new World.Answered(VendorSystem.OMNI, SandboxAnswer.DONE));
    }

    @Then("{agent} does not get the work item")
    public void doesNotGetTheWorkItem(AgentId agent) {
        world.endEpisode();
        assertThat(world.lastAnswer().map(World.Answered::answer))
                .as("what Omni-Channel did with the work item for %s", world.agentName(agent))
                .containsInstanceOf(SandboxAnswer.Refused.class);
    }

    @Then("Omni-Channel routes no new work to {agent}, on any channel")
    public void routesNoWork(AgentId agent) {
        world.endEpisode();
        world.ensureRunning();
        assertThat(salesforce.isBusy(agent))
                .as("%s is Busy in Omni-Channel", world.agentName(agent))
                .isTrue();
        for (String channel : agents.configuration().serviceChannels().keySet()) {
            SandboxAnswer answer = salesforce.workAccepted(agent, channel, Optional.empty());
            world.settle();
            assertThat(answer)
                    .as("Omni-Channel routing a '%s' work item to %s", channel, world.agentName(agent))
                    .isInstanceOf(SandboxAnswer.Refused.class);
        }
    }

    // ---- what Talkdesk routes --------------------------------------------------------------

    /** Talkdesk offers her an incoming call: it rings only in a status of type Available. */
    @Then("a call Talkdesk offers {agent} rings")
    public void callRings(AgentId agent) {
        world.endEpisode();
        SandboxAnswer answer = offerCall(agent);
        assertThat(answer)
                .as("a call offered to %s, who is '%s' in Talkdesk", world.agentName(agent), talkdesk.status(agent))
                .isEqualTo(SandboxAnswer.DONE);
    }

    @Then("a call Talkdesk offers {agent} does not ring")
    public void callDoesNotRing(AgentId agent) {
        world.endEpisode();
        SandboxAnswer answer = offerCall(agent);
        assertThat(answer)
                .as("a call offered to %s, who is '%s' in Talkdesk", world.agentName(agent), talkdesk.status(agent))
                .isInstanceOf(SandboxAnswer.Refused.class);
    }

    private SandboxAnswer offerCall(AgentId agent) {
        world.ensureRunning();
        return talkdesk.offerCall(agent);
    }
}
