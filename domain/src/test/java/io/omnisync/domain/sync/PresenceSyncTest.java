package io.omnisync.domain.sync;

import static io.omnisync.domain.GuideSetup.ANA;
import static io.omnisync.domain.GuideSetup.MARIA;
import static io.omnisync.domain.GuideSetup.configuration;
import static io.omnisync.domain.GuideSetup.decide;
import static io.omnisync.domain.GuideSetup.draft;
import static io.omnisync.domain.GuideSetup.echoOf;
import static io.omnisync.domain.GuideSetup.integration;
import static io.omnisync.domain.GuideSetup.nextId;
import static io.omnisync.domain.GuideSetup.omni;
import static io.omnisync.domain.GuideSetup.talkdesk;
import static io.omnisync.domain.GuideSetup.withIntegration;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.collection.Seq;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SPEC section 4, rule by rule, on one agent's decisions. */
class PresenceSyncTest {

    private final Configuration syncing = configuration();
    private final Configuration returning = configuration(withIntegration(draft(), i -> integration(i, true, true)));

    /** An agent whose vendors echo every command back, as the real ones do. */
    private static final class Agent {
        final Configuration configuration;
        AgentSession session;
        AgentDecision last;

        Agent(Configuration configuration, AgentId id) {
            this.configuration = configuration;
            this.session = AgentSession.of(configuration.agent(id).get());
        }

        Agent on(AgentEvent event) {
            last = decide(configuration, session, event);
            session = last.session();
            Seq<Command> commands = last.commands();
            for (Command command : commands) {
                AgentDecision echo = decide(configuration, session, echoOf(command));
                assertThat(echo.commands()).as("an echo sends nothing").isEmpty();
                session = echo.session();
            }
            last = new AgentDecision(session, commands, last.facts());
            return this;
        }

        Agent talkdeskBecomes(String status) {
            return on(talkdesk(session.agent(), status));
        }

        Agent picks(String status) {
            return on(omni(session.agent(), status));
        }

        Seq<String> sent() {
            return last.commands().map(c -> c.system().wireName() + " " + c.statusName());
        }

        Seq<SkipReason> skipped() {
            return last.facts().filter(Fact.Skipped.class::isInstance).map(f -> ((Fact.Skipped) f).reason());
        }

        String statuses() {
            return session.talkdeskStatus() + "/" + session.omniStatus().wireName();
        }
    }

    private Agent maria() {
        return new Agent(syncing, MARIA);
    }

    @Test
    void a_talkdesk_change_moves_omni_channel_to_the_mapped_status() {
        Agent maria = maria().talkdeskBecomes("lunch");

        assertThat(maria.sent()).containsExactly("omni Lunch_Break");
        assertThat(maria.statuses()).isEqualTo("lunch/Lunch_Break");
    }

    @Test
    void a_widget_pick_moves_talkdesk_to_the_mapped_status() {
        assertThat(maria().picks("Chat_Only").sent()).containsExactly("talkdesk chat_only");
    }

    @Test
    void an_unmapped_status_is_not_synced() {
        assertThat(maria().talkdeskBecomes("offline").skipped()).containsExactly(SkipReason.UNMAPPED);
    }

    @Test
    void an_agent_logged_out_of_omni_channel_is_never_logged_in() {
        Agent maria = maria().picks("Offline").talkdeskBecomes("away");

        assertThat(maria.sent()).isEmpty();
        assertThat(maria.skipped()).containsExactly(SkipReason.OMNI_OFFLINE);
        assertThat(maria.session.omniStatus().isOffline()).isTrue();
    }

    @Test
    void logging_out_of_the_widget_sets_talkdesk_as_mapped_but_no_talkdesk_status_logs_anyone_out() {
        assertThat(maria().picks("Offline").sent()).containsExactly("talkdesk offline");
        assertThat(maria().talkdeskBecomes("offline").sent()).isEmpty();
    }

    @Test
    void a_logout_reported_while_a_change_of_ours_is_on_its_way_wins_over_it() {
        AgentSession session = AgentSession.of(syncing.agent(MARIA).get());
        AgentDecision call = decide(syncing, session, talkdesk(MARIA, "on_a_call"));
        AgentDecision logout = decide(syncing, call.session(), omni(MARIA, "Offline"));

        AgentDecision after = decide(syncing, logout.session(), talkdesk(MARIA, "available"));

        assertThat(call.commands()).as("On_a_Call asked, its echo not yet in").hasSize(1);
        assertThat(after.commands()).isEmpty();
        assertThat(after.facts())
                .filteredOn(Fact.Skipped.class::isInstance)
                .map(f -> ((Fact.Skipped) f).reason())
                .containsExactly(SkipReason.OMNI_OFFLINE);
    }

