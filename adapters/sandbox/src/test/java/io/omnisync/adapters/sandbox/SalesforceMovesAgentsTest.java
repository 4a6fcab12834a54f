package io.omnisync.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Salesforce moves agents by itself (SPEC 4.10 and 5): declined work and a push that timed out send
 * the agent to what her presence configuration names, a supervisor may set her status, and each
 * report says why; an admin may delete a status in either vendor after the configuration was
 * written, and the vendor then answers that it no longer knows it.
 */
class SalesforceMovesAgentsTest {

    private static final AgentId MARIA = AgentId.of("maria");
    private static final AgentId ANA = AgentId.of("ana");

    private final Configuration configuration = Configuration.validate(new ConfigurationDraft(
                    new ConfigurationDraft.Talkdesk(
                            List.of(new ConfigurationDraft.TalkdeskStatusDraft(
                                    "lunch", "Lunch", TalkdeskStatusType.AWAY)),
                            false),
                    new ConfigurationDraft.OmniChannel(
                            List.of(new ConfigurationDraft.ServiceChannelDraft("Chat", "Chat", true)),
                            List.of(
                                    new ConfigurationDraft.PresenceStatusDraft(
                                            "Chats", "Chats", PresenceOption.ONLINE, List.of("Chat")),
                                    new ConfigurationDraft.PresenceStatusDraft(
                                            "Declined", "Declined", PresenceOption.BUSY, List.empty()),
                                    new ConfigurationDraft.PresenceStatusDraft(
                                            "Timed_Out", "Timed out", PresenceOption.BUSY, List.empty())),
                            List.of(
                                    new ConfigurationDraft.AccessGrantDraft(
                                            "Agent", List.of("Chats", "Declined", "Timed_Out")),
                                    new ConfigurationDraft.AccessGrantDraft("Trainee", List.of("Chats"))),
                            List.empty(),
                            List.of(
                                    new ConfigurationDraft.PresenceConfigurationDraft(
                                            "Agents",
                                            2,
                                            List.of("Agent"),
                                            List.empty(),
                                            Option.some("Declined"),
                                            Option.some("Timed_Out")),
                                    new ConfigurationDraft.PresenceConfigurationDraft(
                                            "Trainees", 1, List.of("Trainee"), List.empty()))),
                    List.of(
                            new ConfigurationDraft.AgentDraft(
                                    "maria", "td-1", "005A", "Agent", List.empty(), "available", "Chats"),
                            new ConfigurationDraft.AgentDraft(
                                    "ana", "td-2", "005B", "Trainee", List.empty(), "available", "Chats")),
                    new ConfigurationDraft.Integration(
                            false, false, LinkedHashMap.empty(), LinkedHashMap.empty(), Option.none(), List.empty())))
            .get();

    private final VendorDeliveries deliveries = new VendorDeliveries(FaultPlan.NONE, new SimulationClock());
    private final SalesforceSandbox salesforce = new SalesforceSandbox(deliveries);
    private final TalkdeskSandbox talkdesk = new TalkdeskSandbox(deliveries);

    SalesforceMovesAgentsTest() {
        salesforce.reset(configuration);
        talkdesk.reset(configuration);
    }

    private java.util.List<AgentEvent.OmniStatusReported> reports() {
        java.util.List<AgentEvent.OmniStatusReported> reports = new ArrayList<>();
        for (Optional<AgentEvent> next = deliveries.next(); next.isPresent(); next = deliveries.next()) {
            reports.add((AgentEvent.OmniStatusReported) next.get());
        }
        return reports;
    }

    @Test
    void declined_work_sends_the_agent_to_her_status_on_decline_and_says_so() {
        assertThat(salesforce.workDeclined(MARIA, Optional.empty())).isEqualTo(SandboxAnswer.DONE);

        assertThat(salesforce.status(MARIA)).isEqualTo(PresenceStatusId.of("Declined"));
        assertThat(reports()).singleElement().satisfies(report -> {
            assertThat(report.status()).isEqualTo(PresenceStatusId.of("Declined"));
            assertThat(report.reason()).contains(OmniReason.DECLINE_WORK);
        });
    }

