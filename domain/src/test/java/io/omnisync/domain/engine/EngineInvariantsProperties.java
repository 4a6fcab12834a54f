package io.omnisync.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.GuideSetup;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.settings.AutomaticChange;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Activation;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;

/**
 * The engine's invariants over generated valid configurations (random mappings in both
 * directions, settings, grants) and generated days: agents picking statuses on both sides, calls
 * with wrap-up, vendors echoing every command back a little late and out of order, webhooks
 * delivered again or late, admin toggles and rejected configurations.
 */
class EngineInvariantsProperties {

    static final java.util.List<String> TALKDESK =
            java.util.List.of("available", "away", "lunch", "chat_only", "offline");
    static final java.util.List<String> OMNI = java.util.List.of(
            "Available_for_Calls", "Chat_Only", "On_a_Call", "After_Call_Work", "Away_from_Desk", "Lunch_Break");
    static final java.util.List<AgentId> AGENTS = java.util.List.of(GuideSetup.MARIA, GuideSetup.ANA);

    /** The engine, its vendors (which echo commands back), and what the property has seen. */
    static final class Day {
        EngineState state;
        final java.util.List<AgentEvent> echoes = new ArrayList<>();
        final java.util.List<AgentEvent> history = new ArrayList<>();
        long clock = Instant.parse("2026-01-06T08:00:00Z").getEpochSecond() * 1000;
        long ids;
        /** What each vendor shows each agent: set by the agent's own changes and by Omnisync's commands. */
        final java.util.Map<AgentId, String> talkdeskShows = new java.util.HashMap<>();

        final java.util.Map<AgentId, String> omniShows = new java.util.HashMap<>();

        Day(Configuration configuration) {
            configuration.agents().values().forEach(agent -> {
                talkdeskShows.put(agent.id(), agent.talkdeskStatus().value());
                omniShows.put(agent.id(), agent.omniStatus().wireName());
            });
            Outcome started = Engine.start(configuration);
            state = started.state();
            sent(started);
        }

        Instant now() {
            return Instant.ofEpochMilli(++clock);
        }

        EventId id() {
            ids++;
            return EventId.of("e" + ids);
        }

        /**
         * Agents and vendors where which report answers which change is a guess, since echoes carry
         * no command id: a change of the agent's own named a status Omnisync was about to set, or
         * two changes awaited at once named the same status.
         */
        final java.util.Set<String> ambiguous = new java.util.HashSet<>();

        /** A genuine change at a vendor: it is applied and every invariant checked. */
        Day report(AgentEvent event) {
            history.add(event);
            AgentSession before = state.sessions().get(event.agent()).get();
            if (before.isEcho(event)) {
                ambiguous.add(event.agent() + "@" + event.system());
            }
            if (event instanceof AgentEvent.TalkdeskStatusReported talkdesk) {
                talkdeskShows.put(talkdesk.agent(), talkdesk.status().value());
            } else if (event instanceof AgentEvent.OmniStatusReported omni) {
                omniShows.put(omni.agent(), omni.status().wireName());
            }
            return handle(event, false);
        }

        Day handle(AgentEvent event, boolean echo) {
            AgentSession before = state.sessions().get(event.agent()).get();
            Outcome outcome = Engine.handle(state, event);
            if (echo) {
                assertThat(outcome.commands())
                        .as("an echo never triggers a command: %s", event)
                        .isEmpty();
            }
            if (event instanceof AgentEvent.OmniStatusReported omni) {
                assertThat(outcome.facts())
                        .as("every fact about an Omni-Channel report carries its reason: %s", event)
                        .allSatisfy(fact -> assertThat(fact.omniReason()).contains(omni.reasonOrManual()));
                if (!before.isEcho(event)
                        && state.configuration().automaticChange(omni.reasonOrManual()) == AutomaticChange.IGNORE) {
                    assertThat(outcome.commands())
                            .as("an ignored automatic change never produces a command: %s", event)
                            .isEmpty();
                }
            }
            state = outcome.state();
            sent(outcome);
            return this;
        }

        private void noteAmbiguity(Outcome outcome) {
            for (Command command : outcome.commands()) {
                AgentSession awaiting =
                        outcome.state().sessions().get(command.agent()).get();
                List<?> expected = command.system() == VendorSystem.OMNI
                        ? awaiting.expectedOmni().toJavaList()
                        : awaiting.expectedTalkdesk().toJavaList();
                if (expected.stream().distinct().count() < expected.size()) {
                    ambiguous.add(command.agent() + "@" + command.system());
                }
            }
        }

