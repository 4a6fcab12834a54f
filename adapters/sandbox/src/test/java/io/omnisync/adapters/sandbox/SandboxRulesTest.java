package io.omnisync.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sandboxes keep the vendors' own rules (SPEC section 5) and report every change back. */
class SandboxRulesTest {

    private static final AgentId MARIA = AgentId.of("maria");
    private static final CommandId COMMAND = CommandId.of(1);

    private final Configuration configuration = Configuration.validate(new ConfigurationDraft(
                    new ConfigurationDraft.Talkdesk(
                            List.of(new ConfigurationDraft.TalkdeskStatusDraft(
                                    "lunch", "Lunch", TalkdeskStatusType.AWAY)),
                            true),
                    new ConfigurationDraft.OmniChannel(
                            List.of(
                                    new ConfigurationDraft.ServiceChannelDraft("Phone", "Phone", true),
                                    new ConfigurationDraft.ServiceChannelDraft("Chat", "Chat", true)),
                            List.of(
                                    new ConfigurationDraft.PresenceStatusDraft(
                                            "Calls", "Calls", PresenceOption.ONLINE, List.of("Phone")),
                                    new ConfigurationDraft.PresenceStatusDraft(
                                            "Chats", "Chats", PresenceOption.ONLINE, List.of("Chat")),
                                    new ConfigurationDraft.PresenceStatusDraft(
                                            "Busy", "Busy", PresenceOption.BUSY, List.empty())),
                            List.of(new ConfigurationDraft.AccessGrantDraft("Agent", List.of("Calls", "Busy"))),
                            List.empty(),
                            List.of(new ConfigurationDraft.PresenceConfigurationDraft(
                                    "Default", 2, List.of("Agent"), List.empty()))),
                    List.of(new ConfigurationDraft.AgentDraft(
                            "maria", "td-1", "005A", "Agent", List.empty(), "available", "Calls")),
                    new ConfigurationDraft.Integration(
                            false, false, LinkedHashMap.empty(), LinkedHashMap.empty(), Option.none(), List.empty())))
            .get();

    private final SimulationClock clock = new SimulationClock();
    private final VendorDeliveries deliveries = new VendorDeliveries(FaultPlan.NONE, clock);
    private final TalkdeskSandbox talkdesk = new TalkdeskSandbox(deliveries);
    private final SalesforceSandbox salesforce = new SalesforceSandbox(deliveries);
    private final Agent maria = configuration.agent(MARIA).get();

    SandboxRulesTest() {
        talkdesk.reset(configuration);
        salesforce.reset(configuration);
    }

    private java.util.List<AgentEvent> reports() {
        java.util.List<AgentEvent> reports = new ArrayList<>();
        for (Optional<AgentEvent> next = deliveries.next(); next.isPresent(); next = deliveries.next()) {
            reports.add(next.get());
        }
        return reports;
    }

    @Test
    void talkdesk_runs_the_call_lifecycle() {
        talkdesk.answerCall(MARIA, Optional.empty());
        assertThat(talkdesk.status(MARIA)).isEqualTo(TalkdeskStatusId.ON_A_CALL);
        talkdesk.hangUp(MARIA, Optional.empty());
        assertThat(talkdesk.status(MARIA)).isEqualTo(TalkdeskStatusId.AFTER_CALL_WORK);
        talkdesk.endWrapUp(MARIA, Optional.of(TalkdeskStatusId.of("lunch")), Optional.empty());

        assertThat(talkdesk.status(MARIA))
                .as("Next agent status is on in this account")
                .isEqualTo(TalkdeskStatusId.of("lunch"));
        assertThat(reports()).hasSize(3);
    }

    @Test
    void without_next_agent_status_wrap_up_ends_available() {
        talkdesk.setNextAgentStatus(false);
        talkdesk.answerCall(MARIA, Optional.empty());
        talkdesk.hangUp(MARIA, Optional.empty());
        talkdesk.endWrapUp(MARIA, Optional.of(TalkdeskStatusId.of("lunch")), Optional.empty());

        assertThat(talkdesk.status(MARIA)).isEqualTo(TalkdeskStatusId.AVAILABLE);
    }

    @Test
    void talkdesk_refuses_call_statuses_from_the_api_and_from_the_agent() {
        assertThat(talkdesk.setAgentStatus(maria, TalkdeskStatusId.ON_A_CALL)).isInstanceOf(VendorAnswer.Refused.class);
        assertThat(talkdesk.setAgentStatus(maria, TalkdeskStatusId.AFTER_CALL_WORK))
                .isInstanceOf(VendorAnswer.Refused.class);
        assertThat(talkdesk.agentPicks(MARIA, TalkdeskStatusId.ON_A_CALL, Optional.empty()))
                .isInstanceOf(SandboxAnswer.Refused.class);
        assertThat(talkdesk.agentPicks(MARIA, TalkdeskStatusId.AFTER_CALL_WORK, Optional.empty()))
                .isInstanceOf(SandboxAnswer.Refused.class);
        assertThat(talkdesk.status(MARIA)).isEqualTo(TalkdeskStatusId.AVAILABLE);
        assertThat(reports()).isEmpty();
    }

