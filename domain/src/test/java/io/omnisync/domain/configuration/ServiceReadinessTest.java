package io.omnisync.domain.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.omnisync.domain.GuideSetup;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceStatusDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskVendorDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.VendorsDraft;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** What serve needs beyond a valid configuration (SPEC 6 and 10): Salesforce Ids and where Talkdesk is. */
class ServiceReadinessTest {

    private static final TalkdeskVendorDraft TALKDESK = new TalkdeskVendorDraft(
            "https://api.talkdeskapp.com", "https://acme.talkdeskid.com/oauth/token", List.of("presence-user:write"));

    @Test
    void a_configuration_with_every_mapped_status_identified_and_talkdesk_located_is_ready() {
        assertThat(ServiceReadiness.check(configuration(withIds(GuideSetup.draft(), "0N5000000000001"), TALKDESK)))
                .isEmpty();
    }

    @Test
    void every_mapped_presence_status_without_a_salesforce_id_is_named_at_its_place() {
        ConfigurationDraft draft = GuideSetup.draft();
        // everything identified but "Lunch_Break" (index 5) and "Chat_Only" (index 1)
        ConfigurationDraft some = withIds(draft, "0N5000000000001AAA", "Lunch_Break", "Chat_Only");

        Seq<Problem> problems = ServiceReadiness.check(configuration(some, TALKDESK));

        assertThat(problems)
                .extracting(Problem::code, Problem::path)
                .containsExactly(
                        tuple(ProblemCode.MISSING_VENDOR_SETTING, "omniChannel.presenceStatuses[1].salesforceId"),
                        tuple(ProblemCode.MISSING_VENDOR_SETTING, "omniChannel.presenceStatuses[5].salesforceId"));
        assertThat(problems.head().message()).contains("'Chat_Only'", "salesforceId");
        assertThat(problems).allMatch(Problem::isError);
    }

    @Test
    void a_presence_status_nobody_maps_needs_no_id() {
        ConfigurationDraft draft = GuideSetup.withIntegration(
                withIds(GuideSetup.draft(), "0N5000000000001", "Lunch_Break"),
                integration -> GuideSetup.mapping(
                        integration,
                        integration.omniToTalkdesk().remove("Lunch_Break"),
                        integration.talkdeskToOmni().remove("lunch")));

        assertThat(ServiceReadiness.check(configuration(draft, TALKDESK))).isEmpty();
    }

    @Test
    void an_id_that_is_not_a_salesforce_id_is_an_invalid_value() {
        Seq<Problem> problems =
                ServiceReadiness.check(configuration(withIds(GuideSetup.draft(), "not an id"), TALKDESK));

        assertThat(problems).extracting(Problem::code).containsOnly(ProblemCode.INVALID_VALUE);
        assertThat(problems).hasSize(6);
    }

    @Test
    void without_vendors_talkdesk_the_service_cannot_reach_talkdesk() {
        Seq<Problem> problems =
                ServiceReadiness.check(configuration(withIds(GuideSetup.draft(), "0N5000000000001"), null));

        assertThat(problems)
                .extracting(Problem::code, Problem::path)
                .containsExactly(tuple(ProblemCode.MISSING_VENDOR_SETTING, "vendors.talkdesk"));
    }

    @Test
    void each_missing_or_unusable_talkdesk_setting_is_named() {
        TalkdeskVendorDraft broken =
                new TalkdeskVendorDraft(null, "ftp://user:hunter2@example.com/token", List.of("two words"));

        Seq<Problem> problems =
                ServiceReadiness.check(configuration(withIds(GuideSetup.draft(), "0N5000000000001"), broken));

        assertThat(problems)
                .extracting(Problem::code, Problem::path)
                .containsExactly(
                        tuple(ProblemCode.MISSING_VENDOR_SETTING, "vendors.talkdesk.apiBaseUrl"),
                        tuple(ProblemCode.INVALID_VALUE, "vendors.talkdesk.tokenUrl"),
                        tuple(ProblemCode.INVALID_VALUE, "vendors.talkdesk.scopes[0]"));
        assertThat(problems.map(Problem::message)).noneMatch(message -> message.contains("hunter2"));
    }

    @Test
    void no_scopes_is_a_missing_setting() {
        TalkdeskVendorDraft unscoped = new TalkdeskVendorDraft(TALKDESK.apiBaseUrl(), TALKDESK.tokenUrl(), null);

        assertThat(ServiceReadiness.check(configuration(withIds(GuideSetup.draft(), "0N5000000000001"), unscoped)))
                .extracting(Problem::path)
                .containsExactly("vendors.talkdesk.scopes");
    }

    /** Every presence status gets {@code id} but the ones named in {@code without}. */
    private static ConfigurationDraft withIds(ConfigurationDraft draft, String id, String... without) {
        List<String> left = List.of(without);
        var statuses = draft.omniChannel()
                .presenceStatuses()
                .map(status -> left.contains(status.apiName())
                        ? status
                        : new PresenceStatusDraft(
                                status.apiName(), status.label(), status.option(), status.channels(), Option.some(id)));
        var omni = new ConfigurationDraft.OmniChannel(
                draft.omniChannel().serviceChannels(),
                statuses,
                draft.omniChannel().profiles(),
                draft.omniChannel().permissionSets(),
                draft.omniChannel().presenceConfigurations());
        return new ConfigurationDraft(draft.talkdesk(), omni, draft.agents(), draft.integration(), draft.vendors());
    }

    private static Configuration configuration(ConfigurationDraft draft, TalkdeskVendorDraft talkdesk) {
        ConfigurationDraft located = new ConfigurationDraft(
                draft.talkdesk(),
                draft.omniChannel(),
                draft.agents(),
                draft.integration(),
                talkdesk == null ? Option.none() : Option.some(new VendorsDraft(Option.some(talkdesk), Option.none())));
        return GuideSetup.configuration(located);
    }
}
