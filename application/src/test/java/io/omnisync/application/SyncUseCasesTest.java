package io.omnisync.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.application.admin.LoadResult;
import io.omnisync.application.admin.SettingsResult;
import io.omnisync.application.reporting.CallEvent;
import io.omnisync.application.reporting.OmniPresenceChange;
import io.omnisync.application.reporting.TalkdeskStatusChange;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AccessGrantDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AgentDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceStatusDraft;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.settings.RefusalCode;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SyncUseCasesTest {

    private static final AtomicLong IDS = new AtomicLong();
    private final TestEngine engine = new TestEngine();

    private static ConfigurationDraft draft(boolean sync, int agents) {
        return new ConfigurationDraft(
                new ConfigurationDraft.Talkdesk(List.empty(), false),
                new ConfigurationDraft.OmniChannel(
                        List.of(new ConfigurationDraft.ServiceChannelDraft("Phone", "Phone", true)),
                        List.of(
                                new PresenceStatusDraft("Online", "Online", PresenceOption.ONLINE, List.of("Phone")),
                                new PresenceStatusDraft("Away", "Away", PresenceOption.BUSY, List.empty()),
                                new PresenceStatusDraft("On_Call", "On a Call", PresenceOption.BUSY, List.empty())),
                        List.of(new AccessGrantDraft("Agent", List.of("Online", "Away", "On_Call"))),
                        List.empty(),
                        List.empty()),
                List.range(0, agents)
                        .map(i -> new AgentDraft(
                                i == 0 ? "maria" : "agent" + i,
                                "td-" + i,
                                "005" + i,
                                "Agent",
                                List.empty(),
                                "available",
                                "Online")),
                new ConfigurationDraft.Integration(
                        sync,
                        false,
                        LinkedHashMap.of("Online", "available", "Away", "away", "On_Call", "away"),
                        LinkedHashMap.of("available", "Online", "away", "Away", "on_a_call", "On_Call"),
                        Option.none(),
                        List.empty()));
    }

    private void talkdesk(String agent, String status) {
        engine.reports.talkdeskStatusChanged(new TalkdeskStatusChange(
                AgentId.of(agent),
                TalkdeskStatusId.of(status),
                EventId.of("td-" + IDS.incrementAndGet()),
                Instant.ofEpochSecond(IDS.get())));
    }

    private void omni(String agent, String status) {
        engine.reports.omniPresenceChanged(new OmniPresenceChange(
                AgentId.of(agent),
                OmniStatus.parse(status),
                EventId.of("sf-" + IDS.incrementAndGet()),
                Instant.ofEpochSecond(IDS.get())));
    }

    @Test
    void a_report_is_decided_and_stored_with_its_command_which_the_delivery_sends() {
        engine.admin.load(draft(true, 1));

        talkdesk("maria", "away");

        assertThat(engine.vendors.calls)
                .as("nothing is sent on the reporter's thread")
                .isEmpty();
        assertThat(engine.outbox.pending())
                .singleElement()
                .satisfies(pending -> assertThat(pending.command().statusName()).isEqualTo("Away"));
        engine.delivery.deliverDue();
        assertThat(engine.vendors.calls).containsExactly("omni maria Away");
        assertThat(engine.outbox.pending()).isEmpty();
        assertThat(engine.queries.agent(AgentId.of("maria")).get().talkdeskStatus())
                .isEqualTo(TalkdeskStatusId.AWAY);
    }

    @Test
    void an_omni_channel_report_brings_its_reason_to_the_audit_trail() {
        engine.admin.load(draft(true, 1));

        engine.reports.omniPresenceChanged(new OmniPresenceChange(
                AgentId.of("maria"),
                OmniStatus.parse("Away"),
                Option.some(OmniReason.PUSH_TIMEOUT),
                EventId.of("sf-" + IDS.incrementAndGet()),
                Instant.ofEpochSecond(IDS.get())));

        assertThat(engine.outbox.pending())
                .as("a push timeout is synced like a pick unless the configuration ignores it")
                .singleElement()
                .satisfies(pending -> assertThat(pending.command().statusName()).isEqualTo("away"));
        assertThat(engine.facts())
                .filteredOn(Fact.Synced.class::isInstance)
                .singleElement()
                .satisfies(fact -> assertThat(fact.omniReason()).contains(OmniReason.PUSH_TIMEOUT));
    }

    @Test
    void a_call_event_is_the_talkdesk_status_the_call_makes() {
        engine.admin.load(draft(true, 1));

        engine.reports.callEvent(new CallEvent(
                AgentId.of("maria"),
                CallEvent.Step.CALL_STARTED,
                Option.none(),
                EventId.of("call-1"),
                Instant.ofEpochSecond(1)));
        engine.delivery.deliverDue();

        assertThat(engine.vendors.calls).containsExactly("omni maria On_Call");
        assertThat(engine.queries.agent(AgentId.of("maria")).get().inCall()).isTrue();
    }

    @Test
    void a_vendor_that_cannot_be_reached_leaves_the_command_waiting_with_attempts_and_error_until_it_is_back() {
        engine.admin.load(draft(true, 1));
        engine.vendors.unreachable = true;

        talkdesk("maria", "away");
        engine.delivery.deliverDue();
        engine.delivery.resendNow();

        assertThat(engine.delivery.pending()).singleElement().satisfies(pending -> {
            assertThat(pending.command().statusName()).isEqualTo("Away");
            assertThat(pending.attempts()).isEqualTo(2);
            assertThat(pending.lastError()).contains("connection refused");
        });
        engine.vendors.unreachable = false;
        engine.delivery.resendNow();
        assertThat(engine.vendors.calls).containsExactly("omni maria Away");
        assertThat(engine.delivery.pending()).isEmpty();
    }

    @Test
    void a_refused_command_is_done_and_the_engine_stops_waiting_for_its_echo() {
        engine.admin.load(draft(true, 1));
        engine.vendors.refuseWith = "not granted";

        talkdesk("maria", "away");
        engine.delivery.deliverDue();

        assertThat(engine.delivery.pending()).isEmpty();
        assertThat(engine.queries.agent(AgentId.of("maria")).get().expectedOmni())
                .isEmpty();
        assertThat(engine.facts())
                .filteredOn(Fact.CommandFailed.class::isInstance)
                .hasSize(1);
    }

    @Test
    void a_newer_command_for_the_same_agent_and_vendor_supersedes_one_still_waiting() {
        engine.admin.load(draft(true, 1));
        engine.vendors.unreachable = true;
        talkdesk("maria", "away");
        engine.delivery.deliverDue();
        talkdesk("maria", "available");

        engine.vendors.unreachable = false;
        engine.delivery.deliverDue();

        assertThat(engine.vendors.calls).containsExactly("omni maria Online");
        assertThat(engine.facts())
                .filteredOn(Fact.Superseded.class::isInstance)
                .singleElement()
                .satisfies(fact -> assertThat(((Fact.Superseded) fact).command().statusName())
                        .isEqualTo("Away"));
        assertThat(engine.queries.agent(AgentId.of("maria")).get().expectedOmni())
                .as("the superseded command's echo is no longer awaited")
                .extracting(status -> status.apiName())
                .containsExactly("Online");
    }

    @Test
    void loading_a_configuration_with_sync_on_is_an_activation() {
        ConfigurationDraft draft = draft(true, 2);
        ConfigurationDraft awayAgent = new ConfigurationDraft(
                draft.talkdesk(),
                draft.omniChannel(),
                draft.agents()
                        .update(1, new AgentDraft("agent1", "td-1", "0051", "Agent", List.empty(), "away", "Online")),
                draft.integration());

        LoadResult result = engine.admin.load(awayAgent);
        engine.delivery.deliverDue();

        assertThat(result).isInstanceOf(LoadResult.Applied.class);
        assertThat(engine.vendors.calls).containsExactly("omni agent1 Away");
    }

    @Test
    void a_rejected_configuration_leaves_the_running_one_and_everything_the_engine_knows() {
        engine.admin.load(draft(true, 1));
        talkdesk("maria", "away");
        var before = TestEngine.statuses(engine);
        ConfigurationDraft broken = new ConfigurationDraft(
                draft(true, 1).talkdesk(),
                draft(true, 1).omniChannel(),
                draft(true, 1).agents(),
                new ConfigurationDraft.Integration(
                        true,
                        false,
                        LinkedHashMap.of("Online", "on_a_call"),
                        LinkedHashMap.of("away", "Offline"),
                        Option.none(),
                        List.empty()));

        LoadResult result = engine.admin.load(broken);

        assertThat(result).isInstanceOf(LoadResult.Rejected.class);
        assertThat(((LoadResult.Rejected) result).problems()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(TestEngine.statuses(engine)).isEqualTo(before);
        assertThat(engine.configurations
                        .current
                        .mapping()
                        .talkdeskToOmni()
                        .get(TalkdeskStatusId.AWAY)
                        .get()
                        .apiName())
                .isEqualTo("Away");
    }

    @Test
    void a_refused_settings_change_changes_nothing() {
        engine.admin.load(draft(false, 1));
        engine.admin.change(new SettingsChange.ToggleNextAgentStatus(true, Instant.EPOCH));

        SettingsResult result = engine.admin.change(new SettingsChange.ToggleReturnToPrevious(true, Instant.EPOCH));

        assertThat(result)
                .isInstanceOfSatisfying(
                        SettingsResult.Refused.class,
                        refused -> assertThat(refused.refusal().code())
                                .isEqualTo(RefusalCode.CONFLICTING_AFTER_CALL_SETTINGS));
        assertThat(engine.configurations.current.settings().returnToPreviousStatusAfterCall())
                .isFalse();
    }

    @Test
    void turning_sync_on_reconciles_and_the_dry_run_sent_nothing_before() {
        engine.admin.load(draft(false, 1));
        talkdesk("maria", "away");

        var plan = engine.admin.planActivation();
        assertThat(engine.vendors.calls).isEmpty();
        assertThat(plan.flatMap(decision -> decision.commands()).map(c -> c.statusName()))
                .containsExactly("Away");

        engine.admin.change(new SettingsChange.ToggleSync(true, false, Instant.EPOCH));
        engine.delivery.deliverDue();
        assertThat(engine.vendors.calls).containsExactly("omni maria Away");
    }

    @Test
    void an_event_about_an_unknown_agent_is_recorded_and_stores_nothing() {
        engine.admin.load(draft(true, 1));

        talkdesk("ghost", "away");

        assertThat(engine.sessions.sessions).doesNotContainKey(AgentId.of("ghost"));
        assertThat(engine.facts())
                .filteredOn(Fact.Skipped.class::isInstance)
                .map(Fact.Skipped.class::cast)
                .extracting(Fact.Skipped::reason)
                .contains(SkipReason.UNKNOWN_AGENT);
    }

    @Test
    void agents_are_independent_and_events_of_one_agent_apply_in_order_across_threads() throws Exception {
        int agents = 8;
        engine.admin.load(draft(true, agents));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<?>> work = new java.util.ArrayList<>();
            for (int a = 1; a < agents; a++) {
                String agent = "agent" + a;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        talkdesk(agent, i % 2 == 0 ? "away" : "available");
                        omni(agent, "Online");
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        for (int a = 1; a < agents; a++) {
            assertThat(engine.queries.agent(AgentId.of("agent" + a)).get().talkdeskStatus())
                    .isEqualTo(TalkdeskStatusId.AVAILABLE);
        }
        engine.delivery.deliverDue();
        assertThat(engine.outbox.pending()).isEmpty();
    }
}
