package io.omnisync.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.adapters.sandbox.SandboxAnswer;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * An agent's presence in each system: what they pick in Talkdesk and in the Omni-Channel widget,
 * and what each system shows them afterwards (read from the vendors, not from Omnisync).
 */
public class PresenceSteps {

    private final World world;
    private final TalkdeskSandbox talkdesk;
    private final SalesforceSandbox salesforce;

    @Inject
    public PresenceSteps(World world, TalkdeskSandbox talkdesk, SalesforceSandbox salesforce) {
        this.world = world;
        this.talkdesk = talkdesk;
        this.salesforce = salesforce;
    }

    @When("{agent} picks {string} in Talkdesk")
    public void picksInTalkdesk(AgentId agent, String status) {
        String id = world.sheet().talkdeskId(status);
        world.act(
                VendorSystem.TALKDESK,
                () -> talkdesk.agentPicks(
                        agent, TalkdeskStatusId.of(id), world.eventFor(agent, VendorSystem.TALKDESK, id)));
    }

    @When("{agent} picks {string} in the Omni-Channel widget")
    public void picksInWidget(AgentId agent, String status) {
        String name = world.sheet().omniName(status);
        world.act(
                VendorSystem.OMNI,
                () -> salesforce.agentPicks(
                        agent, OmniStatus.parse(name), world.eventFor(agent, VendorSystem.OMNI, name)));
    }

    @When("{agent} logs out of the Omni-Channel widget")
    public void logsOut(AgentId agent) {
        world.act(
                VendorSystem.OMNI,
                () -> salesforce.agentPicks(
                        agent, OmniStatus.OFFLINE, world.eventFor(agent, VendorSystem.OMNI, OmniStatus.OFFLINE_NAME)));
    }

    @Then("{agent} is {string} in {system}")
    public void isIn(AgentId agent, String status, VendorSystem system) {
        world.endEpisode();
        assertStatus(agent, system, status);
    }

    /** Still: she is there, and no change of Omnisync's moved her in the meantime (a flap that came back is no "still"). */
    @Then("{agent} is still {string} in {system}")
    public void isStillIn(AgentId agent, String status, VendorSystem system) {
        world.endEpisode();
        assertStatus(agent, system, status);
        assertNotMoved(agent, system);
    }

    @Then("{agent} is {string} in Talkdesk and {string} in Omni-Channel")
    public void isInBoth(AgentId agent, String talkdeskStatus, String omniStatus) {
        world.endEpisode();
        assertStatus(agent, VendorSystem.TALKDESK, talkdeskStatus);
        assertStatus(agent, VendorSystem.OMNI, omniStatus);
    }

    @Then("{agent} is still {string} in Talkdesk and {string} in Omni-Channel")
    public void isStillInBoth(AgentId agent, String talkdeskStatus, String omniStatus) {
        isInBoth(agent, talkdeskStatus, omniStatus);
        assertNotMoved(agent, VendorSystem.TALKDESK);
        assertNotMoved(agent, VendorSystem.OMNI);
    }

    @Then("{agent} is {string} in Omni-Channel and {string} in Talkdesk")
    public void isInBothOmniFirst(AgentId agent, String omniStatus, String talkdeskStatus) {
        isInBoth(agent, talkdeskStatus, omniStatus);
    }

    @Then("{agent} is (still )logged in to Omni-Channel")
    public void loggedIn(AgentId agent) {
        world.endEpisode();
        world.ensureRunning();
        assertThat(salesforce.status(agent).isOffline())
                .as(
                        "%s is logged out of Omni-Channel (%s)",
                        world.agentName(agent), shownName(agent, VendorSystem.OMNI))
                .isFalse();
    }

    @Then("the agents' statuses are:")
    public void statuses(DataTable table) {
        world.endEpisode();
        for (Map<String, String> row : Tables.rows(table)) {
            AgentId agent = AgentId.of(ConfigurationSheet.agentId(Tables.cell(row, "agent")));
            isInBoth(agent, Tables.cell(row, "Talkdesk"), Tables.cell(row, "Omni-Channel"));
        }
    }

    @Then("{system} refuses it")
    public void refuses(VendorSystem system) {
        world.endEpisode();
        String vendor = system == VendorSystem.TALKDESK ? "Talkdesk" : "Salesforce";
        World.Answered last =
                world.lastAnswer().orElseThrow(() -> new AssertionError("nobody tried anything in " + vendor + " yet"));
        assertThat(last.vendor()).as("the vendor that answered last").isEqualTo(system);
        assertThat(last.answer()).as("what %s answered", vendor).isInstanceOf(SandboxAnswer.Refused.class);
    }

    private void assertNotMoved(AgentId agent, VendorSystem system) {
        Seq<Command> moves = world.episode()
                .filter(Fact.Synced.class::isInstance)
                .map(fact -> ((Fact.Synced) fact).command())
                .filter(command -> command.agent().equals(agent) && command.system() == system);
        assertThat(moves.toJavaList())
                .as("the changes Omnisync sent to move %s in %s meanwhile", world.agentName(agent), name(system))
                .isEmpty();
    }

    private void assertStatus(AgentId agent, VendorSystem system, String status) {
        world.ensureRunning();
        assertThat(shown(agent, system))
                .as("%s's status in %s (shown as '%s')", world.agentName(agent), name(system), shownName(agent, system))
                .isEqualTo(expected(system, status));
    }

    private String expected(VendorSystem system, String status) {
        return system == VendorSystem.TALKDESK
                ? world.sheet().talkdeskId(status)
                : world.sheet().omniName(status);
    }

    private String shown(AgentId agent, VendorSystem system) {
        return system == VendorSystem.TALKDESK
                ? talkdesk.status(agent).value()
                : salesforce.status(agent).wireName();
    }

    private String shownName(AgentId agent, VendorSystem system) {
        String shown = shown(agent, system);
        return system == VendorSystem.TALKDESK
                ? world.sheet().talkdeskName(shown)
                : world.sheet().omniLabel(shown);
    }

    private static String name(VendorSystem system) {
        return system == VendorSystem.TALKDESK ? "Talkdesk" : "Omni-Channel";
    }
}
