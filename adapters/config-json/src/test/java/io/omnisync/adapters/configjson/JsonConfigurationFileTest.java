package io.omnisync.adapters.configjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.configuration.ProblemCode;
import io.omnisync.domain.status.TalkdeskStatusType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JsonConfigurationFileTest {

    private static final Path EXAMPLES = Path.of("../../examples");

    private static JsonConfigurationFile.Parsed read(String json) {
        return JsonConfigurationFile.parse(json, "test.json").get();
    }

    private static ReadError error(String json) {
        return JsonConfigurationFile.parse(json, "test.json").getLeft();
    }

    @Test
    void the_documented_examples_read_and_validate() {
        for (String name : new String[] {"contact-center.json", "chat-capacity.json"}) {
            ConfigurationDraft draft =
                    JsonConfigurationFile.read(EXAMPLES.resolve(name)).get().draft();

            assertThat(Configuration.validate(draft).isValid()).as(name).isTrue();
        }
    }

    @Test
    void missing_agent_statuses_default_to_offline_in_both_systems() {
        var agent = read("{\"agents\":[{\"id\":\"maria\"}]}").draft().agents().head();

        assertThat(agent.talkdeskStatus()).isEqualTo("offline");
        assertThat(agent.omniStatus()).isEqualTo("Offline");
    }

    @Test
    void what_is_written_reads_back_equal() {
        ConfigurationDraft draft = JsonConfigurationFile.read(EXAMPLES.resolve("chat-capacity.json"))
                .get()
                .draft();

        ConfigurationDraft again = read(JsonConfigurationFile.write(draft)).draft();

        assertThat(again).isEqualTo(draft);
    }

    @Test
    void the_mapping_tables_keep_the_order_the_admin_wrote() {
        var draft = read("{\"integration\":{\"omniToTalkdesk\":{\"B\":\"away\",\"A\":\"available\",\"C\":\"away\"}}}")
                .draft();

        assertThat(draft.integration().omniToTalkdesk().keySet()).containsExactly("B", "A", "C");
    }

    @Test
    void every_problem_of_the_domain_finds_its_line() throws Exception {
        var parsed = JsonConfigurationFile.read(EXAMPLES.resolve("broken.json")).get();
        var problems = Configuration.validate(parsed.draft()).getError();

        Problem offline =
                problems.find(p -> p.code() == ProblemCode.OFFLINE_AS_TARGET).get();
        Problem urgent = problems.find(p -> p.code() == ProblemCode.MULTIPLE_URGENT_CHANNELS)
                .get();
        Problem busy = problems.find(p -> p.code() == ProblemCode.CHANNELS_ON_BUSY_STATUS)
                .get();

        assertThat(parsed.lines().lineOf(offline.path())).contains(19);
        assertThat(parsed.lines().lineOf(urgent.path())).contains(8);
        assertThat(parsed.lines().lineOf(busy.path())).contains(9);
        assertThat(parsed.lines().lineOf("agents[0].profile")).contains(14);
        assertThat(parsed.lines().lineOf("no.such.path")).isEmpty();
    }

    @Test
    void an_unknown_field_names_its_line_its_parent_and_the_known_fields() {
        ReadError error = error("{\n  \"talkdesk\": {\n    \"statusess\": []\n  }\n}");

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.path()).isEqualTo("talkdesk.statusess");
        assertThat(error.message()).contains("'statusess'").contains("statuses");
    }

    @Test
    void a_value_of_the_wrong_type_is_an_error_with_its_path() {
        ReadError error =
                error("{\"omniChannel\": {\"serviceChannels\": [\n {\"apiName\": \"Phone\", \"urgent\": \"yes\"}]}}");

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.path()).isEqualTo("omniChannel.serviceChannels[0].urgent");
    }

    @Test
    void an_unknown_status_type_or_day_is_an_error_naming_the_field() {
        ReadError type = error("{\"talkdesk\":{\"statuses\":[{\"id\":\"x\",\"name\":\"X\",\"type\":\"SLEEPING\"}]}}");
        ReadError day = error("{\"integration\":{\"businessHours\":{\"timeZone\":\"Europe/Lisbon\",\"days\":[\"MON\"],"
                + "\"start\":\"08:00\",\"end\":\"20:00\"}}}");
        ReadError zone = error("{\"integration\":{\"businessHours\":{\"timeZone\":\"Mars/Olympus\",\"days\":[],"
                + "\"start\":\"08:00\",\"end\":\"20:00\"}}}");

        assertThat(type.path()).isEqualTo("talkdesk.statuses[0].type");
        assertThat(type.message()).contains("SLEEPING").contains(TalkdeskStatusType.AWAY.name());
        assertThat(day.path()).isEqualTo("integration.businessHours.days[0]");
        assertThat(zone.path()).isEqualTo("integration.businessHours.timeZone");
    }

    @Test
    void malformed_json_a_duplicated_key_and_an_empty_file_are_errors() {
        assertThat(error("{\n \"agents\": [\n").message()).startsWith("malformed JSON");
        assertThat(error("{\"agents\": [], \"agents\": []}").message()).contains("agents");
        assertThat(error("").message()).isNotBlank();
    }

    @Test
    void a_missing_file_is_an_error_naming_it() {
        ReadError error =
                JsonConfigurationFile.read(Path.of("no/such/file.json")).getLeft();

        assertThat(error.toString()).startsWith("no/such/file.json").contains("cannot read");
    }

    @Test
    void the_codec_encodes_and_decodes_drafts() {
        ConfigurationDraft draft = JsonConfigurationFile.read(EXAMPLES.resolve("contact-center.json"))
                .get()
                .draft();
        JsonConfigurationCodec codec = new JsonConfigurationCodec();

        assertThat(codec.decode(codec.encode(draft)).get()).isEqualTo(draft);
        assertThat(codec.decode("{").isLeft()).isTrue();
    }
}