    @Test
    void talkdesk_rings_only_agents_in_a_status_of_type_available() {
        assertThat(talkdesk.offerCall(MARIA)).isEqualTo(SandboxAnswer.DONE);
        talkdesk.agentPicks(MARIA, TalkdeskStatusId.of("lunch"), Optional.empty());

        assertThat(talkdesk.offerCall(MARIA))
                .isEqualTo(new SandboxAnswer.Refused("Talkdesk routes no call to maria in 'lunch' (AWAY)"));
        assertThat(talkdesk.status(MARIA)).as("an offer changes nothing").isEqualTo(TalkdeskStatusId.of("lunch"));
    }

    @Test
    void a_configuration_adopted_while_running_keeps_agents_where_they_are_and_adds_new_ones_as_configured() {
        Configuration withAna = Configuration.validate(new ConfigurationDraft(
                        configuration.draft().talkdesk(),
                        configuration.draft().omniChannel(),
                        configuration
                                .draft()
                                .agents()
                                .append(new ConfigurationDraft.AgentDraft(
                                        "ana", "td-2", "005B", "Agent", List.empty(), "lunch", "Busy")),
                        configuration.draft().integration()))
                .get();
        talkdesk.agentPicks(MARIA, TalkdeskStatusId.of("lunch"), Optional.empty());
        salesforce.agentPicks(MARIA, OmniStatus.parse("Busy"), Optional.empty());
        talkdesk.deleteStatus(TalkdeskStatusId.of("lunch"));
        reports();

        talkdesk.adopt(withAna);
        salesforce.adopt(withAna);

        assertThat(talkdesk.status(MARIA)).isEqualTo(TalkdeskStatusId.of("lunch"));
        assertThat(salesforce.status(MARIA)).isEqualTo(PresenceStatusId.of("Busy"));
        assertThat(talkdesk.status(AgentId.of("ana"))).isEqualTo(TalkdeskStatusId.of("lunch"));
        assertThat(salesforce.status(AgentId.of("ana"))).isEqualTo(PresenceStatusId.of("Busy"));
        assertThat(talkdesk.setAgentStatus(maria, TalkdeskStatusId.of("lunch")))
                .as("still deleted at Talkdesk")
                .isEqualTo(VendorAnswer.Refused.unknownStatus("Talkdesk has no status 'lunch'"));
        assertThat(reports()).as("nobody's status changed").isEmpty();
    }

    @Test
    void talkdesk_does_not_change_an_agent_on_a_call() {
        talkdesk.answerCall(MARIA, Optional.empty());

        assertThat(talkdesk.setAgentStatus(maria, TalkdeskStatusId.AWAY)).isInstanceOf(VendorAnswer.Refused.class);
        assertThat(talkdesk.status(MARIA)).isEqualTo(TalkdeskStatusId.ON_A_CALL);
    }

    @Test
    void salesforce_refuses_a_presence_status_the_agent_is_not_granted() {
        assertThat(salesforce.setPresenceStatus(COMMAND, maria, PresenceStatusId.of("Chats")))
                .isInstanceOf(VendorAnswer.Refused.class);
        assertThat(salesforce.agentPicks(MARIA, OmniStatus.parse("Chats"), Optional.empty()))
                .isInstanceOf(SandboxAnswer.Refused.class);
        assertThat(salesforce.status(MARIA)).isEqualTo(PresenceStatusId.of("Calls"));
    }

    @Test
    void salesforce_routes_no_work_to_busy_agents_and_only_on_served_channels() {
        assertThat(salesforce.workAccepted(MARIA, "Phone", Optional.empty())).isEqualTo(SandboxAnswer.DONE);
        assertThat(salesforce.workAccepted(MARIA, "Chat", Optional.empty())).isInstanceOf(SandboxAnswer.Refused.class);
        salesforce.agentPicks(MARIA, OmniStatus.parse("Busy"), Optional.empty());

        assertThat(salesforce.isBusy(MARIA)).isTrue();
        assertThat(salesforce.workAccepted(MARIA, "Phone", Optional.empty())).isInstanceOf(SandboxAnswer.Refused.class);
    }

    @Test
    void salesforce_keeps_workload_within_capacity() {
        assertThat(salesforce.workloadChanged(MARIA, 2, Optional.empty())).isEqualTo(SandboxAnswer.DONE);
        assertThat(salesforce.workloadChanged(MARIA, 3, Optional.empty())).isInstanceOf(SandboxAnswer.Refused.class);
        assertThat(salesforce.workload(MARIA)).isEqualTo(2);
    }

