package io.omnisync.adapters.configjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AccessGrantDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.BusinessHoursDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceStatusDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ServiceChannelDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskStatusDraft;
import io.omnisync.domain.configuration.Severity;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The configuration file of SPEC section 6, read field by field into the domain's draft. */
class ReadingTheConfigurationFileTest {

    static String specExample() {
        try (InputStream in = ReadingTheConfigurationFileTest.class.getResourceAsStream("/spec-example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConfigurationDraft read(String json) {
        return JsonConfigurationFile.parse(json, "test.json").get().draft();
    }

    @Test
    void the_specification_example_reads_every_field() {
        ConfigurationDraft draft = read(specExample());

        assertThat(draft.talkdesk().statuses())
                .containsExactly(
                        new TalkdeskStatusDraft("break", "Break", TalkdeskStatusType.AWAY),
                        new TalkdeskStatusDraft("email_only", "Email Only", TalkdeskStatusType.BUSY));
        assertThat(draft.talkdesk().nextAgentStatus()).isFalse();
        assertThat(draft.omniChannel().serviceChannels())
                .containsExactly(
                        new ServiceChannelDraft("Voice", "Voice", true),
                        new ServiceChannelDraft("Email", "Email", false));
        assertThat(draft.omniChannel().presenceStatuses())
                .containsExactly(
                        new PresenceStatusDraft(
                                "Online_Voice", "Online (voice)", PresenceOption.ONLINE, List.of("Voice")),
                        new PresenceStatusDraft(
                                "Online_Email", "Online (email)", PresenceOption.ONLINE, List.of("Email")),
                        new PresenceStatusDraft("On_Call", "On a Call", PresenceOption.BUSY, List.empty()),
                        new PresenceStatusDraft("Break", "Break", PresenceOption.BUSY, List.empty()));
        assertThat(draft.omniChannel().profiles())
                .containsExactly(new AccessGrantDraft("Agent", List.of("Online_Voice", "On_Call", "Break")));
        assertThat(draft.omniChannel().permissionSets())
                .containsExactly(new AccessGrantDraft("Email_Team", List.of("Online_Email")));
        assertThat(draft.omniChannel().presenceConfigurations())
                .containsExactly(new PresenceConfigurationDraft("Default", 4, List.of("Agent"), List.empty()));
        assertThat(draft.agents())
                .containsExactly(new ConfigurationDraft.AgentDraft(
                        "maria",
                        "td-42",
                        "005000000000042AAA",
                        "Agent",
                        List.of("Email_Team"),
                        "available",
                        "Online_Voice"));
        assertThat(draft.integration().omniChannelSync()).isTrue();
        assertThat(draft.integration().returnToPreviousStatusAfterCall()).isFalse();
        assertThat(draft.integration().omniToTalkdesk().toList().map(entry -> entry._1 + "→" + entry._2))
                .containsExactly(
                        "Online_Voice→available",
                        "Online_Email→email_only",
                        "On_Call→break",
                        "Break→break",
                        "Offline→offline");
        assertThat(draft.integration().talkdeskToOmni().toList().map(entry -> entry._1 + "→" + entry._2))
                .containsExactly(
                        "available→Online_Voice",
                        "on_a_call→On_Call",
                        "after_call_work→Break",
                        "break→Break",
                        "email_only→Online_Email");
        assertThat(draft.integration().businessHours())
                .contains(new BusinessHoursDraft(
                        ZoneId.of("Europe/Lisbon"),
                        List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                        LocalTime.of(8, 0),
                        LocalTime.of(20, 0)));
        assertThat(draft.integration().presenceSyncRules()).isEmpty();
    }

    @Test
    void the_specification_example_is_a_valid_configuration() {
        LoadedConfiguration loaded = ConfigurationLoader.load(specExample(), "spec-example.json");

        assertThat(loaded).isInstanceOfSatisfying(LoadedConfiguration.Valid.class, valid -> {
            assertThat(valid.configuration().agents()).hasSize(1);
            assertThat(valid.warnings())
                    .allSatisfy(warning -> assertThat(warning.severity()).isEqualTo(Severity.WARNING));
        });
    }

    @Test
    void every_configuration_in_the_examples_folder_reads() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../../examples"))) {
            assertThat(files.filter(file -> file.toString().endsWith(".json")))
                    .isNotEmpty()
                    .allSatisfy(
                            file -> assertThat(JsonConfigurationFile.read(file).isRight())
                                    .as(file.toString())
                                    .isTrue());
        }
    }

