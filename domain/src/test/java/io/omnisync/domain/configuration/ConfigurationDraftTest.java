package io.omnisync.domain.configuration;

import static io.omnisync.domain.GuideSetup.draft;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.configuration.ConfigurationDraft.OmniChannelVendorDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceStatusDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskPresenceDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskStatusDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskVendorDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.VendorsDraft;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * The configuration as written (SPEC 3 and 6): a file may leave any part out, which reads as empty
 * or off, and what the vendor adapters need (the Talkdesk presence body, the Salesforce Id of a
 * presence status, the vendors' endpoints) is kept exactly as written, also when run-time settings
 * are written into the draft.
 */
class ConfigurationDraftTest {

    @Test
    void a_draft_that_leaves_everything_out_is_empty_and_off() {
        ConfigurationDraft empty = new ConfigurationDraft(null, null, null, null, null);

        assertThat(empty.talkdesk().statuses()).isEmpty();
        assertThat(empty.omniChannel().presenceStatuses()).isEmpty();
        assertThat(empty.agents()).isEmpty();
        assertThat(empty.integration()).isEqualTo(ConfigurationDraft.Integration.off());
        assertThat(empty.integration().omniChannelSync()).isFalse();
        assertThat(empty.vendors()).isEmpty();
        assertThat(new VendorsDraft(null, null).talkdesk()).isEmpty();
        assertThat(new VendorsDraft(null, null).omniChannel()).isEmpty();
        assertThat(new TalkdeskVendorDraft("https://api", "https://token", null).scopes())
                .isEmpty();
        assertThat(new OmniChannelVendorDraft(null).consoleOrigins()).isEmpty();
    }

    @Test
    void all_switches_off_means_no_sync_no_return_after_a_call_and_no_next_agent_status() {
        assertThat(IntegrationSettings.off()).isEqualTo(new IntegrationSettings(false, false, false));
    }

    @Test
    void what_the_vendor_adapters_need_is_kept_as_written() {
        var talkdeskVendor = new TalkdeskVendorDraft(
                "https://api.talkdeskapp.com",
                "https://acme.talkdeskid.com/oauth/token",
                List.of("presence-user:write"));
        var omniVendor = new OmniChannelVendorDraft(List.of("https://acme.lightning.force.com"));
        var lunch = new TalkdeskStatusDraft(
                "lunch",
                "Lunch",
                TalkdeskStatusType.AWAY,
                Option.some(new TalkdeskPresenceDraft("away", Option.some("lunch"))));
        var chatOnly = new PresenceStatusDraft(
                "Chat_Only", "Chat Only", PresenceOption.ONLINE, List.of("Chat"), Option.some("0N5000000000001"));
        var agents = new PresenceConfigurationDraft("Agents", 3, List.of("Agent"), List.of("005A"));

        var vendors = new VendorsDraft(Option.some(talkdeskVendor), Option.some(omniVendor));
        ConfigurationDraft written = new ConfigurationDraft(
                draft().talkdesk(),
                draft().omniChannel(),
                draft().agents(),
                draft().integration(),
                Option.some(vendors));

        assertThat(talkdeskVendor.scopes()).containsExactly("presence-user:write");
        assertThat(omniVendor.consoleOrigins()).containsExactly("https://acme.lightning.force.com");
        assertThat(vendors.talkdesk()).contains(talkdeskVendor);
        assertThat(vendors.omniChannel()).contains(omniVendor);
        assertThat(lunch.presence().get().customStatusId()).contains("lunch");
        assertThat(chatOnly.salesforceId()).contains("0N5000000000001");
        assertThat(agents.users()).containsExactly("005A");
        assertThat(written.vendors()).contains(vendors);
        assertThat(written.withSettings(new IntegrationSettings(true, true, false))
                        .vendors())
                .contains(vendors);
    }
}
