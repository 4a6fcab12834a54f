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
import io.omnisync.domain.status.TalkdeskStatus;
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

    // ---- what Talkdesk routes ------------------------------------------------------------

    @Then("Talkdesk routes calls to {agent}")
    public void routesCalls(AgentId agent) {
        world.endEpisode();
        assertThat(talkdeskType(agent))
                .as("the type of %s's Talkdesk status (calls go to Available ones only)", world.agentName(agent))
                .isEqualTo(TalkdeskStatusType.AVAILABLE);
    }

    @Then("Talkdesk routes no calls to {agent}")
    public void routesNoCalls(AgentId agent) {
        world.endEpisode();
        assertThat(talkdeskType(agent))
                .as("the type of %s's Talkdesk status (calls go to Available ones only)", world.agentName(agent))
                .isNotEqualTo(TalkdeskStatusType.AVAILABLE);
    }

    private TalkdeskStatusType talkdeskType(AgentId agent) {
        world.ensureRunning();
        return agents.configuration()
                .talkdeskStatus(talkdesk.status(agent))
                .map(TalkdeskStatus::type)
                .getOrElseThrow(() -> new AssertionError(world.agentName(agent) + " is in Talkdesk status '"
                        + talkdesk.status(agent) + "', which the configuration does not have"));
    }
}
