package io.omnisync.adapters.configjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.settings.AutomaticChange;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * The fields SPEC 6 adds for the real vendor adapters ({@code presence}, {@code salesforceId},
 * {@code vendors}) and for automatic status changes ({@code statusOnDecline},
 * {@code statusOnPushTimeout}, {@code automaticStatusChanges}) are read as written and written back.
 */
class VendorAndAutomaticChangeFieldsTest {

    private static final String FILE = """
            {
              "talkdesk": {
                "statuses": [ {"id": "lunch", "name": "Lunch", "type": "AWAY",
                               "presence": {"status": "away", "customStatusId": "cs-lunch"}},
                              {"id": "chat_only", "name": "Chat Only", "type": "BUSY"} ]
              },
              "omniChannel": {
                "serviceChannels": [ {"apiName": "Chat", "label": "Chat", "urgent": true} ],
                "presenceStatuses": [
                  {"apiName": "Chat_Only", "label": "Chat Only", "option": "ONLINE", "channels": ["Chat"],
                   "salesforceId": "0N5000000000001AAA"},
                  {"apiName": "Break", "label": "Break", "option": "BUSY", "channels": []} ],
                "presenceConfigurations": [ {"name": "Default", "capacity": 4, "profiles": [], "users": [],
                                             "statusOnDecline": "Break", "statusOnPushTimeout": "Break"} ]
              },
              "integration": {
                "automaticStatusChanges": {"OmniPushTimeout": "IGNORE", "OmniDeclineWork": "SYNC"}
              },
              "vendors": {
                "talkdesk": {"apiBaseUrl": "https://api.talkdeskapp.com", "tokenUrl": "https://acme.talkdeskid.com/oauth/token",
                             "scopes": ["presence-user:write", "presence-user:read"]},
                "omniChannel": {"consoleOrigins": ["https://acme.lightning.force.com"]}
              }
            }
            """;

    private static ConfigurationDraft read(String text) {
        return JsonConfigurationFile.parse(text, "vendors.json").get().draft();
    }

    @Test
    void every_new_field_is_read_as_written() {
        ConfigurationDraft draft = read(FILE);

        var lunch = draft.talkdesk().statuses().get(0);
        assertThat(lunch.presence().map(ConfigurationDraft.TalkdeskPresenceDraft::status))
                .contains("away");
        assertThat(lunch.presence().flatMap(ConfigurationDraft.TalkdeskPresenceDraft::customStatusId))
                .contains("cs-lunch");
        assertThat(draft.talkdesk().statuses().get(1).presence()).isEmpty();
        assertThat(draft.omniChannel().presenceStatuses().map(p -> p.salesforceId()))
                .containsExactly(Option.some("0N5000000000001AAA"), Option.none());
        var configuration = draft.omniChannel().presenceConfigurations().get(0);
        assertThat(configuration.statusOnDecline()).contains("Break");
        assertThat(configuration.statusOnPushTimeout()).contains("Break");
        assertThat(draft.integration().automaticStatusChanges().toJavaMap())
                .containsEntry("OmniPushTimeout", AutomaticChange.IGNORE)
                .containsEntry("OmniDeclineWork", AutomaticChange.SYNC);
        var talkdesk = draft.vendors()
                .flatMap(ConfigurationDraft.VendorsDraft::talkdesk)
                .get();
        assertThat(talkdesk.apiBaseUrl()).isEqualTo("https://api.talkdeskapp.com");
        assertThat(talkdesk.tokenUrl()).isEqualTo("https://acme.talkdeskid.com/oauth/token");
        assertThat(talkdesk.scopes()).containsExactly("presence-user:write", "presence-user:read");
        assertThat(draft.vendors()
                        .flatMap(ConfigurationDraft.VendorsDraft::omniChannel)
                        .map(ConfigurationDraft.OmniChannelVendorDraft::consoleOrigins))
                .contains(List.of("https://acme.lightning.force.com"));
    }

    @Test
    void the_new_fields_read_back_equal_after_writing() {
        ConfigurationDraft draft = read(FILE);

        assertThat(read(JsonConfigurationFile.write(draft))).isEqualTo(draft);
    }

    @Test
    void a_file_without_them_writes_none_of_them() {
        String written = JsonConfigurationFile.write(read("{\"agents\": []}"));

        assertThat(written)
                .doesNotContain("vendors")
                .doesNotContain("automaticStatusChanges")
                .doesNotContain("salesforceId")
                .doesNotContain("presence\"");
    }

    @Test
    void an_automatic_change_other_than_sync_or_ignore_is_unreadable_and_names_its_field() {
        var read = JsonConfigurationFile.parse(
                "{\"integration\": {\"automaticStatusChanges\": {\"OmniPushTimeout\": \"ignore\"}}}", "bad.json");

        assertThat(read.isLeft()).isTrue();
        assertThat(read.getLeft().path()).isEqualTo("integration.automaticStatusChanges.OmniPushTimeout");
        assertThat(read.getLeft().message()).contains("'ignore'").contains("IGNORE");
    }

    @Test
    void a_missing_automatic_change_is_unreadable_and_names_its_field() {
        var read = JsonConfigurationFile.parse(
                "{\"integration\": {\"automaticStatusChanges\": {\"OmniDeclineWork\": null}}}", "bad.json");

        assertThat(read.isLeft()).isTrue();
        assertThat(read.getLeft().path()).isEqualTo("integration.automaticStatusChanges.OmniDeclineWork");
    }

    @Test
    void an_unknown_field_inside_vendors_is_still_an_error() {
        var read = JsonConfigurationFile.parse(
                "{\"vendors\": {\"talkdesk\": {\"clientSecret\": \"s3cr3t\"}}}", "bad.json");

        assertThat(read.isLeft()).isTrue();
        assertThat(read.getLeft().message()).contains("clientSecret").doesNotContain("s3cr3t");
    }
}
