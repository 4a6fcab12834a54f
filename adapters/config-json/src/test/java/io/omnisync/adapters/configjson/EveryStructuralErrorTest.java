package io.omnisync.adapters.configjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

/**
 * A file that is not a configuration (the command line's exit 2) says everything one pass over it
 * can find, in the order of the file, each with file, line, column and field (issue 12); malformed
 * JSON stops the parser, and is one error at its position.
 */
class EveryStructuralErrorTest {

    private static Seq<ReadError> errors(String json) {
        return JsonConfigurationFile.parseAll(json, "bad.json").getLeft();
    }

    @Test
    void every_structural_error_is_reported_in_one_pass_in_the_order_of_the_file() {
        Seq<ReadError> errors = errors("""
                {
                  "talkdesk": {
                    "statusess": [],
                    "statuses": [{"id": "lunch", "name": "Lunch", "type": "SLEEPING"}]
                  },
                  "omniChannel": {
                    "serviceChannels": [{"apiName": "Phone", "urgent": "yes"}],
                    "presenceStatuses": [{"apiName": "A", "option": "ONLINE", "channels": ["Phone", null]}],
                    "presenceConfigurations": [{"name": "D", "capacity": 4.5}]
                  },
                  "agents": [
                    {"id": "maria", "nme": "Maria"},
                    "ana",
                    {"id": 42}
                  ],
                  "integration": {
                    "omniToTalkdesk": {"Break": "away", "Break": "lunch"},
                    "businessHours": {"timeZone": "Mars/Olympus", "days": ["Funday"], "start": "8am"}
                  }
                }
                """);

        assertThat(errors)
                .extracting(ReadError::line, ReadError::column, ReadError::path)
                .containsExactly(
                        tuple(3, 5, "talkdesk.statusess"),
                        tuple(4, 51, "talkdesk.statuses[0].type"),
                        tuple(7, 46, "omniChannel.serviceChannels[0].urgent"),
                        tuple(8, 85, "omniChannel.presenceStatuses[0].channels[1]"),
                        tuple(9, 46, "omniChannel.presenceConfigurations[0].capacity"),
                        tuple(12, 21, "agents[0].nme"),
                        tuple(13, 5, "agents[1]"),
                        tuple(14, 6, "agents[2].id"),
                        tuple(17, 41, "integration.omniToTalkdesk.Break"),
                        tuple(18, 23, "integration.businessHours.timeZone"),
                        tuple(18, 60, "integration.businessHours.days[0]"),
                        tuple(18, 71, "integration.businessHours.start"));
        assertThat(errors.map(ReadError::message))
                .containsExactly(
                        "unknown field 'statusess' at talkdesk (known: preferences, statuses)",
                        "unknown Talkdesk status type 'SLEEPING' at talkdesk.statuses[0].type; one of AVAILABLE, BUSY,"
                                + " AWAY, OFFLINE",
                        "wrong type at omniChannel.serviceChannels[0].urgent: expected true or false, found the text"
                                + " \"yes\"",
                        "null is not allowed at omniChannel.presenceStatuses[0].channels[1]: write a value, or leave"
                                + " the element out",
                        "wrong type at omniChannel.presenceConfigurations[0].capacity: expected a whole number, found"
                                + " the number 4.5",
                        "unknown field 'nme' at agents[0] (known: id, omniStatus, permissionSets, profile,"
                                + " salesforceUserId, talkdeskStatus, talkdeskUserId)",
                        "wrong type at agents[1]: expected an object, found the text \"ana\"",
                        "wrong type at agents[2].id: expected text, found the number 42",
                        "duplicate field 'Break' at integration.omniToTalkdesk: each field may be written once",
                        "'Mars/Olympus' at integration.businessHours.timeZone is not a time zone such as Europe/Lisbon",
                        "unknown day 'Funday' at integration.businessHours.days[0]; one of MONDAY, TUESDAY, WEDNESDAY,"
                                + " THURSDAY, FRIDAY, SATURDAY, SUNDAY",
                        "'8am' at integration.businessHours.start is not a time such as 08:00");
        assertThat(errors).allSatisfy(error -> assertThat(error.toString()).startsWith("bad.json:" + error.line()));
    }

    @Test
    void the_first_error_is_what_read_and_parse_give() {
        String json = "{\"talkdesk\": {\"statusess\": []},\n \"agents\": [{\"id\": 42}]}";

        assertThat(JsonConfigurationFile.parse(json, "bad.json").getLeft())
                .isEqualTo(errors(json).head());
        assertThat(errors(json)).hasSize(2);
    }

    @Test
    void malformed_json_stops_the_parser_and_is_one_error_at_its_position_after_those_before_it() {
        Seq<ReadError> errors =
                errors("{\n \"talkdesk\": {\"statusess\": []},\n \"agents\": [\n {\"id\": \"a\" \"b\"}]}\n");

        assertThat(errors)
                .extracting(ReadError::line, ReadError::path)
                .containsExactly(tuple(2, "talkdesk.statusess"), tuple(4, ""));
        assertThat(errors.last().message()).startsWith("malformed JSON: ");
        assertThat(errors.last().column()).isPositive();
    }

    @Test
    void an_unknown_section_is_skipped_whole_and_what_follows_it_is_still_read() {
        Seq<ReadError> errors = errors(
                "{\"extra\": {\"a\": [1, {\"b\": null}], \"c\": \"d\"},\n \"agents\": {},\n \"vendors\": {\"talkdesk\": []}}");

        assertThat(errors).extracting(ReadError::path).containsExactly("extra", "agents", "vendors.talkdesk");
    }

    @Test
    void a_wrong_file_lists_the_first_thousand_errors_and_counts_the_rest() {
        StringBuilder json = new StringBuilder("{\"agents\": [");
        for (int i = 0; i < 1500; i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"nme\": ").append(i).append('}');
        }
        json.append("]}");

        Seq<ReadError> errors = errors(json.toString());

        assertThat(errors).hasSize(ConfigurationReader.MOST_ERRORS + 1);
        assertThat(errors.get(999).path()).isEqualTo("agents[999].nme");
        assertThat(errors.last().toString())
                .isEqualTo("bad.json: and 500 more errors, not listed after the first 1000");
    }

    @Test
    void a_loaded_unreadable_file_carries_every_error() {
        LoadedConfiguration loaded = ConfigurationLoader.load(
                "{\"talkdesk\": {\"statusess\": []},\n \"agents\": [{\"id\": 42}]}", "bad.json");

        assertThat(loaded).isInstanceOfSatisfying(LoadedConfiguration.Unreadable.class, unreadable -> {
            assertThat(unreadable.errors()).extracting(ReadError::line).containsExactly(1, 2);
            assertThat(unreadable.error()).isEqualTo(unreadable.errors().head());
        });
    }
}
