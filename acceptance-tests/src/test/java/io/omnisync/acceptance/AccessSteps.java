package io.omnisync.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.status.OmniStatus;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Who may use what: the agents, the profiles and permission sets that grant them presence
 * statuses, and the presence configurations that give them their capacity.
 */
public class AccessSteps {

    private final World world;
    private final QueryAgents agents;
    private final SalesforceSandbox salesforce;

    @Inject
    public AccessSteps(World world, QueryAgents agents, SalesforceSandbox salesforce) {
        this.world = world;
        this.agents = agents;
        this.salesforce = salesforce;
    }

    @Given("the profiles give access to these presence statuses:")
    public void profiles(DataTable table) {
        for (Map<String, String> row : Tables.rows(table)) {
            world.sheetBeforeStart("profiles")
                    .grantByProfile(Tables.cell(row, "profile"), Tables.list(row, "presence statuses"));
        }
    }

    @Given("the permission sets give access to these presence statuses:")
    public void permissionSets(DataTable table) {
        for (Map<String, String> row : Tables.rows(table)) {
            world.sheetBeforeStart("permission sets")
                    .grantByPermissionSet(Tables.cell(row, "permission set"), Tables.list(row, "presence statuses"));
        }
    }

    @Given("the presence configurations are:")
    public void presenceConfigurations(DataTable table) {
        for (Map<String, String> row : Tables.rows(table)) {
            world.sheetBeforeStart("presence configurations")
                    .addPresenceConfiguration(
                            Tables.cell(row, "presence configuration"),
                            Integer.parseInt(Tables.cell(row, "capacity")),
                            Tables.list(row, "profiles"),
                            Tables.list(row, "users"),
                            Tables.cell(row, "status on decline"),
                            Tables.cell(row, "status on push timeout"));
        }
    }

    @Given("these agents use the integration:")
    public void agents(DataTable table) {
        fillIn(world.sheetBeforeStart("agents"), table);
    }

    /** The admin adds agents while the integration runs (on the vendors' screens too); saving applies it. */
    @When("the admin adds these agents to the integration:")
    public void addsAgents(DataTable table) {
        world.ensureRunning();
        fillIn(world.sheet(), table);
    }

    private static void fillIn(ConfigurationSheet sheet, DataTable table) {
        for (Map<String, String> row : Tables.rows(table)) {
            ConfigurationSheet.AgentRow agent = sheet.agent(Tables.cell(row, "agent"));
            agent.profile = Tables.cell(row, "profile");
            agent.permissionSets = new java.util.ArrayList<>(Tables.list(row, "permission sets"));
            if (!Tables.cell(row, "Talkdesk").isEmpty()) {
                agent.talkdeskStatus = sheet.talkdeskId(Tables.cell(row, "Talkdesk"));
            }
            if (!Tables.cell(row, "Omni-Channel").isEmpty()) {
                agent.omniStatus = sheet.omniName(Tables.cell(row, "Omni-Channel"));
            }
        }
    }

    /** While the integration runs: the admin grants a status through a permission set (saving applies it). */
    @When("the admin gives the permission set {string} access to {string}")
    public void grants(String permissionSet, String status) {
        world.ensureRunning();
        world.sheet().alsoGrantByPermissionSet(permissionSet, status);
    }

    @Given("{agent} also has the permission set {string}")
    public void alsoHasPermissionSet(AgentId agent, String permissionSet) {
        row(agent, "a permission set").permissionSets.add(permissionSet);
    }

    @Given("{agent} starts as {string} in Talkdesk and {string} in Omni-Channel")
    public void startsAs(AgentId agent, String talkdeskStatus, String omniStatus) {
        ConfigurationSheet.AgentRow row = row(agent, "where an agent starts");
        row.talkdeskStatus = world.sheet().talkdeskId(talkdeskStatus);
        row.omniStatus = world.sheet().omniName(omniStatus);
    }

    @Given("{agent} starts as {string} in Talkdesk")
    public void startsInTalkdesk(AgentId agent, String status) {
        row(agent, "where an agent starts").talkdeskStatus = world.sheet().talkdeskId(status);
    }

    @Given("{agent} starts as {string} in Omni-Channel")
    public void startsInOmniChannel(AgentId agent, String status) {
        row(agent, "where an agent starts").omniStatus = world.sheet().omniName(status);
    }

    @Given("{agent} starts logged out of Omni-Channel")
    public void startsLoggedOut(AgentId agent) {
        row(agent, "where an agent starts").omniStatus = OmniStatus.OFFLINE_NAME;
    }

    @Then("{agent}'s Omni-Channel capacity is {int}")
    public void capacity(AgentId agent, int capacity) {
        world.endEpisode();
        world.ensureRunning();
        Agent configured = agents.configuration()
                .agent(agent)
                .getOrElseThrow(() -> new AssertionError("no agent " + world.agentName(agent)));
        assertThat(configured.capacity().toJavaOptional())
                .as("%s's capacity", world.agentName(agent))
                .contains(capacity);
    }

    @Then("{agent} has {int} unit(s) of Omni-Channel work")
    public void workload(AgentId agent, int units) {
        world.endEpisode();
        world.ensureRunning();
        assertThat(salesforce.workload(agent))
                .as("%s's Omni-Channel workload", world.agentName(agent))
                .isEqualTo(units);
    }

    private ConfigurationSheet.AgentRow row(AgentId agent, String what) {
        world.sheetBeforeStart(what);
        return world.sheet()
                .knownAgent(agent.value())
                .orElseThrow(() -> new IllegalArgumentException("the scenario set up no agent '" + agent + "'"));
    }
}
