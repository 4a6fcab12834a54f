package io.omnisync.adapters.adminpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.adminpage.standin.AdminApiStandIn;
import org.junit.jupiter.api.Test;

/** Agents, live: the snapshot, then the stream; each agent's audit trail in plain words. */
class AgentsLiveTest extends BrowserTest {

    @Test
    void an_agents_status_changes_live_when_the_service_announces_it() {
        page.signedIn(AdminApiStandIn.TOKEN);
        assertThat(page.agentField("maria", "talkdesk")).isEqualTo("Available");
        assertThat(page.agentField("maria", "omni")).isEqualTo("Available for calls");
        assertThat(page.agentField("maria", "callPhase")).isEqualTo("No call");
        page.scrollTo(page.byId("agents-section"));
        page.shoot("the agents as the service knows them");

        standIn.agentChanged(
                "maria",
                "on_a_call",
                "On_a_Call",
                "on a call",
                "Talkdesk reported 'on_a_call': Omni-Channel set to 'On_a_Call'");

        page.awaitAgentField("maria", "talkdesk", "On a Call");
        assertThat(page.agentField("maria", "omni")).isEqualTo("On a Call");
        assertThat(page.agentField("maria", "callPhase")).isEqualTo("On a call");
        assertThat(standIn.requests())
                .filteredOn(request -> request.is("GET", "/api/agents"))
                .as("the change came on the stream, not from reloading the list")
                .hasSize(1);
        page.shoot("maria is on a call, without a reload");
    }

    @Test
    void selecting_an_agent_shows_her_audit_trail_in_plain_words_and_her_pending_commands() {
        page.signedIn(AdminApiStandIn.TOKEN);
        standIn.commandPending("joao", "omni", "Away", 2, "Omni-Channel console not connected");
        page.awaitAgentField("joao", "pendingCommands", "1");

        page.agentRow("joao")
                .findElement(org.openqa.selenium.By.tagName("button"))
                .click();

        page.awaitVisible("audit");
        page.await(driver -> !page.auditMessages().isEmpty());
        assertThat(page.byId("audit-title").getText()).isEqualTo("Audit trail — joao");
        assertThat(page.auditMessages())
                .containsExactly("Talkdesk 'away' noted; the 'Omni-Channel' toggle is off, so nothing is synced");
        assertThat(page.byId("pending-list").getText())
                .contains(
                        "Waiting to be delivered: Omni-Channel → Away (attempt 2, last error: Omni-Channel console not connected)");
        page.scrollTo(page.byId("audit"));
        page.shoot("joao's audit trail and pending command");

        standIn.agentChanged("joao", "available", "Available_for_Calls", "idle", "Talkdesk reported 'available'");

        page.await(driver -> page.auditMessages().size() == 2);
        assertThat(page.auditMessages()).as("newest first").first().isEqualTo("Talkdesk reported 'available'");
        page.shoot("the audit trail follows the change");
    }

    @Test
    void the_live_view_reconnects_after_the_stream_drops() {
        page.signedIn(AdminApiStandIn.TOKEN);
        page.await(driver -> standIn.openStreams() == 1);

        standIn.dropStreams();

        page.awaitText("connection", "Reconnecting");
        assertThat(page.byId("banner").isDisplayed())
                .as("a dropped stream is not an unreachable service")
                .isFalse();
        page.shoot("the stream dropped: reconnecting");
        page.await(driver ->
                standIn.openStreams() == 1 && page.byId("connection").getText().equals("Live"));
        assertThat(page.byId("banner").isDisplayed()).isFalse();
        standIn.agentChanged("ana", "away", "Offline", "idle", "Talkdesk reported 'away'");
        page.awaitAgentField("ana", "talkdesk", "Away");
        assertThat(standIn.requests())
                .filteredOn(request -> request.is("GET", "/api/stream"))
                .hasSize(2)
                .allSatisfy(
                        request -> assertThat(request.authorization()).isEqualTo("Bearer " + AdminApiStandIn.TOKEN));
        page.shoot("live again");
    }
}
