package io.omnisync.domain.configuration;

import static io.omnisync.domain.GuideSetup.ANA;
import static io.omnisync.domain.GuideSetup.MARIA;
import static io.omnisync.domain.GuideSetup.configuration;
import static io.omnisync.domain.GuideSetup.draft;
import static io.omnisync.domain.GuideSetup.integration;
import static io.omnisync.domain.GuideSetup.mapping;
import static io.omnisync.domain.GuideSetup.problems;
import static io.omnisync.domain.GuideSetup.withIntegration;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.configuration.ConfigurationDraft.AgentDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.OmniChannel;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceStatusDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ServiceChannelDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.Talkdesk;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskStatusDraft;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.settings.AutomaticChange;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.PresenceStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.ServiceChannel;
import io.omnisync.domain.status.TalkdeskStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** SPEC section 3: every rule, by its code. */
class ConfigurationValidationTest {

    private static ConfigurationDraft withOmni(ConfigurationDraft draft, OmniChannel omni) {
        return new ConfigurationDraft(draft.talkdesk(), omni, draft.agents(), draft.integration());
    }

    private static ConfigurationDraft withStatuses(Seq<PresenceStatusDraft> statuses) {
        OmniChannel omni = draft().omniChannel();
        return withOmni(
                draft(),
                new OmniChannel(
                        omni.serviceChannels(),
                        statuses,
                        omni.profiles(),
                        omni.permissionSets(),
                        omni.presenceConfigurations()));
    }

    private static Seq<Problem> with(ProblemCode code, ConfigurationDraft draft) {
        return problems(draft).filter(problem -> problem.code() == code);
    }

    private static LinkedHashMap<String, String> omniToTalkdesk() {
        return draft().integration().omniToTalkdesk();
    }

    private static LinkedHashMap<String, String> talkdeskToOmni() {
        return draft().integration().talkdeskToOmni();
    }

    @Test
    void the_guides_contact_center_is_valid() {
        assertThat(Configuration.validate(draft()).isValid()).isTrue();
    }

    @Test
    void a_mapping_to_a_status_that_does_not_exist_is_unknown_status() {
        var draft = withIntegration(
                draft(),
                i -> mapping(
                        i,
                        omniToTalkdesk().put("Chat_Only", "chat_ony"),
                        talkdeskToOmni().put("napping", "Lunch_Break")));

        assertThat(with(ProblemCode.UNKNOWN_STATUS, draft))
                .extracting(Problem::path)
                .containsExactly("integration.omniToTalkdesk.Chat_Only", "integration.talkdeskToOmni.napping");
    }

    @Test
    void an_agent_naming_an_unknown_profile_or_status_is_unknown_status() {
        var draft = new ConfigurationDraft(
                draft().talkdesk(),
                draft().omniChannel(),
                List.of(new AgentDraft("maria", "td-1", "005A", "Agnt", List.of("Nope"), "napping", "Sleeping")),
                draft().integration());

        assertThat(with(ProblemCode.UNKNOWN_STATUS, draft))
                .extracting(Problem::path)
                .containsExactly(
                        "agents[0].profile",
                        "agents[0].permissionSets[0]",
                        "agents[0].talkdeskStatus",
                        "agents[0].omniStatus");
    }

    @Test
    void two_things_of_a_kind_sharing_an_id_is_duplicate_id() {
        var talkdesk = new Talkdesk(
                List.of(
                        new TalkdeskStatusDraft("lunch", "Lunch", TalkdeskStatusType.AWAY),
                        new TalkdeskStatusDraft("lunch", "Lunch again", TalkdeskStatusType.AWAY),
                        new TalkdeskStatusDraft("away", "Away (custom)", TalkdeskStatusType.AWAY)),
                false);
        var draft = new ConfigurationDraft(
                talkdesk,
                draft().omniChannel(),
                draft().agents().append(new AgentDraft("maria", "td-9", "005Z", "Agent", List.empty(), null, null)),
                draft().integration());

        assertThat(with(ProblemCode.DUPLICATE_ID, draft))
                .extracting(Problem::path)
                .containsExactly("talkdesk.statuses[2].id", "talkdesk.statuses[1].id", "agents[2].id");
    }

    @Test
    void omni_to_talkdesk_may_not_target_a_call_status() {
        var draft = withIntegration(
                draft(),
                i -> mapping(
                        i,
                        omniToTalkdesk().put("On_a_Call", "on_a_call").put("After_Call_Work", "after_call_work"),
                        talkdeskToOmni()));

        Seq<Problem> problems = with(ProblemCode.RESERVED_STATUS_AS_TARGET, draft);

        assertThat(problems)
                .extracting(Problem::path)
                .containsExactly("integration.omniToTalkdesk.On_a_Call", "integration.omniToTalkdesk.After_Call_Work");
        assertThat(problems.head().message()).contains("reserved");
    }