        /** Vendors report back within a bounded lag: at most this many reports outstanding per agent and system. */
        static final int VENDOR_LAG = 3;

        private void sent(Outcome outcome) {
            noteAmbiguity(outcome);
            for (Command command : outcome.commands()) {
                deliverOldestIfLagging(command);
                echoes.add(command.sendTo(new Command.Vendors<AgentEvent>() {
                    @Override
                    public AgentEvent talkdesk(Command.SetTalkdeskStatus set) {
                        assertThat(set.status().isReservedForCalls())
                                .as("never a call status: %s", command)
                                .isFalse();
                        talkdeskShows.put(set.agent(), set.status().value());
                        return new AgentEvent.TalkdeskStatusReported(id(), set.agent(), now(), set.status());
                    }

                    @Override
                    public AgentEvent omni(Command.SetOmniStatus set) {
                        AgentSession reported =
                                outcome.state().sessions().get(set.agent()).get();
                        assertThat(reported.omniStatus().isOffline())
                                .as("never sets a status for an agent logged out of Omni-Channel: %s", command)
                                .isFalse();
                        omniShows.put(set.agent(), set.status().apiName());
                        return new AgentEvent.OmniStatusReported(id(), set.agent(), now(), set.status());
                    }
                }));
            }
        }

        private void deliverOldestIfLagging(Command command) {
            java.util.List<AgentEvent> same = echoes.stream()
                    .filter(echo -> echo.agent().equals(command.agent()) && echo.system() == command.system())
                    .toList();
            if (same.size() >= VENDOR_LAG) {
                echoes.remove(same.get(0));
                handle(same.get(0), true);
            }
        }

        /** The vendors report back some of the changes Omnisync made, in any order. */
        Day echo(int first, int howMany) {
            for (int i = 0; i < howMany && !echoes.isEmpty(); i++) {
                AgentEvent echo = echoes.remove(Math.floorMod(first + i, echoes.size()));
                handle(echo, true);
            }
            return this;
        }

        /** Events stop: every echo arrives; then the system is quiet (no ping-pong). */
        Day settle() {
            int rounds = 0;
            while (!echoes.isEmpty()) {
                assertThat(++rounds).as("echoes settle").isLessThan(1_000);
                handle(echoes.remove(0), true);
            }
            return this;
        }

        @Override
        public String toString() {
            return state.toString();
        }
    }

    @Provide
    Arbitrary<Configuration> configurations() {
        return configurations(rules());
    }

    /**
     * Random mappings in both directions (one Omni → Talkdesk row sometimes left out), settings,
     * rules, and what to do with each of Omni-Channel's automatic changes.
     */
    Arbitrary<Configuration> configurations(Arbitrary<io.vavr.collection.List<ConfigurationDraft.RuleDraft>> rules) {
        Arbitrary<LinkedHashMap<String, String>> omniToTalkdesk = Arbitraries.of(
                        "available", "away", "lunch", "chat_only", "offline")
                .list()
                .ofSize(OMNI.size() + 1)
                .map(targets -> {
                    LinkedHashMap<String, String> mapping = LinkedHashMap.empty();
                    for (int i = 0; i < OMNI.size(); i++) {
                        mapping = mapping.put(OMNI.get(i), targets.get(i));
                    }
                    return mapping.put("Offline", targets.get(OMNI.size()));
                });
        Arbitrary<LinkedHashMap<String, String>> talkdeskToOmni = Arbitraries.of(OMNI)
                .list()
                .ofSize(TALKDESK.size() + 2)
                .map(targets -> {
                    LinkedHashMap<String, String> mapping = LinkedHashMap.empty();
                    java.util.List<String> sources = new ArrayList<>(TALKDESK);
                    sources.add("on_a_call");
                    sources.add("after_call_work");
                    for (int i = 0; i < sources.size(); i++) {
                        mapping = mapping.put(sources.get(i), targets.get(i));
                    }
                    return mapping;
                });
        Arbitrary<Integer> dropped = Arbitraries.integers().between(0, 6);
        return Combinators.combine(
                        omniToTalkdesk,
                        talkdeskToOmni,
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        dropped,
                        rules,
                        automaticChanges())
                .as((o2t, t2o, sync, returning, drop, someRules, automatic) -> {
                    ConfigurationDraft draft = GuideSetup.withIntegration(GuideSetup.draft(), i -> {
                        var mapped = GuideSetup.integration(
                                GuideSetup.mapping(i, drop < OMNI.size() ? o2t.remove(OMNI.get(drop)) : o2t, t2o),
                                sync,
                                returning);
                        return new ConfigurationDraft.Integration(
                                mapped.omniChannelSync(),
                                mapped.returnToPreviousStatusAfterCall(),
                                mapped.omniToTalkdesk(),
                                mapped.talkdeskToOmni(),
                                mapped.businessHours(),
                                someRules,
                                automatic);
                    });
                    return GuideSetup.configuration(draft);
                });
    }

