package io.omnisync.adapters.configjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ActionDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AgentDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.BusinessHoursDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ConditionDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.Integration;
import io.omnisync.domain.configuration.ConfigurationDraft.RuleDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskStatusDraft;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a store writes is the configuration file's own format, and reads back equal. */
class WritingTheConfigurationTest {

    private static ConfigurationDraft readBack(ConfigurationDraft draft) {
        return JsonConfigurationFile.parse(JsonConfigurationFile.write(draft), "written.json")
                .get()
                .draft();
    }

    @Test
    void the_specification_example_reads_back_equal_after_writing() {
        ConfigurationDraft draft = JsonConfigurationFile.parse(
                        ReadingTheConfigurationFileTest.specExample(), "spec-example.json")
                .get()
                .draft();

        assertThat(readBack(draft)).isEqualTo(draft);
    }

    @Test
    void every_example_configuration_reads_back_equal_after_writing() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../../examples"))) {
            files.filter(file -> file.toString().endsWith(".json")).forEach(file -> {
                ConfigurationDraft draft =
                        JsonConfigurationFile.read(file).get().draft();
                assertThat(readBack(draft)).as(file.toString()).isEqualTo(draft);
            });
        }
    }

    @Test
    void a_draft_with_rules_hours_defaults_and_missing_values_reads_back_equal() {
        ConfigurationDraft draft = new ConfigurationDraft(
                new ConfigurationDraft.Talkdesk(List.of(new TalkdeskStatusDraft("lunch", null, null)), true),
                null,
                List.of(new AgentDraft("maria", "td-1", null, "Agent", null, null, null)),
                new Integration(
                        true,
                        false,
                        LinkedHashMap.of("Z_last", "away", "A_first", "available", "Offline", "offline"),
                        LinkedHashMap.of("lunch", "Break"),
                        Option.some(new BusinessHoursDraft(
                                ZoneId.of("America/Sao_Paulo"),
                                List.of(DayOfWeek.SATURDAY, DayOfWeek.MONDAY),
                                LocalTime.of(7, 30),
                                LocalTime.of(19, 0))),
                        List.of(
                                new RuleDraft(
                                        "Full chat load blocks calls",
                                        false,
                                        "OMNI_WORKLOAD_CHANGED",
                                        List.of(
                                                new ConditionDraft("omni.workloadPercent", ">=", 100),
                                                new ConditionDraft("omni.workload", "<", 2.5),
                                                new ConditionDraft("talkdesk.status", "=", "available"),
                                                new ConditionDraft("omni.channel", "=", null)),
                                        null,
                                        new ActionDraft("talkdesk", "lunch")),
                                new RuleDraft("No action yet", true, null, null, "1", null))));

        assertThat(readBack(draft)).isEqualTo(draft);
    }

    @Test
    void the_mapping_tables_are_written_in_the_order_the_admin_wrote_them() {
        ConfigurationDraft draft = new ConfigurationDraft(
                null,
                null,
                null,
                new Integration(
                        false,
                        false,
                        LinkedHashMap.of("Zulu", "away", "Alpha", "available", "Mike", "away"),
                        null,
                        null,
                        null));

        String written = JsonConfigurationFile.write(draft);

        assertThat(written.indexOf("\"Zulu\"")).isLessThan(written.indexOf("\"Alpha\""));
        assertThat(written.indexOf("\"Alpha\"")).isLessThan(written.indexOf("\"Mike\""));
        assertThat(readBack(draft).integration().omniToTalkdesk().keySet()).containsExactly("Zulu", "Alpha", "Mike");
    }

    @Test
    void the_written_file_uses_the_field_names_of_the_specification() {
        ConfigurationDraft draft = JsonConfigurationFile.parse(
                        ReadingTheConfigurationFileTest.specExample(), "spec-example.json")
                .get()
                .draft();

        String written = JsonConfigurationFile.write(draft);

        assertThat(written)
                .contains(
                        "\"talkdesk\": {",
                        "\"statuses\": [",
                        "\"preferences\": {",
                        "\"nextAgentStatus\": false",
                        "\"omniChannel\": {",
                        "\"serviceChannels\"",
                        "\"presenceStatuses\"",
                        "\"profiles\"",
                        "\"permissionSets\"",
                        "\"presenceConfigurations\"",
                        "\"agents\": [",
                        "\"talkdeskStatus\": \"available\"",
                        "\"omniChannelSync\": true",
                        "\"returnToPreviousStatusAfterCall\": false",
                        "\"omniToTalkdesk\": {",
                        "\"talkdeskToOmni\": {",
                        "\"businessHours\": {",
                        "\"timeZone\": \"Europe/Lisbon\"",
                        "\"start\": \"08:00\"",
                        "\"channels\": []");
        assertThat(written).doesNotContain("null");
    }

    @Test
    void the_store_codec_encodes_and_decodes_drafts_and_explains_text_it_cannot_decode() {
        JsonConfigurationCodec codec = new JsonConfigurationCodec();
        ConfigurationDraft draft = new ConfigurationDraft(
                new ConfigurationDraft.Talkdesk(
                        List.of(new TalkdeskStatusDraft("lunch", "Lunch", TalkdeskStatusType.AWAY)), false),
                null,
                null,
                null);

        assertThat(codec.decode(codec.encode(draft)).get()).isEqualTo(draft);
        assertThat(codec.decode("{\"talkdesk\": 1}").getLeft())
                .isEqualTo("stored configuration:1:2: wrong type at talkdesk: expected an object, found the number 1");
    }
}
