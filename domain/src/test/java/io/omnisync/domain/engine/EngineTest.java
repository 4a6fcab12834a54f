package io.omnisync.domain.engine;

import static io.omnisync.domain.GuideSetup.ANA;
import static io.omnisync.domain.GuideSetup.MARIA;
import static io.omnisync.domain.GuideSetup.businessHours;
import static io.omnisync.domain.GuideSetup.configuration;
import static io.omnisync.domain.GuideSetup.draft;
import static io.omnisync.domain.GuideSetup.integration;
import static io.omnisync.domain.GuideSetup.mapping;
import static io.omnisync.domain.GuideSetup.talkdesk;
import static io.omnisync.domain.GuideSetup.withIntegration;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.settings.RefusalCode;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Admin changes and activation, over every agent (SPEC 4.2, 4.8 toggles, 4.9). */
class EngineTest {

    /** Monday 12:00 in Lisbon, inside business hours; Monday 21:00 after them. */
    private static final Instant INSIDE = Instant.parse("2026-01-05T12:00:00Z");

    private static final Instant AFTER = Instant.parse("2026-01-05T21:00:00Z");

    /** Sync off; maria is away in Talkdesk but Available in Omni-Channel; ana is logged out of Omni-Channel. */
    private static EngineState offWithDrift() {
        ConfigurationDraft base = withIntegration(draft(), i -> businessHours(integration(i, false, false)));
        var agents = base.agents()
                .map(agent -> agent.id().equals("maria")
                        ? new ConfigurationDraft.AgentDraft(
                                "maria", "td-1", "005A", "Agent", agent.permissionSets(), "away", "Available_for_Calls")
                        : new ConfigurationDraft.AgentDraft(
                                "ana", "td-2", "005B", "Agent", agent.permissionSets(), "away", "Offline"));
        return Engine.start(configuration(
                        new ConfigurationDraft(base.talkdesk(), base.omniChannel(), agents, base.integration())))
                .state();
    }

    private static Seq<String> sent(Outcome outcome) {
        return outcome.commands().map(c -> c.agent() + " " + c.statusName() + " by " + c.because());
    }

    @Test
    void turning_sync_on_reconciles_every_agent_at_once_talkdesk_wins() {
        Outcome on = Engine.change(offWithDrift(), new SettingsChange.ToggleSync(true, false, AFTER))
                .get();

        assertThat(sent(on)).containsExactly("maria Away_from_Desk by activation");
        assertThat(on.state().configuration().settings().omniChannelSync()).isTrue();
    }

    @Test
    void activation_leaves_agents_logged_out_of_omni_channel_alone() {
        Outcome on = Engine.change(offWithDrift(), new SettingsChange.ToggleSync(true, false, AFTER))
                .get();

        assertThat(on.facts())
                .filteredOn(Fact.Skipped.class::isInstance)
                .map(Fact.Skipped.class::cast)
                .filteredOn(skipped -> skipped.agent().equals(ANA))
                .extracting(Fact.Skipped::reason)
                .containsExactly(SkipReason.OMNI_OFFLINE);
    }

    @Test
    void the_dry_run_lists_what_activation_would_send_and_changes_nothing() {
        EngineState state = offWithDrift();

        Seq<AgentDecision> plan = Engine.plan(state);

        assertThat(plan.flatMap(AgentDecision::commands).map(Command::statusName))
                .containsExactly("Away_from_Desk");
        assertThat(Engine.plan(state)).isEqualTo(plan);
        assertThat(state.configuration().settings().omniChannelSync()).isFalse();
    }

    @Test
    void activation_inside_business_hours_is_refused_and_changes_nothing() {
        EngineState state = offWithDrift();

        var refused = Engine.change(state, new SettingsChange.ToggleSync(true, false, INSIDE));

        assertThat(refused.isLeft())
                .as("refused, so there is no outcome to apply")
                .isTrue();
        assertThat(refused.getLeft().code()).isEqualTo(RefusalCode.INSIDE_BUSINESS_HOURS);
        assertThat(refused.getLeft().message())
                .isEqualTo("turning Omni-Channel sync on at 2026-01-05T12:00 (Europe/Lisbon) is inside business hours "
                        + "(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY 08:00-20:00): states start syncing at once "
                        + "and agents would be moved mid-work; activate after hours, or force it");
    }

    @Test
    void force_overrides_the_business_hours_guard() {
        Outcome forced = Engine.change(offWithDrift(), new SettingsChange.ToggleSync(true, true, INSIDE))
                .get();

        assertThat(sent(forced)).containsExactly("maria Away_from_Desk by activation");
    }

    @Test
    void business_hours_end_is_exclusive_and_weekends_are_outside() {
        EngineState state = offWithDrift();
        Instant atEight = Instant.parse("2026-01-05T20:00:00Z");
        Instant saturdayNoon = Instant.parse("2026-01-10T12:00:00Z");

        assertThat(Engine.change(state, new SettingsChange.ToggleSync(true, false, atEight))
                        .get()
                        .commands())
                .hasSize(1);
        assertThat(Engine.change(state, new SettingsChange.ToggleSync(true, false, saturdayNoon))
                        .get()
                        .commands())
                .hasSize(1);
    }