    @Test
    void a_status_the_agent_is_not_granted_is_not_set() {
        Agent ana = new Agent(syncing, ANA).talkdeskBecomes("chat_only");

        assertThat(ana.sent()).isEmpty();
        assertThat(ana.skipped()).containsExactly(SkipReason.NOT_GRANTED);
    }

    @Test
    void an_agent_already_in_the_target_is_left_alone() {
        Agent maria = maria().picks("Away_from_Desk").picks("Lunch_Break");

        assertThat(maria.sent()).isEmpty();
        assertThat(maria.skipped()).containsExactly(SkipReason.ALREADY_IN_STATUS);
    }

    @Test
    void picking_on_a_call_in_the_widget_makes_the_agent_away_in_talkdesk() {
        assertThat(maria().picks("On_a_Call").sent()).containsExactly("talkdesk away");
    }

    @Test
    void a_widget_pick_during_a_call_is_not_pushed_to_talkdesk() {
        Agent maria = maria().talkdeskBecomes("on_a_call").picks("Chat_Only");

        assertThat(maria.sent()).isEmpty();
        assertThat(maria.skipped()).containsExactly(SkipReason.IN_CALL);
        assertThat(maria.session.talkdeskStatus()).isEqualTo(TalkdeskStatusId.ON_A_CALL);
    }

    @Test
    void many_to_one_mappings_do_not_flap_because_echoes_are_not_events() {
        Agent maria = maria().talkdeskBecomes("lunch");

        assertThat(maria.statuses())
                .as("the echo of Lunch_Break does not make Talkdesk away")
                .isEqualTo("lunch/Lunch_Break");
    }

    @Test
    void an_echo_is_recognised_even_when_a_second_change_was_asked_before_it_arrived() {
        AgentSession session = AgentSession.of(syncing.agent(MARIA).get());
        AgentDecision first = decide(syncing, session, talkdesk(MARIA, "lunch"));
        AgentDecision second = decide(syncing, first.session(), talkdesk(MARIA, "away"));

        AgentDecision firstEcho = decide(syncing, second.session(), omni(MARIA, "Lunch_Break"));
        AgentDecision secondEcho = decide(syncing, firstEcho.session(), omni(MARIA, "Away_from_Desk"));

        assertThat(firstEcho.commands()).isEmpty();
        assertThat(secondEcho.commands()).isEmpty();
        assertThat(secondEcho.session().expectedOmni()).isEmpty();
    }

    @Test
    void a_duplicate_event_id_is_ignored() {
        AgentEvent lunch = talkdesk(MARIA, "lunch");
        AgentDecision first =
                decide(syncing, AgentSession.of(syncing.agent(MARIA).get()), lunch);

        AgentDecision again = decide(syncing, first.session(), lunch);

        assertThat(again.commands()).isEmpty();
        assertThat(again.session()).isEqualTo(first.session());
        assertThat(again.facts()).extracting(f -> ((Fact.Skipped) f).reason()).containsExactly(SkipReason.DUPLICATE);
    }

    @Test
    void an_event_older_than_the_latest_of_the_same_system_is_stale() {
        Instant now = Instant.parse("2026-01-06T10:00:00Z");
        AgentSession session = AgentSession.of(syncing.agent(MARIA).get());
        AgentDecision away = decide(
                syncing, session, new AgentEvent.TalkdeskStatusReported(nextId(), MARIA, now, TalkdeskStatusId.AWAY));

        AgentDecision late = decide(
                syncing,
                away.session(),
                new AgentEvent.TalkdeskStatusReported(
                        nextId(), MARIA, now.minusSeconds(60), TalkdeskStatusId.of("lunch")));
        AgentDecision otherSystem = decide(
                syncing,
                away.session(),
                new AgentEvent.OmniStatusReported(
                        nextId(), MARIA, now.minusSeconds(60), OmniStatus.parse("Chat_Only")));

        assertThat(late.commands()).isEmpty();
        assertThat(late.facts()).extracting(f -> ((Fact.Skipped) f).reason()).containsExactly(SkipReason.STALE);
        assertThat(otherSystem.commands()).as("ordering is per system").isNotEmpty();
    }