    @Test
    void presence_sync_rules_read_with_text_and_number_literals() {
        ConfigurationDraft draft = read("""
                {"integration": {"presenceSyncRules": [
                  {"name": "Full chat load blocks calls", "enabled": true, "trigger": "OMNI_WORKLOAD_CHANGED",
                   "conditions": [ {"left": "omni.workloadPercent", "operator": ">=", "right": 100},
                                   {"left": "talkdesk.status", "operator": "=", "right": "available"},
                                   {"left": "omni.workload", "operator": "<", "right": 2.5} ],
                   "logic": "1 AND 2",
                   "action": {"system": "talkdesk", "status": "at_capacity"}} ]}}
                """);

        ConfigurationDraft.RuleDraft rule =
                draft.integration().presenceSyncRules().single();
        assertThat(rule.name()).isEqualTo("Full chat load blocks calls");
        assertThat(rule.enabled()).isTrue();
        assertThat(rule.trigger()).isEqualTo("OMNI_WORKLOAD_CHANGED");
        assertThat(rule.conditions().map(ConfigurationDraft.ConditionDraft::right))
                .containsExactly(100, "available", 2.5);
        assertThat(rule.logic()).isEqualTo("1 AND 2");
        assertThat(rule.action()).isEqualTo(new ConfigurationDraft.ActionDraft("talkdesk", "at_capacity"));
    }

    @Test
    void a_rule_written_without_its_toggle_is_enabled() {
        ConfigurationDraft draft = read("{\"integration\": {\"presenceSyncRules\": [{\"name\": \"r\"}]}}");

        assertThat(draft.integration().presenceSyncRules().single().enabled()).isTrue();
    }

    @Test
    void an_agent_without_statuses_starts_offline_in_talkdesk_and_logged_out_of_omni_channel() {
        ConfigurationDraft.AgentDraft agent = read("{\"agents\": [{\"id\": \"maria\", \"talkdeskStatus\": null}]}")
                .agents()
                .single();

        assertThat(agent.talkdeskStatus()).isEqualTo("offline");
        assertThat(agent.omniStatus()).isEqualTo("Offline");
        assertThat(agent.permissionSets()).isEmpty();
    }

    @Test
    void missing_sections_read_as_empty_ones_and_sync_off() {
        ConfigurationDraft draft = read("{}");

        assertThat(draft).isEqualTo(new ConfigurationDraft(null, null, null, null));
        assertThat(draft.integration().omniChannelSync()).isFalse();
        assertThat(draft.integration().businessHours()).isEqualTo(Option.none());
        assertThat(draft.omniChannel().presenceStatuses()).isEmpty();
    }

    @Test
    void a_missing_value_is_left_for_validation_to_report_with_its_path() {
        LoadedConfiguration loaded = ConfigurationLoader.load(
                "{\"talkdesk\": {\"statuses\": [{\"id\": \"lunch\", \"name\": \"Lunch\"}]}}", "test.json");

        assertThat(loaded)
                .isInstanceOfSatisfying(
                        LoadedConfiguration.Invalid.class,
                        invalid -> assertThat(invalid.problems())
                                .extracting(LocatedProblem::path)
                                .contains("talkdesk.statuses[0].type"));
    }

    @Test
    void a_byte_order_mark_written_by_an_editor_is_not_an_error() {
        assertThat(JsonConfigurationFile.parse("\uFEFF" + specExample(), "bom.json")
                        .isRight())
                .isTrue();
    }
}