    @Test
    void starting_with_sync_on_is_an_activation() {
        ConfigurationDraft base = withIntegration(draft(), i -> integration(i, true, false));
        var agents = base.agents()
                .map(agent -> new ConfigurationDraft.AgentDraft(
                        agent.id(),
                        agent.talkdeskUserId(),
                        agent.salesforceUserId(),
                        agent.profile(),
                        agent.permissionSets(),
                        "lunch",
                        "Available_for_Calls"));

        Outcome started = Engine.start(
                configuration(new ConfigurationDraft(base.talkdesk(), base.omniChannel(), agents, base.integration())));

        assertThat(sent(started)).containsExactly("maria Lunch_Break by activation", "ana Lunch_Break by activation");
    }

    @Test
    void return_to_previous_cannot_be_turned_on_while_next_agent_status_is_on_and_the_other_way_round() {
        EngineState state = offWithDrift();
        Outcome next = Engine.change(state, new SettingsChange.ToggleNextAgentStatus(true, AFTER))
                .get();
        var refusedReturn = Engine.change(next.state(), new SettingsChange.ToggleReturnToPrevious(true, AFTER));

        Outcome back = Engine.change(state, new SettingsChange.ToggleReturnToPrevious(true, AFTER))
                .get();
        var refusedNext = Engine.change(back.state(), new SettingsChange.ToggleNextAgentStatus(true, AFTER));

        assertThat(refusedReturn.getLeft().code()).isEqualTo(RefusalCode.CONFLICTING_AFTER_CALL_SETTINGS);
        assertThat(refusedNext.getLeft().code()).isEqualTo(RefusalCode.CONFLICTING_AFTER_CALL_SETTINGS);
    }

    @Test
    void the_return_toggle_takes_effect_at_once_for_the_next_end_of_a_call() {
        EngineState state = Engine.start(configuration()).state();
        state = Engine.handle(state, talkdesk(MARIA, "on_a_call")).state();
        state = Engine.handle(state, talkdesk(MARIA, "after_call_work")).state();
        state = Engine.change(state, new SettingsChange.ToggleReturnToPrevious(true, AFTER))
                .get()
                .state();

        Outcome end = Engine.handle(state, talkdesk(MARIA, "available"));

        assertThat(end.commands()).extracting(Command::because).containsOnly(Because.RETURN_AFTER_CALL);
    }