    @Test
    void with_sync_off_the_engine_keeps_track_and_sends_nothing() {
        Configuration off = configuration(withIntegration(draft(), i -> integration(i, false, false)));
        Agent maria = new Agent(off, MARIA).talkdeskBecomes("lunch");

        assertThat(maria.sent()).isEmpty();
        assertThat(maria.skipped()).containsExactly(SkipReason.SYNC_OFF);
        assertThat(maria.session.talkdeskStatus()).isEqualTo(TalkdeskStatusId.of("lunch"));
    }

    @Test
    void with_sync_off_a_widget_pick_is_noted_and_talkdesk_left_alone() {
        Configuration off = configuration(withIntegration(draft(), i -> integration(i, false, false)));
        Agent maria = new Agent(off, MARIA).picks("Lunch_Break");

        assertThat(maria.sent()).isEmpty();
        assertThat(maria.skipped()).containsExactly(SkipReason.SYNC_OFF);
        assertThat(maria.statuses()).isEqualTo("available/Lunch_Break");
    }

    @Test
    void a_report_of_the_status_the_agent_already_has_changes_nothing_and_says_so() {
        Agent maria = maria().talkdeskBecomes("available");

        assertThat(maria.sent()).isEmpty();
        assertThat(maria.skipped()).containsExactly(SkipReason.UNCHANGED);
        assertThat(((Fact.Skipped) maria.last.facts().single()).detail())
                .isEqualTo("Talkdesk reported 'available', which the agent already had: nothing changed");
        assertThat(maria().picks("Available_for_Calls").skipped()).containsExactly(SkipReason.UNCHANGED);
    }

    @Test
    void picking_her_status_again_while_a_change_of_ours_is_on_its_way_is_her_choice_and_synced() {
        AgentSession session = AgentSession.of(syncing.agent(MARIA).get());
        AgentDecision lunch = decide(syncing, session, talkdesk(MARIA, "lunch"));

        AgentDecision back = decide(syncing, lunch.session(), omni(MARIA, "Available_for_Calls"));

        assertThat(lunch.session().expectedOmni())
                .as("Lunch_Break asked, its echo not yet in")
                .isNotEmpty();
        assertThat(back.commands()).extracting(Command::statusName).containsExactly("available");
    }

    @Test
    void a_call_remembers_where_omni_channel_was_and_says_so_before_anything_else() {
        AgentSession session = AgentSession.of(syncing.agent(MARIA).get());

        AgentDecision call = decide(syncing, session, talkdesk(MARIA, "on_a_call"));
        AgentDecision wrapUp = decide(syncing, call.session(), talkdesk(MARIA, "after_call_work"));

        assertThat(call.facts().head())
                .isEqualTo(new Fact.StatusRemembered(MARIA, OmniStatus.parse("Available_for_Calls")));
        assertThat(call.facts().head().about()).contains(MARIA);
        assertThat(call.facts().tail()).singleElement().isInstanceOf(Fact.Synced.class);
        assertThat(wrapUp.facts())
                .as("wrap-up of the same call remembers nothing new")
                .noneMatch(Fact.StatusRemembered.class::isInstance);
    }

    @Test
    void wrap_up_of_a_call_never_seen_has_nothing_to_remember() {
        AgentDecision wrapUp =
                decide(syncing, AgentSession.of(syncing.agent(MARIA).get()), talkdesk(MARIA, "after_call_work"));

        assertThat(wrapUp.session().inCall()).isTrue();
        assertThat(wrapUp.facts()).noneMatch(Fact.StatusRemembered.class::isInstance);
    }

    @Test
    void every_fact_of_a_decision_names_the_event_it_was_about() {
        AgentEvent offline = talkdesk(MARIA, "offline");

        AgentDecision unmapped =
                decide(syncing, AgentSession.of(syncing.agent(MARIA).get()), offline);

        assertThat(unmapped.facts())
                .singleElement()
                .satisfies(fact -> assertThat(((Fact.Skipped) fact).event()).contains(offline.id()));
    }

    @Test
    void a_call_moves_omni_channel_through_on_a_call_and_after_call_work() {
        Agent maria = maria().talkdeskBecomes("on_a_call");
        assertThat(maria.sent()).containsExactly("omni On_a_Call");
        assertThat(maria.talkdeskBecomes("after_call_work").sent()).containsExactly("omni After_Call_Work");
    }