    @Test
    void talkdesk_to_omni_may_not_target_offline() {
        var draft = withIntegration(
                draft(), i -> mapping(i, omniToTalkdesk(), talkdeskToOmni().put("offline", "Offline")));

        assertThat(with(ProblemCode.OFFLINE_AS_TARGET, draft))
                .extracting(Problem::path)
                .containsExactly("integration.talkdeskToOmni.offline");
    }

    @Test
    void offline_may_be_a_source_of_omni_to_talkdesk() {
        assertThat(problems(draft()).filter(Problem::isError)).isEmpty();
        assertThat(configuration().mapping().talkdeskStatusFor(io.omnisync.domain.status.OmniStatus.OFFLINE))
                .isNotEmpty();
    }

    @Test
    void a_presence_status_serving_voice_and_chat_is_multiple_urgent_channels() {
        var draft = withStatuses(draft().omniChannel()
                .presenceStatuses()
                .append(new PresenceStatusDraft(
                        "Available_for_All",
                        "Available for all",
                        PresenceOption.ONLINE,
                        List.of("Phone", "Chat", "Case"))));

        assertThat(with(ProblemCode.MULTIPLE_URGENT_CHANNELS, draft))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.path()).isEqualTo("omniChannel.presenceStatuses[6].channels");
                    assertThat(problem.message()).contains("Phone, Chat");
                });
    }

    @Test
    void one_urgent_channel_with_non_urgent_ones_is_fine() {
        assertThat(with(ProblemCode.MULTIPLE_URGENT_CHANNELS, draft())).isEmpty();
    }

    @Test
    void a_busy_status_listing_channels_is_channels_on_busy_status() {
        var draft =
                withStatuses(List.of(new PresenceStatusDraft("Busy", "Busy", PresenceOption.BUSY, List.of("Case"))));

        assertThat(with(ProblemCode.CHANNELS_ON_BUSY_STATUS, draft))
                .extracting(Problem::path)
                .containsExactly("omniChannel.presenceStatuses[0].channels");
    }

    @Test
    void an_online_status_serving_nothing_is_no_channel_on_online_status() {
        var draft =
                withStatuses(List.of(new PresenceStatusDraft("Online", "Online", PresenceOption.ONLINE, List.empty())));

        assertThat(with(ProblemCode.NO_CHANNEL_ON_ONLINE_STATUS, draft)).hasSize(1);
    }

    @Test
    void return_to_previous_and_next_agent_status_together_conflict() {
        var base = withIntegration(draft(), i -> integration(i, true, true));
        var draft = new ConfigurationDraft(
                new Talkdesk(base.talkdesk().statuses(), true), base.omniChannel(), base.agents(), base.integration());

        assertThat(with(ProblemCode.CONFLICTING_AFTER_CALL_SETTINGS, draft)).hasSize(1);
    }

    @Test
    void on_a_call_mapped_back_to_a_non_away_status_is_warned_about() {
        var draft = withIntegration(
                draft(), i -> mapping(i, omniToTalkdesk().put("On_a_Call", "available"), talkdeskToOmni()));

        Seq<Problem> warnings = with(ProblemCode.ON_A_CALL_ROUND_TRIP, draft);

        assertThat(warnings).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertThat(problem.path()).isEqualTo("integration.omniToTalkdesk.On_a_Call");
        });
        assertThat(Configuration.validate(draft).isValid())
                .as("a warning is accepted")
                .isTrue();
    }

    @Test
    void on_a_call_not_mapped_back_at_all_is_warned_about_and_mapped_to_away_is_not() {
        var draft = withIntegration(draft(), i -> mapping(i, omniToTalkdesk().remove("On_a_Call"), talkdeskToOmni()));

        assertThat(with(ProblemCode.ON_A_CALL_ROUND_TRIP, draft)).hasSize(1);
        assertThat(with(ProblemCode.ON_A_CALL_ROUND_TRIP, draft())).isEmpty();
    }

    @Test
    void a_target_some_agents_are_not_granted_is_warned_about_naming_them() {
        assertThat(with(ProblemCode.TARGET_NOT_GRANTED, draft()))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.severity()).isEqualTo(Severity.WARNING);
                    assertThat(problem.message())
                            .contains("'Chat_Only'")
                            .contains("ana")
                            .doesNotContain("maria");
                });
    }

    @Test
    void a_status_without_a_mapping_in_its_direction_is_warned_about() {
        assertThat(with(ProblemCode.UNMAPPED_STATUS, draft()))
                .extracting(Problem::message)
                .containsExactly("Talkdesk status 'offline' has no Omni-Channel status: changes to it are not synced");
    }

    @Test
    void every_problem_is_reported_at_once_errors_first() {
        var draft = withStatuses(List.of(
                new PresenceStatusDraft("Everything", "Everything", PresenceOption.ONLINE, List.of("Phone", "Chat")),
                new PresenceStatusDraft("Busy", "Busy", PresenceOption.BUSY, List.of("Case"))));

        Seq<Problem> problems = problems(withIntegration(
                draft,
                i -> mapping(i, LinkedHashMap.of("Busy", "on_a_call"), LinkedHashMap.of("available", "Offline"))));

        assertThat(problems.map(Problem::code))
                .contains(
                        ProblemCode.MULTIPLE_URGENT_CHANNELS,
                        ProblemCode.CHANNELS_ON_BUSY_STATUS,
                        ProblemCode.RESERVED_STATUS_AS_TARGET,
                        ProblemCode.OFFLINE_AS_TARGET,
                        ProblemCode.UNKNOWN_STATUS);
        assertThat(problems.dropWhile(Problem::isError).filter(Problem::isError))
                .isEmpty();
        assertThat(problems).allSatisfy(problem -> {
            assertThat(problem.path()).isNotBlank();
            assertThat(problem.message()).isNotBlank();
        });
    }

    @Test
    void a_configuration_with_an_error_cannot_be_built() {
        var draft = withIntegration(
                draft(), i -> mapping(i, omniToTalkdesk(), talkdeskToOmni().put("offline", "Offline")));

        assertThat(Configuration.validate(draft).isInvalid()).isTrue();
    }

    @Test
    void warnings_travel_with_a_valid_configuration() {
        assertThat(configuration().warnings())
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void many_statuses_may_map_to_the_same_one_in_either_direction() {
        var mapping = configuration().mapping();

        assertThat(mapping.omniToTalkdesk()
                        .values()
                        .count(status -> status.value().equals("away")))
                .isEqualTo(4);
    }

    @Test
    void agents_are_granted_what_their_profile_and_permission_sets_give_and_get_their_capacity() {
        var maria = configuration().agent(MARIA).get();
        var ana = configuration().agent(io.omnisync.domain.GuideSetup.ANA).get();

        assertThat(maria.isGranted(PresenceStatusId.of("Chat_Only"))).isTrue();
        assertThat(ana.isGranted(PresenceStatusId.of("Chat_Only"))).isFalse();
        assertThat(maria.capacity()).contains(3);
    }

    @Test
    void an_agent_without_statuses_starts_offline_in_both_systems() {
        var draft = new ConfigurationDraft(
                draft().talkdesk(),
                draft().omniChannel(),
                List.of(new AgentDraft("ana", "td-2", "005B", "Agent", List.empty(), null, null)),
                draft().integration());

        var ana = configuration(draft).agent(io.omnisync.domain.GuideSetup.ANA).get();

        assertThat(ana.talkdeskStatus().value()).isEqualTo("offline");
        assertThat(ana.omniStatus().isOffline()).isTrue();
    }

    @Test
    void missing_values_capacity_and_business_hours_are_checked_too() {
        var omni = draft().omniChannel();
        var draft = withOmni(
                draft(),
                new OmniChannel(
                        omni.serviceChannels().append(new ServiceChannelDraft(null, "Nameless", false)),
                        omni.presenceStatuses(),
                        omni.profiles(),
                        omni.permissionSets(),
                        List.of(new ConfigurationDraft.PresenceConfigurationDraft(
                                "Zero", 0, List.of("Agent"), List.empty()))));

        assertThat(problems(draft).map(Problem::code)).contains(ProblemCode.MISSING_VALUE, ProblemCode.INVALID_VALUE);
    }

    private static ConfigurationDraft withPresenceConfiguration(
            Option<String> onDecline, Option<String> onPushTimeout) {
        OmniChannel omni = draft().omniChannel();
        return withOmni(
                draft(),
                new OmniChannel(
                        omni.serviceChannels(),
                        omni.presenceStatuses(),
                        omni.profiles(),
                        omni.permissionSets(),
                        List.of(new ConfigurationDraft.PresenceConfigurationDraft(
                                "Agents", 3, List.of("Agent"), List.empty(), onDecline, onPushTimeout))));
    }

    private static ConfigurationDraft withAutomaticChanges(LinkedHashMap<String, AutomaticChange> changes) {
        return withIntegration(
                draft(),
                i -> new ConfigurationDraft.Integration(
                        i.omniChannelSync(),
                        i.returnToPreviousStatusAfterCall(),
                        i.omniToTalkdesk(),
                        i.talkdeskToOmni(),
                        i.businessHours(),
                        i.presenceSyncRules(),
                        changes));
    }

    @Test
    void the_statuses_salesforce_moves_agents_to_on_decline_and_push_timeout_must_exist() {
        Seq<Problem> unknown =
                with(ProblemCode.UNKNOWN_STATUS, withPresenceConfiguration(Option.some("Nap"), Option.some("Offline")));

        assertThat(unknown)
                .extracting(Problem::path)
                .containsExactly(
                        "omniChannel.presenceConfigurations[0].statusOnDecline",
                        "omniChannel.presenceConfigurations[0].statusOnPushTimeout");
        assertThat(unknown.head().message()).isEqualTo("there is no presence status 'Nap'");
        assertThat(unknown.last().message()).contains("'Offline' means logged out of Omni-Channel");
    }

    @Test
    void known_statuses_on_decline_and_push_timeout_are_kept_with_the_agents_presence_configuration() {
        Configuration valid =
                configuration(withPresenceConfiguration(Option.some("Away_from_Desk"), Option.some("Lunch_Break")));

        var agents = valid.presenceConfigurationOf(MARIA).get();
        assertThat(agents.statusOnDecline()).contains(PresenceStatusId.of("Away_from_Desk"));
        assertThat(agents.statusOnPushTimeout()).contains(PresenceStatusId.of("Lunch_Break"));
    }

    @Test
    void automatic_status_changes_name_only_reasons_omni_channel_reports() {
        Seq<Problem> invalid = with(
                ProblemCode.INVALID_VALUE,
                withAutomaticChanges(LinkedHashMap.of(
                        "OmniPushTimeout", AutomaticChange.IGNORE, "PushTimeout", AutomaticChange.IGNORE)));

        assertThat(invalid).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("integration.automaticStatusChanges.PushTimeout");
            assertThat(problem.message())
                    .isEqualTo("'PushTimeout' is not a reason Omni-Channel reports; the reasons are "
                            + "OmniManualStatusChange, OmniToolkitStatusChange, OmniDeclineWork, OmniPushTimeout, "
                            + "OmniSupervisorStatusChange, OmniLoginStatusChange");
        });
    }

    @Test
    void reasons_not_listed_are_synced_and_listed_ones_say_what_to_do() {
        Configuration valid = configuration(withAutomaticChanges(LinkedHashMap.of(
                "OmniPushTimeout", AutomaticChange.IGNORE,
                "OmniDeclineWork", AutomaticChange.SYNC)));

        assertThat(valid.automaticChange(OmniReason.PUSH_TIMEOUT)).isEqualTo(AutomaticChange.IGNORE);
        assertThat(valid.automaticChange(OmniReason.DECLINE_WORK)).isEqualTo(AutomaticChange.SYNC);
        assertThat(valid.automaticChange(OmniReason.SUPERVISOR)).isEqualTo(AutomaticChange.SYNC);
        assertThat(valid.automaticStatusChanges())
                .as("the reasons listed, in the order written")
                .containsExactly(
                        io.vavr.Tuple.of(OmniReason.PUSH_TIMEOUT, AutomaticChange.IGNORE),
                        io.vavr.Tuple.of(OmniReason.DECLINE_WORK, AutomaticChange.SYNC));
    }

    /** The command line and the store print problems this way (a scenario's rejected configuration, a stored one). */
    @Test
    void a_problem_reads_as_its_severity_code_place_and_message() {
        var draft = withIntegration(
                draft(), i -> mapping(i, omniToTalkdesk(), talkdeskToOmni().put("offline", "Offline")));

        assertThat(with(ProblemCode.OFFLINE_AS_TARGET, draft).single())
                .hasToString("ERROR OFFLINE_AS_TARGET at integration.talkdeskToOmni.offline: Talkdesk statuses never "
                        + "log agents out of Omni-Channel: 'offline' cannot map to Offline; map it to a Busy presence "
                        + "status instead");
    }

    @Test
    void an_invalid_configuration_reports_its_warnings_with_its_errors() {
        var base = withIntegration(draft(), i -> integration(i, true, true));
        var conflicting = new ConfigurationDraft(
                new Talkdesk(base.talkdesk().statuses(), true), base.omniChannel(), base.agents(), base.integration());
        Seq<Problem> warningsOfTheValidOne = configuration().warnings();

        Seq<Problem> problems = Configuration.validate(conflicting).getError();

        assertThat(problems.filter(Problem::isError).map(Problem::code))
                .containsExactly(ProblemCode.CONFLICTING_AFTER_CALL_SETTINGS);
        assertThat(problems.reject(Problem::isError)).isNotEmpty().containsExactlyElementsOf(warningsOfTheValidOne);
    }

    @Test
    void warnings_about_statuses_that_do_not_exist_are_left_to_the_errors() {
        var draft = withIntegration(
                draft(),
                i -> mapping(
                        i,
                        omniToTalkdesk().put("On_a_Call", "napping"),
                        talkdeskToOmni().put("lunch", "Snoozing")));

        Seq<Problem> problems = Configuration.validate(draft).getError();

        assertThat(problems.filter(p -> p.code() == ProblemCode.UNKNOWN_STATUS)).hasSize(2);
        assertThat(problems.map(Problem::code))
                .doesNotContain(ProblemCode.ON_A_CALL_ROUND_TRIP)
                .contains(ProblemCode.UNMAPPED_STATUS);
        assertThat(problems.filter(p -> p.code() == ProblemCode.TARGET_NOT_GRANTED))
                .extracting(Problem::message)
                .noneMatch(message -> message.contains("Snoozing"));
    }

    @Test
    void ids_and_names_with_a_control_or_invisible_character_are_invalid_values() {
        for (String hidden : new String[] {"\n", "\t", "\u0000", "\u200B", "\uFEFF", "\u2028", "\u2029", "\u202E"}) {
            var omni = draft().omniChannel();
            var draft = new ConfigurationDraft(
                    new Talkdesk(
                            List.of(new TalkdeskStatusDraft("lun" + hidden + "ch", "Lunch", TalkdeskStatusType.AWAY)),
                            false),
                    new OmniChannel(
                            omni.serviceChannels(),
                            omni.presenceStatuses(),
                            omni.profiles()
                                    .map(p -> new ConfigurationDraft.AccessGrantDraft(
                                            p.name() + hidden, p.presenceStatuses())),
                            omni.permissionSets(),
                            omni.presenceConfigurations()),
                    List.of(new AgentDraft(
                            "maria" + hidden, "td-1" + hidden, "005A", "Agent" + hidden, List.empty(), null, null)),
                    draft().integration());

            Seq<Problem> invalid = with(ProblemCode.INVALID_VALUE, draft);

            assertThat(invalid)
                    .as("U+%04X", (int) hidden.charAt(0))
                    .extracting(Problem::path)
                    .containsExactly(
                            "talkdesk.statuses[0].id",
                            "omniChannel.profiles[0].name",
                            "agents[0].id",
                            "agents[0].talkdeskUserId");
            assertThat(invalid.head().message())
                    .contains(String.format("U+%04X", (int) hidden.charAt(0)))
                    .contains(String.format("'lun\\u%04Xch'", (int) hidden.charAt(0)))
                    .doesNotContain(hidden);
        }
    }

    @Test
    void a_label_may_hold_the_joiners_of_scripts_and_emoji_but_no_line_break() {
        var omni = draft().omniChannel();
        var draft = withOmni(
                draft(),
                new OmniChannel(
                        List.of(
                                new ServiceChannelDraft("Phone", "Phone\u200C\u200D\u200E\u200F", true),
                                new ServiceChannelDraft("Chat", "Chat\nline", true),
                                new ServiceChannelDraft("Case", "Case", false)),
                        omni.presenceStatuses(),
                        omni.profiles(),
                        omni.permissionSets(),
                        omni.presenceConfigurations()));

        assertThat(with(ProblemCode.INVALID_VALUE, draft))
                .extracting(Problem::path)
                .containsExactly("omniChannel.serviceChannels[1].label");
    }

    @Test
    void a_configuration_without_agents_is_valid_and_warned_about() {
        var draft =
                new ConfigurationDraft(draft().talkdesk(), draft().omniChannel(), List.empty(), draft().integration());

        var validated = Configuration.validate(draft);

        assertThat(validated.isValid()).isTrue();
        assertThat(validated.get().warnings().filter(p -> p.code() == ProblemCode.NO_AGENTS))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.severity()).isEqualTo(Severity.WARNING);
                    assertThat(problem.path()).isEqualTo("agents");
                    assertThat(problem.message()).contains("nothing will be synced");
                });
        assertThat(with(ProblemCode.NO_AGENTS, draft())).isEmpty();
        assertThat(with(ProblemCode.NO_AGENTS, new ConfigurationDraft(null, null, null, null)))
                .hasSize(1);
    }

    private static ConfigurationDraft withPresenceConfigurations(
            Seq<ConfigurationDraft.PresenceConfigurationDraft> configurations) {
        OmniChannel omni = draft().omniChannel();
        return withOmni(
                draft(),
                new OmniChannel(
                        omni.serviceChannels(),
                        omni.presenceStatuses(),
                        omni.profiles(),
                        omni.permissionSets(),
                        configurations));
    }

    private static ConfigurationDraft.PresenceConfigurationDraft presenceConfiguration(
            String name, int capacity, Seq<String> profiles, Seq<String> users) {
        return new ConfigurationDraft.PresenceConfigurationDraft(name, capacity, profiles, users);
    }

    @Test
    void a_presence_configuration_assigned_to_the_user_wins_over_her_profiles_by_id_or_salesforce_user() {
        Configuration valid = configuration(withPresenceConfigurations(List.of(
                presenceConfiguration("Agents", 3, List.of("Agent"), List.empty()),
                presenceConfiguration("Maria", 5, List.empty(), List.of("maria")),
                presenceConfiguration("Ana", 2, List.empty(), List.of("005B")))));

        assertThat(valid.agent(MARIA).get().capacity()).contains(5);
        assertThat(valid.presenceConfigurationOf(MARIA).get().name()).isEqualTo("Maria");
        assertThat(valid.agent(ANA).get().capacity()).contains(2);
        assertThat(valid.presenceConfigurationOf(ANA).get().name()).isEqualTo("Ana");
    }

    @Test
    void an_agent_with_no_presence_configuration_has_no_capacity() {
        Configuration valid = configuration(
                withPresenceConfigurations(List.of(presenceConfiguration("Nobody's", 3, List.empty(), List.empty()))));

        assertThat(valid.agent(MARIA).get().capacity()).isEmpty();
        assertThat(valid.presenceConfigurationOf(MARIA)).isEmpty();
    }

    @Test
    void an_agent_given_two_presence_configurations_by_user_or_two_by_profile_alone_is_multiple() {
        var byUser = withPresenceConfigurations(List.of(
                presenceConfiguration("Agents", 3, List.of("Agent"), List.empty()),
                presenceConfiguration("Maria", 5, List.empty(), List.of("maria")),
                presenceConfiguration("Maria again", 4, List.empty(), List.of("005A"))));
        var byProfile = withPresenceConfigurations(List.of(
                presenceConfiguration("Agents", 3, List.of("Agent"), List.empty()),
                presenceConfiguration("Agents too", 4, List.of("Agent"), List.empty())));
        var userWins = withPresenceConfigurations(List.of(
                presenceConfiguration("Agents", 3, List.of("Agent"), List.empty()),
                presenceConfiguration("Agents too", 4, List.of("Agent"), List.empty()),
                presenceConfiguration("Maria", 5, List.empty(), List.of("maria"))));

        assertThat(with(ProblemCode.MULTIPLE_PRESENCE_CONFIGURATIONS, byUser))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.path()).isEqualTo("agents[0]");
                    assertThat(problem.message())
                            .isEqualTo("agent 'maria' is given 2 presence configurations (Maria, Maria again); "
                                    + "an agent has at most one");
                });
        assertThat(with(ProblemCode.MULTIPLE_PRESENCE_CONFIGURATIONS, byProfile))
                .extracting(Problem::path)
                .containsExactly("agents[0]", "agents[1]");
        assertThat(with(ProblemCode.MULTIPLE_PRESENCE_CONFIGURATIONS, userWins))
                .extracting(Problem::path)
                .as("maria's own wins; ana still has two by profile")
                .containsExactly("agents[1]");
    }

    @Test
    void a_capacity_of_one_is_enough() {
        var one =
                withPresenceConfigurations(List.of(presenceConfiguration("Agents", 1, List.of("Agent"), List.empty())));
        var none =
                withPresenceConfigurations(List.of(presenceConfiguration("Agents", 0, List.of("Agent"), List.empty())));

        assertThat(with(ProblemCode.INVALID_VALUE, one)).isEmpty();
        assertThat(with(ProblemCode.INVALID_VALUE, none)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("omniChannel.presenceConfigurations[0].capacity");
            assertThat(problem.message()).isEqualTo("capacity must be at least 1, not 0");
        });
    }

    @Test
    void a_channel_or_presence_status_without_a_label_is_shown_by_its_api_name() {
        var omni = draft().omniChannel();
        var draft = withOmni(
                draft(),
                new OmniChannel(
                        List.of(
                                new ServiceChannelDraft("Phone", null, true),
                                new ServiceChannelDraft("Chat", " ", true),
                                new ServiceChannelDraft("Case", "Cases", false)),
                        omni.presenceStatuses()
                                .update(
                                        0,
                                        new PresenceStatusDraft(
                                                "Available_for_Calls",
                                                null,
                                                PresenceOption.ONLINE,
                                                List.of("Phone", "Case")))
                                .update(
                                        1,
                                        new PresenceStatusDraft(
                                                "Chat_Only", "", PresenceOption.ONLINE, List.of("Chat", "Case"))),
                        omni.profiles(),
                        omni.permissionSets(),
                        omni.presenceConfigurations()));

        Configuration valid = configuration(draft);

        assertThat(valid.serviceChannels().values().map(ServiceChannel::label))
                .containsExactly("Phone", "Chat", "Cases");
        assertThat(valid.serviceChannels().get("Phone").get().urgent()).isTrue();
        assertThat(valid.presenceStatuses().values().map(PresenceStatus::label))
                .containsExactly(
                        "Available_for_Calls",
                        "Chat_Only",
                        "On a Call",
                        "After Call Work",
                        "Away from desk",
                        "Lunch break");
        assertThat(valid.presenceStatus(PresenceStatusId.of("Chat_Only")).get().channels())
                .containsExactly("Chat", "Case");
        assertThat(valid.presenceStatus(PresenceStatusId.of("Chat_Only")).get().receivesWork())
                .isTrue();
        assertThat(valid.presenceStatus(PresenceStatusId.of("Lunch_Break"))
                        .get()
                        .receivesWork())
                .as("Busy stops all new work")
                .isFalse();
    }

    @Test
    void the_built_in_talkdesk_statuses_come_first_then_the_custom_ones_with_their_names_and_types() {
        Configuration valid = configuration();

        assertThat(valid.talkdeskStatuses().keySet().map(TalkdeskStatusId::value))
                .containsExactly("available", "on_a_call", "after_call_work", "away", "offline", "chat_only", "lunch");
        assertThat(valid.talkdeskStatus(TalkdeskStatusId.of("lunch")).get())
                .isEqualTo(new TalkdeskStatus(TalkdeskStatusId.of("lunch"), "Lunch", TalkdeskStatusType.AWAY));
    }

    @Test
    void agents_lacking_a_target_are_named_in_order_and_the_statuses_mapping_to_it_are_the_path() {
        var omni = draft().omniChannel();
        // neither agent is granted Chat_Only: maria's permission set now grants only Lunch_Break
        var draft = withOmni(
                draft(),
                new OmniChannel(
                        omni.serviceChannels(),
                        omni.presenceStatuses(),
                        omni.profiles(),
                        List.of(new ConfigurationDraft.AccessGrantDraft("Chat_Team", List.of("Lunch_Break"))),
                        omni.presenceConfigurations()));

        assertThat(with(ProblemCode.TARGET_NOT_GRANTED, draft)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("integration.talkdeskToOmni.chat_only");
            assertThat(problem.message())
                    .isEqualTo("'Chat_Only' is not granted to ana, maria by profile or permission set; they "
                            + "will never be moved there");
        });
    }

    @Test
    void on_a_call_mapped_back_says_where_it_maps_back_to() {
        var draft = withIntegration(
                draft(), i -> mapping(i, omniToTalkdesk().put("On_a_Call", "available"), talkdeskToOmni()));

        assertThat(with(ProblemCode.ON_A_CALL_ROUND_TRIP, draft))
                .extracting(Problem::message)
                .containsExactly("'On_a_Call' (what Talkdesk On a Call maps to) maps back to 'available' (AVAILABLE); "
                        + "agents should not pick it in the widget, but in case they do, map it to a Talkdesk "
                        + "status of type AWAY");
    }

    @Test
    void an_unmapped_presence_status_is_warned_about_but_nameless_statuses_and_offline_are_left_to_the_errors() {
        var omni = draft().omniChannel();
        var draft = withIntegration(
                withStatuses(omni.presenceStatuses()
                        .append(new PresenceStatusDraft(null, "Nameless", PresenceOption.BUSY, List.empty()))
                        .append(new PresenceStatusDraft("Offline", "Offline", PresenceOption.BUSY, List.empty()))),
                i -> mapping(i, omniToTalkdesk().remove("Lunch_Break").remove("Offline"), talkdeskToOmni()));

        assertThat(with(ProblemCode.UNMAPPED_STATUS, draft))
                .extracting(Problem::message)
                .containsExactly(
                        "Talkdesk status 'offline' has no Omni-Channel status: changes to it are not synced",
                        "presence status 'Lunch_Break' has no Talkdesk status: changes to it are not synced");
    }

    @Test
    void custom_talkdesk_statuses_without_an_id_or_a_type_are_left_to_the_errors() {
        var draft = new ConfigurationDraft(
                new Talkdesk(
                        draft().talkdesk()
                                .statuses()
                                .append(new TalkdeskStatusDraft(null, "Nameless", TalkdeskStatusType.AWAY))
                                .append(new TalkdeskStatusDraft("typeless", "Typeless", null)),
                        false),
                draft().omniChannel(),
                draft().agents(),
                draft().integration());

        assertThat(with(ProblemCode.MISSING_VALUE, draft))
                .extracting(Problem::path)
                .containsExactly("talkdesk.statuses[2].id", "talkdesk.statuses[3].type");
        assertThat(with(ProblemCode.UNMAPPED_STATUS, draft))
                .extracting(Problem::message)
                .containsExactly("Talkdesk status 'offline' has no Omni-Channel status: changes to it are not synced");
    }

    @Test
    void every_id_name_and_label_is_checked_for_hidden_characters_at_its_own_place() {
        String zws = "\u200B";
        String nl = "\n";
        var omni = draft().omniChannel();
        var draft = new ConfigurationDraft(
                new Talkdesk(
                        List.of(new TalkdeskStatusDraft(
                                "lunch",
                                "Lunch" + nl,
                                TalkdeskStatusType.AWAY,
                                Option.some(new ConfigurationDraft.TalkdeskPresenceDraft(
                                        "away", Option.some("lunch" + zws))))),
                        false),
                new OmniChannel(
                        omni.serviceChannels().append(new ServiceChannelDraft("Email" + zws, "Email", false)),
                        omni.presenceStatuses()
                                .append(new PresenceStatusDraft(
                                        "Email" + zws,
                                        "Email" + nl,
                                        PresenceOption.BUSY,
                                        List.empty(),
                                        Option.some("0N5" + zws)))
                                .append(new PresenceStatusDraft(
                                        "Quiet", "Quiet", PresenceOption.BUSY, List.empty(), Option.some("0N5ab"))),
                        omni.profiles(),
                        omni.permissionSets()
                                .append(new ConfigurationDraft.AccessGrantDraft("Sets" + zws, List.empty())),
                        omni.presenceConfigurations()
                                .append(presenceConfiguration("Night" + zws, 1, List.empty(), List.empty()))),
                List.of(
                        new AgentDraft("maria", "td-1", "005A", "Agent", List.empty(), null, null),
                        new AgentDraft("ana", "td-2", "005B" + zws, "Agent", List.empty(), null, null)),
                withRule(draft().integration(), "Lunch" + zws));

        assertThat(with(ProblemCode.INVALID_VALUE, draft))
                .extracting(Problem::path)
                .containsExactly(
                        "talkdesk.statuses[0].name",
                        "talkdesk.statuses[0].presence.customStatusId",
                        "omniChannel.serviceChannels[3].apiName",
                        "omniChannel.presenceStatuses[6].apiName",
                        "omniChannel.presenceStatuses[6].label",
                        "omniChannel.presenceStatuses[6].salesforceId",
                        "omniChannel.permissionSets[1].name",
                        "omniChannel.presenceConfigurations[1].name",
                        "agents[1].salesforceUserId",
                        "integration.presenceSyncRules[0].name");
        assertThat(with(ProblemCode.INVALID_VALUE, draft).map(Problem::message))
                .contains("'Email\\u200B' holds U+200B (ZERO WIDTH SPACE), a control or invisible character; ids and "
                        + "names must be visible text")
                .contains("'Email\\u000A' holds U+000A (LINE FEED (LF)), a control or invisible character; a label is "
                        + "shown on one line, as visible text");
    }

    private static ConfigurationDraft.Integration withRule(ConfigurationDraft.Integration i, String name) {
        return new ConfigurationDraft.Integration(
                i.omniChannelSync(),
                i.returnToPreviousStatusAfterCall(),
                i.omniToTalkdesk(),
                i.talkdeskToOmni(),
                i.businessHours(),
                List.of(new ConfigurationDraft.RuleDraft(
                        name,
                        true,
                        "TALKDESK_STATUS_CHANGED",
                        List.of(new ConfigurationDraft.ConditionDraft("talkdesk.status", "=", "lunch")),
                        null,
                        new ConfigurationDraft.ActionDraft("omni", "Lunch_Break"))),
                i.automaticStatusChanges());
    }

    /**
     * A draft built by code rather than read from a file may map a status to nothing (null): that
     * is an error naming the entry, never an exception, warnings included (they are reported with
     * the errors).
     */
    @Test
    void a_mapping_to_no_status_at_all_is_unknown_even_when_a_status_lacks_its_id() {
        var draft = withIntegration(
                new ConfigurationDraft(
                        new Talkdesk(
                                draft().talkdesk()
                                        .statuses()
                                        .append(new TalkdeskStatusDraft(null, "Nameless", TalkdeskStatusType.AWAY)),
                                false),
                        draft().omniChannel(),
                        draft().agents(),
                        draft().integration()),
                i -> mapping(i, omniToTalkdesk().put("Lunch_Break", null), talkdeskToOmni()));
        var presence = withIntegration(
                withStatuses(draft().omniChannel()
                        .presenceStatuses()
                        .append(new PresenceStatusDraft(null, "Nameless", PresenceOption.BUSY, List.empty()))),
                i -> mapping(i, omniToTalkdesk(), talkdeskToOmni().put("lunch", null)));

        assertThat(with(ProblemCode.UNKNOWN_STATUS, draft))
                .extracting(Problem::path, Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "integration.omniToTalkdesk.Lunch_Break", "there is no Talkdesk status 'null'"));
        assertThat(with(ProblemCode.UNKNOWN_STATUS, presence))
                .extracting(Problem::path, Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "integration.talkdeskToOmni.lunch", "there is no presence status 'null'"));
    }
}