    @Test
    void both_report_the_engines_own_changes_back() {
        talkdesk.setAgentStatus(maria, TalkdeskStatusId.of("lunch"));
        salesforce.setPresenceStatus(COMMAND, maria, PresenceStatusId.of("Busy"));

        assertThat(reports())
                .extracting(AgentEvent::system)
                .extracting(Enum::name)
                .containsExactly("TALKDESK", "OMNI");
    }

    @Test
    void a_line_with_a_seen_id_is_redelivered_without_changing_the_vendor_again() {
        talkdesk.agentPicks(MARIA, TalkdeskStatusId.of("lunch"), Optional.of("td-7"));
        talkdesk.agentPicks(MARIA, TalkdeskStatusId.AWAY, Optional.empty());
        talkdesk.agentPicks(MARIA, TalkdeskStatusId.of("lunch"), Optional.of("td-7"));

        var reports = reports();
        assertThat(talkdesk.status(MARIA)).isEqualTo(TalkdeskStatusId.AWAY);
        assertThat(reports).hasSize(3);
        assertThat(reports.get(2)).isEqualTo(reports.get(0));
    }

    @Test
    void report_times_never_go_backwards_even_when_the_clock_stands_still() {
        talkdesk.agentPicks(MARIA, TalkdeskStatusId.AWAY, Optional.empty());
        talkdesk.agentPicks(MARIA, TalkdeskStatusId.AVAILABLE, Optional.empty());

        var reports = reports();
        assertThat(reports.get(1).at()).isAfter(reports.get(0).at());
    }

    @Test
    void an_unreliable_vendor_fails_some_calls_reproducibly_for_a_seed() {
        VendorDeliveries flaky = new VendorDeliveries(new FaultPlan(0.5, 0, 0, 0, 3), clock);
        SalesforceSandbox unreliable = new SalesforceSandbox(flaky);
        unreliable.reset(configuration);
        int failures = 0;
        for (int i = 0; i < 40; i++) {
            try {
                unreliable.setPresenceStatus(COMMAND, maria, PresenceStatusId.of(i % 2 == 0 ? "Busy" : "Calls"));
            } catch (VendorUnavailableException e) {
                failures++;
            }
        }
        assertThat(failures).isBetween(8, 32);
        assertThatThrownBy(() -> new FaultPlan(1.0, 0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicated_and_delayed_reports_are_all_delivered_in_the_end() {
        VendorDeliveries messy = new VendorDeliveries(new FaultPlan(0, 0.5, 0.5, 0.5, 11), clock);
        TalkdeskSandbox sandbox = new TalkdeskSandbox(messy);
        sandbox.reset(configuration);
        for (int i = 0; i < 20; i++) {
            sandbox.agentPicks(
                    MARIA, i % 2 == 0 ? TalkdeskStatusId.AWAY : TalkdeskStatusId.AVAILABLE, Optional.empty());
        }
        java.util.Set<String> delivered = new java.util.HashSet<>();
        int count = 0;
        for (Optional<AgentEvent> next = messy.next(); next.isPresent(); next = messy.next()) {
            delivered.add(next.get().id().value());
            count++;
        }
        assertThat(delivered).hasSize(20);
        assertThat(count).isGreaterThan(20);
    }

    @Test
    void vendors_continuing_a_stores_world_never_reuse_an_id_and_never_report_before_what_it_applied() {
        Instant latest = Instant.parse("2026-01-06T18:05:00Z");
        VendorDeliveries secondRun = new VendorDeliveries(FaultPlan.NONE, new SimulationClock());
        VendorDeliveries thirdRun = new VendorDeliveries(FaultPlan.NONE, new SimulationClock());
        secondRun.continueAfter(Optional.of(latest));
        thirdRun.continueAfter(Optional.of(latest));

        String second = secondRun.nextId("td");
        String third = thirdRun.nextId("td");

        assertThat(deliveries.nextId("td")).as("a fresh world numbers from 1").isEqualTo("td-1");
        assertThat(second).matches("td-[0-9a-z]{6}-1").isNotEqualTo(third);
        assertThat(secondRun.stamp()).isAfter(latest);
    }

    @Test
    void a_sandbox_reset_from_what_a_store_knows_starts_there_not_where_the_file_says() {
        talkdesk.reset(configuration, agent -> TalkdeskStatusId.of("lunch"));
        salesforce.reset(configuration, agent -> PresenceStatusId.of("Busy"), agent -> 1);

        assertThat(talkdesk.status(MARIA)).isEqualTo(TalkdeskStatusId.of("lunch"));
        assertThat(salesforce.status(MARIA)).isEqualTo(PresenceStatusId.of("Busy"));
        assertThat(salesforce.workload(MARIA)).isEqualTo(1);
    }
}