    @Test
    void a_rejected_configuration_changes_nothing_and_lists_every_problem() {
        EngineState running = Engine.start(configuration()).state();
        ConfigurationDraft broken = withIntegration(
                draft(),
                i -> mapping(
                        i,
                        i.omniToTalkdesk().put("On_a_Call", "on_a_call"),
                        i.talkdeskToOmni().put("offline", "Offline")));

        var rejected = Engine.replace(running, broken, AFTER);

        assertThat(rejected.isLeft())
                .as("rejected, so there is no outcome to apply")
                .isTrue();
        assertThat(rejected.getLeft()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void the_first_configuration_is_a_replacement_of_the_empty_engine() {
        ConfigurationDraft syncing = withIntegration(draft(), i -> integration(i, true, false));

        Outcome loaded = Engine.replace(EngineState.empty(), syncing, AFTER).get();

        Outcome started = Engine.start(configuration(syncing));
        assertThat(loaded.commands()).isEqualTo(started.commands());
        assertThat(loaded.facts()).isEqualTo(started.facts());
        assertThat(loaded.facts().head()).isInstanceOf(Fact.ConfigurationApplied.class);
        assertThat(loaded.facts().tail())
                .as("sync is on: every agent was reconciled")
                .hasSize(2)
                .allSatisfy(fact -> assertThat(((Fact.Skipped) fact).because()).isEqualTo(Because.ACTIVATION));
        assertThat(loaded.state().sessions().keySet()).containsExactlyInAnyOrder(MARIA, ANA);
    }

    @Test
    void an_accepted_configuration_keeps_what_the_engine_knows_of_agents_still_configured() {
        EngineState running = Engine.handle(Engine.start(configuration()).state(), talkdesk(MARIA, "lunch"))
                .state();
        ConfigurationDraft onlyMaria = new ConfigurationDraft(
                draft().talkdesk(),
                draft().omniChannel(),
                draft().agents().filter(agent -> agent.id().equals("maria")),
                draft().integration());

        Outcome applied = Engine.replace(running, onlyMaria, AFTER).get();

        assertThat(applied.state().sessions().keySet()).containsExactly(MARIA);
        assertThat(applied.state().sessions().get(MARIA).get())
                .isEqualTo(running.sessions().get(MARIA).get());
        assertThat(applied.facts()).singleElement().isInstanceOf(Fact.ConfigurationApplied.class);
    }

    @Test
    void a_configuration_that_adds_an_agent_while_sync_is_on_reconciles_her_at_once_and_alone() {
        ConfigurationDraft onlyMaria = new ConfigurationDraft(
                draft().talkdesk(),
                draft().omniChannel(),
                draft().agents().filter(agent -> agent.id().equals("maria")),
                draft().integration());
        EngineState running = Engine.start(configuration(onlyMaria)).state();
        ConfigurationDraft withAna = new ConfigurationDraft(
                draft().talkdesk(),
                draft().omniChannel(),
                draft().agents()
                        .map(agent -> agent.id().equals("ana")
                                ? new ConfigurationDraft.AgentDraft(
                                        "ana", "td-2", "005B", "Agent", agent.permissionSets(), "away", "Lunch_Break")
                                : agent)
                        .append(new ConfigurationDraft.AgentDraft(
                                "joao", "td-3", "005C", "Agent", null, "lunch", "Available_for_Calls")),
                draft().integration());

        Outcome applied = Engine.replace(running, withAna, AFTER).get();

        assertThat(sent(applied))
                .as("joao disagrees: Talkdesk wins; ana's 'Lunch break' stands for Talkdesk 'Away'")
                .containsExactly("joao Lunch_Break by activation");
        assertThat(applied.facts().flatMap(Fact::about).distinct())
                .as("maria, already running, is not looked at")
                .containsExactly(ANA, AgentId.of("joao"));
        assertThat(applied.facts())
                .filteredOn(Fact.Skipped.class::isInstance)
                .map(Fact.Skipped.class::cast)
                .singleElement()
                .satisfies(skipped -> {
                    assertThat(skipped.agent()).isEqualTo(ANA);
                    assertThat(skipped.reason()).isEqualTo(SkipReason.CONSISTENT);
                });
    }

    @Test
    void a_configuration_that_adds_an_agent_while_sync_is_off_moves_nobody() {
        ConfigurationDraft off = withIntegration(draft(), i -> integration(i, false, false));
        ConfigurationDraft onlyMaria = new ConfigurationDraft(
                off.talkdesk(), off.omniChannel(), off.agents().take(1), off.integration());
        EngineState running = Engine.start(configuration(onlyMaria)).state();
        ConfigurationDraft drifting = new ConfigurationDraft(
                off.talkdesk(),
                off.omniChannel(),
                off.agents()
                        .append(new ConfigurationDraft.AgentDraft(
                                "joao", "td-3", "005C", "Agent", null, "lunch", "Available_for_Calls")),
                off.integration());

        Outcome applied = Engine.replace(running, drifting, AFTER).get();

        assertThat(applied.commands()).isEmpty();
        assertThat(applied.facts()).singleElement().isInstanceOf(Fact.ConfigurationApplied.class);
    }

    @Test
    void an_event_about_an_agent_nobody_configured_is_recorded_and_changes_nothing() {
        EngineState running = Engine.start(configuration()).state();

        Outcome outcome = Engine.handle(running, talkdesk(AgentId.of("ghost"), "lunch"));

        assertThat(outcome.state()).isSameAs(running);
        assertThat(outcome.commands()).isEmpty();
        assertThat(outcome.facts())
                .singleElement()
                .satisfies(fact -> assertThat(((Fact.Skipped) fact).reason()).isEqualTo(SkipReason.UNKNOWN_AGENT));
    }

    @Test
    void agents_are_listed_in_the_configurations_order() {
        EngineState running = Engine.start(configuration()).state();

        assertThat(running.sessionsInOrder().map(AgentSession::agent)).containsExactly(MARIA, ANA);
    }

    @Test
    void an_agent_the_engine_has_no_session_for_yet_starts_as_configured() {
        var configuration = configuration();
        EngineState withoutSessions = new EngineState(configuration, HashMap.empty());

        assertThat(withoutSessions.session(configuration.agent(ANA).get()))
                .isEqualTo(AgentSession.of(configuration.agent(ANA).get()));
        assertThat(withoutSessions.sessionsInOrder()).isEmpty();
    }

    /** "Aa" and "BB" have the same Java hash code: the engine must still tell the two agents apart. */
    @Test
    void agents_whose_ids_hash_alike_are_still_two_agents() {
        ConfigurationDraft twins = new ConfigurationDraft(
                draft().talkdesk(),
                draft().omniChannel(),
                List.of(
                        new ConfigurationDraft.AgentDraft(
                                "Aa", "td-1", "005A", "Agent", List.empty(), "available", "Available_for_Calls"),
                        new ConfigurationDraft.AgentDraft(
                                "BB", "td-2", "005B", "Agent", List.empty(), "available", "Available_for_Calls")),
                draft().integration());
        EngineState running = Engine.start(configuration(twins)).state();

        Outcome outcome = Engine.handle(running, talkdesk(AgentId.of("BB"), "lunch"));

        assertThat(sent(outcome)).containsExactly("BB Lunch_Break by mapping");
        assertThat(outcome.state()
                        .sessions()
                        .get(AgentId.of("BB"))
                        .get()
                        .talkdeskStatus()
                        .value())
                .isEqualTo("lunch");
        assertThat(outcome.state()
                        .sessions()
                        .get(AgentId.of("Aa"))
                        .get()
                        .talkdeskStatus()
                        .value())
                .isEqualTo("available");
    }
}