    @Test
    void the_guides_example_available_and_online_then_a_call_then_back_to_online_and_available() {
        Agent maria = new Agent(returning, MARIA);
        assertThat(maria.statuses()).isEqualTo("available/Available_for_Calls");

        maria.talkdeskBecomes("on_a_call").talkdeskBecomes("after_call_work");
        Agent back = maria.talkdeskBecomes("available");

        assertThat(back.sent()).containsExactly("omni Available_for_Calls");
        assertThat(back.statuses()).isEqualTo("available/Available_for_Calls");
    }

    @Test
    void returning_overrides_talkdesks_own_post_call_status_through_the_omni_to_talkdesk_mapping() {
        Agent maria = new Agent(returning, MARIA)
                .picks("Chat_Only")
                .talkdeskBecomes("on_a_call")
                .talkdeskBecomes("after_call_work");

        Agent back = maria.talkdeskBecomes("available");

        assertThat(back.sent()).containsExactly("omni Chat_Only", "talkdesk chat_only");
        assertThat(back.statuses()).isEqualTo("chat_only/Chat_Only");
    }

    @Test
    void a_second_call_during_wrap_up_keeps_the_first_memory() {
        Agent maria = new Agent(returning, MARIA)
                .picks("Chat_Only")
                .talkdeskBecomes("on_a_call")
                .talkdeskBecomes("after_call_work")
                .talkdeskBecomes("on_a_call")
                .talkdeskBecomes("after_call_work");

        assertThat(maria.talkdeskBecomes("available").sent()).containsExactly("omni Chat_Only", "talkdesk chat_only");
    }

    @Test
    void a_pick_in_the_widget_during_the_call_replaces_the_memory() {
        Agent maria = new Agent(returning, MARIA)
                .talkdeskBecomes("on_a_call")
                .picks("Lunch_Break")
                .talkdeskBecomes("after_call_work");

        assertThat(maria.talkdeskBecomes("available").sent()).containsExactly("omni Lunch_Break", "talkdesk away");
    }

    @Test
    void a_remembered_offline_leaves_omni_channel_alone_and_the_plain_rule_applies() {
        Agent maria = new Agent(returning, MARIA)
                .picks("Offline")
                .talkdeskBecomes("available")
                .talkdeskBecomes("on_a_call")
                .talkdeskBecomes("after_call_work");

        Agent back = maria.talkdeskBecomes("available");

        assertThat(back.sent()).isEmpty();
        assertThat(back.skipped()).containsExactly(SkipReason.OMNI_OFFLINE);
        assertThat(back.session.omniStatus().isOffline()).isTrue();
    }

    @Test
    void with_the_toggle_off_leaving_wrap_up_is_an_ordinary_talkdesk_change() {
        Agent maria = maria().picks("Chat_Only").talkdeskBecomes("on_a_call").talkdeskBecomes("after_call_work");

        assertThat(maria.talkdeskBecomes("available").sent()).containsExactly("omni Available_for_Calls");
    }

    @Test
    void with_the_toggle_off_a_pick_during_wrap_up_wins_over_talkdesks_post_call_status() {
        // the agent picks "Lunch break" while wrapping up: she is not handed work at lunch
        Agent maria = maria().talkdeskBecomes("on_a_call")
                .talkdeskBecomes("after_call_work")
                .picks("Lunch_Break");

        Agent after = maria.talkdeskBecomes("available");

        assertThat(after.sent()).containsExactly("talkdesk away");
        assertThat(after.last.commands())
                .allSatisfy(command -> assertThat(command.because()).isEqualTo(Because.PICKED_DURING_CALL));
        assertThat(after.statuses()).isEqualTo("away/Lunch_Break");
    }

    @Test
    void with_the_toggle_off_a_pick_during_the_call_wins_after_wrap_up_moved_omni_channel() {
        Agent maria = maria().talkdeskBecomes("on_a_call").picks("Lunch_Break").talkdeskBecomes("after_call_work");
        assertThat(maria.statuses()).as("wrap-up maps as usual").isEqualTo("after_call_work/After_Call_Work");

        assertThat(maria.talkdeskBecomes("available").sent()).containsExactly("omni Lunch_Break", "talkdesk away");
    }

    @Test
    void a_logout_during_the_call_is_left_as_it_is_with_the_toggle_off_too() {
        Agent maria = maria().talkdeskBecomes("on_a_call").picks("Offline").talkdeskBecomes("after_call_work");

        Agent after = maria.talkdeskBecomes("available");

        assertThat(after.sent()).isEmpty();
        assertThat(after.skipped()).containsExactly(SkipReason.OMNI_OFFLINE);
    }