    /** Each of Omni-Channel's reasons synced, ignored, or not listed (synced). */
    Arbitrary<LinkedHashMap<String, AutomaticChange>> automaticChanges() {
        return Arbitraries.of(AutomaticChange.SYNC, AutomaticChange.IGNORE, null)
                .list()
                .ofSize(OmniReason.values().length)
                .map(choices -> {
                    LinkedHashMap<String, AutomaticChange> changes = LinkedHashMap.empty();
                    java.util.Iterator<AutomaticChange> choice = choices.iterator();
                    for (OmniReason reason : OmniReason.values()) {
                        AutomaticChange chosen = choice.next();
                        if (chosen != null) {
                            changes = changes.put(reason.wireName(), chosen);
                        }
                    }
                    return changes;
                });
    }

    /** Zero to three presence sync rules on any trigger, with one condition and any allowed action. */
    Arbitrary<io.vavr.collection.List<ConfigurationDraft.RuleDraft>> rules() {
        Arbitrary<ConfigurationDraft.ConditionDraft> condition = Arbitraries.oneOf(
                Combinators.combine(
                                Arbitraries.of("omni.workload", "omni.workloadPercent", "omni.previousWorkload"),
                                Arbitraries.of(">=", "<", "=", "!="),
                                Arbitraries.integers().between(0, 100))
                        .as((left, operator, right) -> new ConfigurationDraft.ConditionDraft(left, operator, right)),
                Combinators.combine(
                                Arbitraries.of("talkdesk.status", "talkdesk.previousStatus"),
                                Arbitraries.of("=", "!="),
                                Arbitraries.of(TALKDESK))
                        .as((left, operator, right) -> new ConfigurationDraft.ConditionDraft(left, operator, right)),
                Combinators.combine(
                                Arbitraries.of("omni.status", "omni.previousStatus"),
                                Arbitraries.of("=", "!="),
                                Arbitraries.of(OMNI))
                        .as((left, operator, right) -> new ConfigurationDraft.ConditionDraft(left, operator, right)),
                Arbitraries.of("Phone", "Chat")
                        .map(channel -> new ConfigurationDraft.ConditionDraft("omni.channel", "=", channel)));
        Arbitrary<ConfigurationDraft.ActionDraft> action = Arbitraries.oneOf(
                Arbitraries.of("available", "away", "lunch", "chat_only")
                        .map(status -> new ConfigurationDraft.ActionDraft("talkdesk", status)),
                Arbitraries.of(OMNI).map(status -> new ConfigurationDraft.ActionDraft("omni", status)));
        Arbitrary<ConfigurationDraft.RuleDraft> rule = Combinators.combine(
                        Arbitraries.of(
                                "TALKDESK_STATUS_CHANGED",
                                "OMNI_STATUS_CHANGED",
                                "OMNI_LOGOUT",
                                "OMNI_WORK_ACCEPTED",
                                "OMNI_WORKLOAD_CHANGED"),
                        condition,
                        action,
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 9999))
                .as((trigger, when, then, enabled, n) -> new ConfigurationDraft.RuleDraft(
                        "rule " + n, enabled, trigger, io.vavr.collection.List.of(when), null, then));
        return rule.list()
                .ofMaxSize(3)
                .uniqueElements(ConfigurationDraft.RuleDraft::name)
                .map(io.vavr.collection.List::ofAll);
    }

    @Provide
    Arbitrary<ActionChain<Day>> days() {
        return configurations()
                .flatMap(configuration -> ActionChain.startWith(() -> new Day(configuration))
                        .withAction(4, new PickInTalkdesk())
                        .withAction(4, new PickInWidget())
                        .withAction(3, new CallStep())
                        .withAction(5, new VendorsEcho())
                        .withAction(1, new Redeliver())
                        .withAction(1, new LateWebhook())
                        .withAction(1, new ToggleSync())
                        .withAction(1, new ToggleReturn())
                        .withAction(1, new RejectedConfiguration())
                        .withAction(2, new OmniWork())
                        .withMaxTransformations(40));
    }

    @Property(tries = 1000)
    void the_engine_keeps_its_promises_on_any_day(@ForAll("days") ActionChain<Day> chain) {
        chain.withInvariant(
                        "echoes are bounded",
                        day -> assertThat(day.echoes.size()).isLessThan(200))
                .run();
        Day day = chain.finalState().orElseThrow().settle();
        for (AgentId agent : AGENTS) {
            AgentSession knows = day.state.sessions().get(agent).get();
            assertThat(knows.talkdeskStatus().value())
                    .as("once every report is in, the engine knows the Talkdesk status of %s", agent)
                    .isEqualTo(day.talkdeskShows.get(agent));
            assertThat(knows.omniStatus().wireName())
                    .as("once every report is in, the engine knows the Omni-Channel status of %s", agent)
                    .isEqualTo(day.omniShows.get(agent));
            Statistics.label("what the engine awaits from Omni-Channel")
                    .collect(day.ambiguous.contains(agent + "@" + VendorSystem.OMNI) ? "a guess" : "checked");
            if (!day.ambiguous.contains(agent + "@" + VendorSystem.OMNI)) {
                assertThat(knows.omniNow().wireName())
                        .as("once every report is in, the engine awaits nothing more from Omni-Channel for %s", agent)
                        .isEqualTo(day.omniShows.get(agent));
                assertThat(knows.expectedOmni().toJavaList()).isEmpty();
            }
            if (!day.ambiguous.contains(agent + "@" + VendorSystem.TALKDESK)) {
                assertThat(knows.talkdeskNow().value())
                        .as("once every report is in, the engine awaits nothing more from Talkdesk for %s", agent)
                        .isEqualTo(day.talkdeskShows.get(agent));
                assertThat(knows.expectedTalkdesk().toJavaList()).isEmpty();
            }
        }
    }

    @Property(tries = 200)
    void replaying_a_recent_event_changes_nothing(@ForAll("days") ActionChain<Day> chain, @ForAll("back") int back) {
        chain.run();
        Day day = chain.finalState().orElseThrow().settle();
        if (day.history.isEmpty()) {
            return;
        }
        AgentEvent replayed = day.history.get(Math.max(0, day.history.size() - 1 - back));
        EngineState before = day.state;

        Outcome again = Engine.handle(before, replayed);

        assertThat(again.commands()).as("replaying %s", replayed).isEmpty();
        assertThat(again.state().sessions().get(replayed.agent()))
                .as("what the engine knows of %s", replayed.agent())
                .isEqualTo(before.sessions().get(replayed.agent()));
    }

    /** The same configuration with the 'Omni-Channel' toggle on and the agents starting where given. */
    static Configuration syncingFrom(
            Configuration configuration, String mariaTalkdesk, String mariaOmni, String anaTalkdesk, String anaOmni) {
        ConfigurationDraft draft = configuration.draft();
        return GuideSetup.configuration(new ConfigurationDraft(
                draft.talkdesk(),
                draft.omniChannel(),
                draft.agents().map(agent -> {
                    boolean maria = agent.id().equals("maria");
                    return new ConfigurationDraft.AgentDraft(
                            agent.id(),
                            agent.talkdeskUserId(),
                            agent.salesforceUserId(),
                            agent.profile(),
                            agent.permissionSets(),
                            maria ? mariaTalkdesk : anaTalkdesk,
                            maria ? mariaOmni : anaOmni);
                }),
                new ConfigurationDraft.Integration(
                        true,
                        draft.integration().returnToPreviousStatusAfterCall(),
                        draft.integration().omniToTalkdesk(),
                        draft.integration().talkdeskToOmni(),
                        draft.integration().businessHours(),
                        draft.integration().presenceSyncRules(),
                        draft.integration().automaticStatusChanges())));
    }

    @Provide
    Arbitrary<String> talkdeskStarts() {
        java.util.List<String> starts = new ArrayList<>(TALKDESK);
        starts.add("on_a_call");
        starts.add("after_call_work");
        return Arbitraries.of(starts);
    }

    @Provide
    Arbitrary<String> omniStarts() {
        java.util.List<String> starts = new ArrayList<>(OMNI);
        starts.add("Offline");
        return Arbitraries.of(starts);
    }

    /** SPEC 4.2: turning sync on moves only agents whose two statuses disagree, and says why it leaves the others. */
    @Property(tries = 500)
    void activation_never_moves_a_consistent_agent(
            @ForAll("configurations") Configuration configuration,
            @ForAll("talkdeskStarts") String mariaTalkdesk,
            @ForAll("omniStarts") String mariaOmni,
            @ForAll("talkdeskStarts") String anaTalkdesk,
            @ForAll("omniStarts") String anaOmni) {
        Configuration syncing = syncingFrom(configuration, mariaTalkdesk, mariaOmni, anaTalkdesk, anaOmni);

        Outcome activated = Engine.start(syncing);

        for (var agent : syncing.agents().values()) {
            boolean consistent = Activation.consistent(syncing.mapping(), agent.talkdeskStatus(), agent.omniStatus());
            var commands =
                    activated.commands().filter(command -> command.agent().equals(agent.id()));
            var skipped = activated
                    .facts()
                    .filter(Fact.Skipped.class::isInstance)
                    .map(Fact.Skipped.class::cast)
                    .filter(fact -> fact.agent().equals(agent.id()));
            if (consistent) {
                assertThat(commands.toJavaList())
                        .as("%s is consistent: left alone", agent.id())
                        .isEmpty();
                assertThat(skipped.map(Fact.Skipped::reason).toJavaList()).containsExactly(SkipReason.CONSISTENT);
            } else {
                assertThat(commands.size() + skipped.size())
                        .as("%s disagrees: moved, or told why not", agent.id())
                        .isEqualTo(1);
                commands.forEach(command -> assertThat(command.statusName())
                        .isEqualTo(syncing.mapping()
                                .presenceStatusFor(agent.talkdeskStatus())
                                .get()
                                .apiName()));
            }
        }
        assertThat(Engine.plan(EngineState.of(syncing)).flatMap(AgentDecision::commands))
                .as("the dry run says the same")
                .isEqualTo(activated.commands());
    }

    /**
     * SPEC 4.2, agents added later: a configuration that adds an agent while sync is on reconciles
     * her at once and alone, by the activation's rule; the agent already running is not looked at,
     * whatever the new configuration's seed for her says.
     */
    @Property(tries = 300)
    void a_configuration_adding_an_agent_while_sync_is_on_reconciles_only_her(
            @ForAll("configurations") Configuration configuration,
            @ForAll("talkdeskStarts") String mariaTalkdesk,
            @ForAll("omniStarts") String mariaOmni,
            @ForAll("talkdeskStarts") String anaTalkdesk,
            @ForAll("omniStarts") String anaOmni) {
        Configuration both = syncingFrom(configuration, mariaTalkdesk, mariaOmni, anaTalkdesk, anaOmni);
        ConfigurationDraft full = both.draft();
        ConfigurationDraft onlyMaria = new ConfigurationDraft(
                full.talkdesk(),
                full.omniChannel(),
                full.agents().filter(agent -> agent.id().equals(GuideSetup.MARIA.value())),
                full.integration());
        EngineState running = Engine.start(GuideSetup.configuration(onlyMaria)).state();
        AgentSession mariaBefore = running.sessions().get(GuideSetup.MARIA).get();

        Outcome added = Engine.replace(running, full, Instant.parse("2026-01-06T21:00:00Z"))
                .get();

        assertThat(added.facts().flatMap(Fact::about).toJavaList())
                .as("the agent already running is not looked at")
                .doesNotContain(GuideSetup.MARIA);
        assertThat(added.state().sessions().get(GuideSetup.MARIA))
                .as("nor is her session changed")
                .contains(mariaBefore);
        var ana = both.agent(GuideSetup.ANA).get();
        var skipped = added.facts().filter(Fact.Skipped.class::isInstance).map(fact -> ((Fact.Skipped) fact).reason());
        if (Activation.consistent(both.mapping(), ana.talkdeskStatus(), ana.omniStatus())) {
            assertThat(added.commands().toJavaList())
                    .as("ana agrees: left alone")
                    .isEmpty();
            assertThat(skipped.toJavaList()).containsExactly(SkipReason.CONSISTENT);
        } else {
            assertThat(added.commands().size() + skipped.size())
                    .as("ana disagrees: moved by activation, or told why not")
                    .isEqualTo(1);
            assertThat(added.commands().toJavaList())
                    .allSatisfy(command -> assertThat(command.because()).isEqualTo(Because.ACTIVATION));
        }
    }

    /**
     * SPEC 4.10: whatever the agent's session, an Omni-Channel report for a reason the
     * configuration ignores sends nothing, records the change as ignored (unless it was no change
     * at all: an echo, a duplicate, a stale or unchanged report), and says the reason.
     */
    @Property(tries = 500)
    void an_ignored_automatic_change_never_produces_a_command(
            @ForAll("configurations") Configuration configuration,
            @ForAll("talkdeskStarts") String talkdesk,
            @ForAll("omniStarts") String omni,
            @ForAll("omniStarts") String movedTo,
            @ForAll OmniReason reason) {
        Assume.that(configuration.automaticChange(reason) == AutomaticChange.IGNORE);
        Day day = new Day(syncingFrom(configuration, talkdesk, omni, "available", "Offline")).settle();
        AgentEvent moved = new AgentEvent.OmniStatusReported(
                day.id(), GuideSetup.MARIA, day.now(), OmniStatus.parse(movedTo), Option.some(reason));

        Outcome outcome = Engine.handle(day.state, moved);

        assertThat(outcome.commands().toJavaList()).isEmpty();
        assertThat(outcome.facts().toJavaList())
                .isNotEmpty()
                .allSatisfy(fact -> assertThat(fact.omniReason()).contains(reason));
        if (!movedTo.equals(day.omniShows.get(GuideSetup.MARIA))) {
            assertThat(outcome.facts()
                            .filter(Fact.Skipped.class::isInstance)
                            .map(fact -> ((Fact.Skipped) fact).reason())
                            .toJavaList())
                    .contains(SkipReason.AUTOMATIC_CHANGE_IGNORED);
        }
    }

    @Provide
    Arbitrary<Configuration> configurationsWithoutRules() {
        return configurations(Arbitraries.just(io.vavr.collection.List.empty()));
    }

    /**
     * SPEC 4.8: a status the agent picks by hand during a call or its wrap-up is where Omni-Channel
     * is once wrap-up ended, whether 'return to previous status after a call' is on or off, and
     * Talkdesk follows it by the Omni → Talkdesk mapping.
     */
    @Property(tries = 500)
    void a_pick_during_a_call_is_where_the_agent_is_after_wrap_up_whatever_the_toggle(
            @ForAll("configurationsWithoutRules") Configuration configuration,
            @ForAll("omniStarts") String start,
            @ForAll("presenceStatuses") String pick,
            @ForAll boolean whileTalking,
            @ForAll("postCall") String postCall) {
        Assume.that(configuration.automaticChange(OmniReason.MANUAL) == AutomaticChange.SYNC);
        Day day = new Day(syncingFrom(configuration, "available", start, "available", "Offline")).settle();
        AgentId maria = GuideSetup.MARIA;
        day.report(new AgentEvent.TalkdeskStatusReported(day.id(), maria, day.now(), TalkdeskStatusId.ON_A_CALL))
                .settle();
        if (!whileTalking) {
            day.report(new AgentEvent.TalkdeskStatusReported(
                            day.id(), maria, day.now(), TalkdeskStatusId.AFTER_CALL_WORK))
                    .settle();
        }
        Assume.that(!day.omniShows.get(maria).equals(pick));
        day.report(new AgentEvent.OmniStatusReported(day.id(), maria, day.now(), OmniStatus.parse(pick)))
                .settle();
        if (whileTalking) {
            day.report(new AgentEvent.TalkdeskStatusReported(
                            day.id(), maria, day.now(), TalkdeskStatusId.AFTER_CALL_WORK))
                    .settle();
        }

        day.report(new AgentEvent.TalkdeskStatusReported(day.id(), maria, day.now(), TalkdeskStatusId.of(postCall)))
                .settle();

        assertThat(day.omniShows.get(maria)).as("Omni-Channel after wrap-up").isEqualTo(pick);
        assertThat(day.talkdeskShows.get(maria))
                .as("Talkdesk after wrap-up")
                .isEqualTo(day.state
                        .configuration()
                        .mapping()
                        .talkdeskStatusFor(OmniStatus.parse(pick))
                        .map(TalkdeskStatusId::value)
                        .getOrElse(postCall));
    }

    @Provide
    Arbitrary<String> presenceStatuses() {
        return Arbitraries.of(OMNI);
    }

    @Provide
    Arbitrary<String> postCall() {
        return Arbitraries.of(TALKDESK);
    }

    @Provide
    Arbitrary<Integer> back() {
        return Arbitraries.integers().between(0, 2);
    }

    static final class PickInTalkdesk implements Action.Independent<Day> {
        @Override
        public Arbitrary<Transformer<Day>> transformer() {
            return Combinators.combine(Arbitraries.of(AGENTS), Arbitraries.of(TALKDESK))
                    .as((agent, status) -> Transformer.transform(
                            agent + " picks " + status + " in Talkdesk",
                            day -> day.report(new AgentEvent.TalkdeskStatusReported(
                                    day.id(), agent, day.now(), TalkdeskStatusId.of(status)))));
        }
    }

    static final class PickInWidget implements Action.Independent<Day> {
        @Override
        public Arbitrary<Transformer<Day>> transformer() {
            java.util.List<String> picks = new ArrayList<>(OMNI);
            picks.add("Offline");
            java.util.List<Option<OmniReason>> reasons = new ArrayList<>();
            reasons.add(Option.none());
            for (OmniReason reason : OmniReason.values()) {
                reasons.add(Option.some(reason));
            }
            return Combinators.combine(Arbitraries.of(AGENTS), Arbitraries.of(picks), Arbitraries.of(reasons))
                    .as((agent, status, reason) -> Transformer.transform(
                            reason.map(why -> "Omni-Channel moves " + agent + " to " + status + " (" + why + ")")
                                    .getOrElse(agent + " picks " + status + " in the widget"),
                            day -> day.report(new AgentEvent.OmniStatusReported(
                                    day.id(), agent, day.now(), OmniStatus.parse(status), reason))));
        }
    }

    /** Talkdesk moves the agent to the next step of a call: answer, hang up, end wrap-up. */
    static final class CallStep implements Action.Independent<Day> {
        @Override
        public Arbitrary<Transformer<Day>> transformer() {
            return Arbitraries.of(AGENTS)
                    .map(agent -> Transformer.transform(agent + " moves on in a call", day -> {
                        TalkdeskStatusId now =
                                day.state.sessions().get(agent).get().talkdeskStatus();
                        TalkdeskStatusId next = now.equals(TalkdeskStatusId.ON_A_CALL)
                                ? TalkdeskStatusId.AFTER_CALL_WORK
                                : now.equals(TalkdeskStatusId.AFTER_CALL_WORK)
                                        ? TalkdeskStatusId.AVAILABLE
                                        : TalkdeskStatusId.ON_A_CALL;
                        return day.report(new AgentEvent.TalkdeskStatusReported(day.id(), agent, day.now(), next));
                    }));
        }
    }

    static final class VendorsEcho implements Action.Independent<Day> {
        @Override
        public Arbitrary<Transformer<Day>> transformer() {
            return Combinators.combine(
                            Arbitraries.integers().between(0, 5),
                            Arbitraries.integers().between(1, 3))
                    .as((first, howMany) -> Transformer.transform(
                            "vendors echo " + howMany + " change(s)", day -> day.echo(first, howMany)));
        }
    }

    /** A webhook delivered again: the same event, the same id. */
    static final class Redeliver implements Action.Independent<Day> {
        @Override
        public Arbitrary<Transformer<Day>> transformer() {
            return Arbitraries.integers()
                    .between(0, 3)
                    .map(back -> Transformer.transform("a webhook is delivered again", day -> {
                        if (day.history.isEmpty()) {
                            return day;
                        }
                        AgentEvent again = day.history.get(Math.max(0, day.history.size() - 1 - back));
                        EngineState before = day.state;
                        Outcome outcome = Engine.handle(before, again);
                        assertThat(outcome.commands())
                                .as("a redelivery sends nothing")
                                .isEmpty();
                        day.state = outcome.state();
                        return day;
                    }));
        }
    }

    /** A webhook older than the latest one already applied from its system. */
    static final class LateWebhook implements Action.Independent<Day> {
        @Override
        public Arbitrary<Transformer<Day>> transformer() {
            return Combinators.combine(Arbitraries.of(AGENTS), Arbitraries.of(TALKDESK))
                    .as((agent, status) -> Transformer.transform("a late Talkdesk webhook for " + agent, day -> {
                        AgentSession knows = day.state.sessions().get(agent).get();
                        var latest = knows.latestTalkdeskEvent();
                        if (latest.isEmpty() || knows.isEchoOf(TalkdeskStatusId.of(status))) {
                            // a late report of a status Omnisync awaits is that command's echo, late: the
                            // vendors' echoes, delivered out of order, make those (VendorsEcho)
                            return day;
                        }
                        Outcome outcome = Engine.handle(
                                day.state,
                                new AgentEvent.TalkdeskStatusReported(
                                        day.id(), agent, latest.get().minusMillis(1), TalkdeskStatusId.of(status)));
                        assertThat(outcome.commands())
                                .as("a stale webhook sends nothing")
                                .isEmpty();
                        AgentSession was = day.state.sessions().get(agent).get();
                        AgentSession is = outcome.state().sessions().get(agent).get();
                        assertThat(List.of(
                                        is.talkdeskStatus(),
                                        is.omniStatus(),
                                        is.callPhase(),
                                        is.recentEventIds(),
                                        is.latestTalkdeskEvent(),
                                        is.latestOmniEvent()))
                                .as("a stale webhook changes nothing the agent chose or a vendor reported")
                                .isEqualTo(List.of(
                                        was.talkdeskStatus(),
                                        was.omniStatus(),
                                        was.callPhase(),
                                        was.recentEventIds(),
                                        was.latestTalkdeskEvent(),
                                        was.latestOmniEvent()));
                        day.state = outcome.state();
                        return day;
                    }));
        }
    }

    /** Omni-Channel's workload changes, or work is accepted on a channel (what workload rules react to). */
    static final class OmniWork implements Action.Independent<Day> {
        @Override
        public Arbitrary<Transformer<Day>> transformer() {
            return Combinators.combine(
                            Arbitraries.of(AGENTS),
                            Arbitraries.integers().between(0, 3),
                            Arbitraries.of("Phone", "Chat", ""))
                    .as((agent, units, channel) -> channel.isEmpty()
                            ? Transformer.transform(
                                    agent + " has " + units + " units of work",
                                    day -> day.report(
                                            new AgentEvent.OmniWorkloadReported(day.id(), agent, day.now(), units)))
                            : Transformer.transform(
                                    agent + " accepts " + channel + " work",
                                    day -> day.report(
                                            new AgentEvent.OmniWorkAccepted(day.id(), agent, day.now(), channel))));
        }
    }

    static final class ToggleSync implements Action.Independent<Day> {
        @Override
        public Arbitrary<Transformer<Day>> transformer() {
            return Arbitraries.of(true, false)
                    .map(on -> Transformer.transform("the admin turns sync " + on, day -> {
                        Engine.change(day.state, new SettingsChange.ToggleSync(on, true, day.now()))
                                .forEach(outcome -> {
                                    day.state = outcome.state();
                                    day.sent(outcome);
                                });
                        return day;
                    }));
        }
    }

    static final class ToggleReturn implements Action.Independent<Day> {
        @Override
        public Arbitrary<Transformer<Day>> transformer() {
            return Arbitraries.of(true, false)
                    .map(on -> Transformer.transform("the admin turns return " + on, day -> {
                        Engine.change(day.state, new SettingsChange.ToggleReturnToPrevious(on, day.now()))
                                .forEach(outcome -> day.state = outcome.state());
                        return day;
                    }));
        }
    }

    /** A configuration with errors: rejected whole, and nothing the engine knows changes. */
    static final class RejectedConfiguration implements Action.Independent<Day> {
        @Override
        public Arbitrary<Transformer<Day>> transformer() {
            return Arbitraries.of("offline to Offline", "Available to on_a_call", "unknown status")
                    .map(broken ->
                            Transformer.transform("the admin saves a broken configuration (" + broken + ")", day -> {
                                ConfigurationDraft draft = GuideSetup.withIntegration(
                                        GuideSetup.draft(),
                                        i -> GuideSetup.mapping(
                                                i,
                                                broken.startsWith("Available")
                                                        ? i.omniToTalkdesk().put("Available_for_Calls", "on_a_call")
                                                        : i.omniToTalkdesk(),
                                                broken.startsWith("offline")
                                                        ? i.talkdeskToOmni().put("offline", "Offline")
                                                        : broken.startsWith("unknown")
                                                                ? i.talkdeskToOmni()
                                                                        .put("napping", "Nap")
                                                                : i.talkdeskToOmni()));
                                assertThat(Engine.replace(day.state, draft, day.now())
                                                .isLeft())
                                        .as("a broken configuration is rejected, with no outcome to apply")
                                        .isTrue();
                                return day;
                            }));
        }
    }
}