    @Test
    void a_push_that_times_out_sends_the_agent_to_her_status_on_push_timeout() {
        salesforce.pushTimedOut(MARIA, Optional.empty());

        assertThat(salesforce.status(MARIA)).isEqualTo(PresenceStatusId.of("Timed_Out"));
        assertThat(reports())
                .singleElement()
                .satisfies(report -> assertThat(report.reason()).contains(OmniReason.PUSH_TIMEOUT));
    }

    @Test
    void nothing_moves_when_her_presence_configuration_names_no_status_or_no_work_is_pushed() {
        assertThat(salesforce.pushTimedOut(ANA, Optional.empty()))
                .as("the trainees' configuration names none")
                .isInstanceOf(SandboxAnswer.Refused.class);
        salesforce.agentPicks(MARIA, OmniStatus.parse("Declined"), Optional.empty());
        reports();

        assertThat(salesforce.workDeclined(MARIA, Optional.empty()))
                .as("a Busy agent is pushed no work")
                .isInstanceOf(SandboxAnswer.Refused.class);
        assertThat(salesforce.status(ANA)).isEqualTo(PresenceStatusId.of("Chats"));
        assertThat(reports()).isEmpty();
    }

    @Test
    void a_supervisor_sets_a_granted_status_and_the_report_says_who() {
        assertThat(salesforce.statusChanged(
                        MARIA, OmniStatus.parse("Declined"), Optional.of(OmniReason.SUPERVISOR), Optional.empty()))
                .isEqualTo(SandboxAnswer.DONE);
        assertThat(salesforce.statusChanged(
                        ANA, OmniStatus.parse("Declined"), Optional.of(OmniReason.SUPERVISOR), Optional.empty()))
                .as("not granted to ana, whoever asks")
                .isInstanceOf(SandboxAnswer.Refused.class);

        assertThat(reports())
                .singleElement()
                .satisfies(report -> assertThat(report.reason()).contains(OmniReason.SUPERVISOR));
    }

    @Test
    void a_change_the_engine_made_is_reported_as_a_console_integrations_not_as_the_agents_pick() {
        salesforce.agentPicks(MARIA, OmniStatus.parse("Declined"), Optional.empty());
        salesforce.setPresenceStatus(CommandId.of(1), configuration.agent(MARIA).get(), PresenceStatusId.of("Chats"));

        assertThat(reports())
                .extracting(AgentEvent.OmniStatusReported::reason)
                .containsExactly(Option.none(), Option.some(OmniReason.TOOLKIT));
    }

    @Test
    void a_status_deleted_at_the_vendor_is_unknown_to_its_api() {
        salesforce.deleteStatus(PresenceStatusId.of("Declined"));
        talkdesk.deleteStatus(TalkdeskStatusId.of("lunch"));

        assertThat(salesforce.setPresenceStatus(
                        CommandId.of(1), configuration.agent(MARIA).get(), PresenceStatusId.of("Declined")))
                .isEqualTo(VendorAnswer.Refused.unknownStatus("Omni-Channel has no presence status 'Declined'"));
        assertThat(talkdesk.setAgentStatus(configuration.agent(MARIA).get(), TalkdeskStatusId.of("lunch")))
                .isEqualTo(VendorAnswer.Refused.unknownStatus("Talkdesk has no status 'lunch'"));
        assertThat(salesforce.setPresenceStatus(
                        CommandId.of(2), configuration.agent(ANA).get(), PresenceStatusId.of("Timed_Out")))
                .as("known, but not granted: another kind of refusal")
                .isEqualTo(new VendorAnswer.Refused("'Timed_Out' is not granted to ana by profile or permission set"));
        assertThat(salesforce.agentPicks(MARIA, OmniStatus.parse("Declined"), Optional.empty()))
                .isInstanceOf(SandboxAnswer.Refused.class);
    }

    @Test
    void an_agent_logged_out_of_the_widget_gets_no_work() {
        salesforce.agentPicks(MARIA, OmniStatus.OFFLINE, Optional.empty());

        assertThat(salesforce.workAccepted(MARIA, "Chat", Optional.empty())).isInstanceOf(SandboxAnswer.Refused.class);
        assertThat(salesforce.workloadChanged(MARIA, 1, Optional.empty())).isInstanceOf(SandboxAnswer.Refused.class);
    }
}