    @Test
    void the_engine_never_sends_talkdesk_a_call_status() {
        Agent maria = new Agent(returning, MARIA)
                .talkdeskBecomes("on_a_call")
                .picks("On_a_Call")
                .talkdeskBecomes("after_call_work")
                .talkdeskBecomes("available");

        assertThat(maria.sent()).noneMatch(sent -> sent.contains("on_a_call") || sent.contains("after_call_work"));
    }

    @Test
    void a_vendor_refusal_ends_the_wait_for_the_echo() {
        AgentSession session = AgentSession.of(syncing.agent(MARIA).get());
        AgentDecision sent = decide(syncing, session, talkdesk(MARIA, "lunch"));

        AgentDecision refused =
                PresenceSync.commandFailed(sent.session(), sent.commands().head(), "not granted");

        assertThat(sent.session().expectedOmni()).isNotEmpty();
        assertThat(refused.session().expectedOmni()).isEmpty();
        assertThat(refused.facts()).singleElement().isInstanceOf(Fact.CommandFailed.class);
    }

    @Test
    void a_vendor_that_no_longer_knows_the_status_says_so_and_the_wait_ends() {
        AgentSession session = AgentSession.of(syncing.agent(MARIA).get());
        AgentDecision sent = decide(syncing, session, talkdesk(MARIA, "lunch"));

        AgentDecision refused = PresenceSync.commandFailed(
                sent.session(),
                sent.commands().head(),
                "Omni-Channel has no presence status 'Lunch_Break'",
                CommandFailure.UNKNOWN_AT_VENDOR);

        assertThat(refused.session().expectedOmni()).isEmpty();
        assertThat(refused.facts())
                .singleElement()
                .satisfies(fact ->
                        assertThat(((Fact.CommandFailed) fact).failure()).isEqualTo(CommandFailure.UNKNOWN_AT_VENDOR));
    }

    @Test
    void an_event_about_an_agent_the_configuration_does_not_have_is_skipped() {
        var handled = PresenceSync.handle(syncing, talkdesk(AgentId.of("ghost"), "away"), agent -> {
            throw new AssertionError("no session is looked up, or started, for an agent nobody configured");
        });

        assertThat(handled.isLeft())
                .as("no decision is made, no session is touched")
                .isTrue();
        assertThat(handled.getLeft().reason()).isEqualTo(SkipReason.UNKNOWN_AGENT);
        assertThat(handled.getLeft().because()).isEqualTo(Because.REPORT);
        assertThat(handled.getLeft().detail()).isEqualTo("no agent 'ghost' in the running configuration");
    }

    @Test
    void a_status_the_configuration_does_not_have_is_recorded_and_acts_on_nothing() {
        AgentSession before = AgentSession.of(syncing.agent(MARIA).get());

        var talkdesk = PresenceSync.handle(syncing, talkdesk(MARIA, "nonexistent"), agent -> before);
        var omni = PresenceSync.handle(syncing, omni(MARIA, "Not_A_Presence_Status"), agent -> before);

        assertThat(talkdesk.getLeft().reason()).isEqualTo(SkipReason.UNKNOWN_STATUS);
        assertThat(talkdesk.getLeft().status()).contains("nonexistent");
        assertThat(talkdesk.getLeft().detail())
                .isEqualTo("Talkdesk status 'nonexistent' is not in the running configuration (a new status the admin "
                        + "has not mapped yet): nothing was done");
        assertThat(omni.getLeft().reason()).isEqualTo(SkipReason.UNKNOWN_STATUS);
        assertThat(PresenceSync.handle(syncing, omni(MARIA, "Offline"), agent -> before)
                        .isRight())
                .as("Offline is always known")
                .isTrue();
    }

    @Test
    void every_skip_reads_as_a_sentence() {
        Agent ana = new Agent(syncing, ANA).talkdeskBecomes("chat_only");

        assertThat(((Fact.Skipped) ana.last.facts().head()).detail())
                .isEqualTo(
                        "'chat_only' maps to 'Chat_Only', which the agent's profile and permission sets do not grant");
        assertThat(((Fact.Skipped)
                                maria().talkdeskBecomes("offline").last.facts().head())
                        .detail())
                .isEqualTo("Talkdesk status 'offline' has no Omni-Channel status");
        assertThat(((Fact.Skipped) maria().picks("Away_from_Desk")
                                .picks("Lunch_Break")
                                .last
                                .facts()
                                .head())
                        .detail())
                .isEqualTo("already 'away' in Talkdesk");
    }
}
