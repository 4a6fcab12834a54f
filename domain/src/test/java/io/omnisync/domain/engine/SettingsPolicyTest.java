package io.omnisync.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.GuideSetup;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.settings.RefusalCode;
import io.omnisync.domain.settings.SettingsChange;
import io.vavr.collection.List;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The run-time switches on their own: each takes effect at once, and the two after-call settings exclude each other. */
class SettingsPolicyTest {

    private static final Instant AT = Instant.parse("2026-01-05T21:00:00Z");

    private final Configuration running = GuideSetup.configuration();

    private static Configuration withRule() {
        return GuideSetup.configuration(GuideSetup.withIntegration(
                GuideSetup.draft(),
                i -> new ConfigurationDraft.Integration(
                        i.omniChannelSync(),
                        i.returnToPreviousStatusAfterCall(),
                        i.omniToTalkdesk(),
                        i.talkdeskToOmni(),
                        i.businessHours(),
                        List.of(new ConfigurationDraft.RuleDraft(
                                "Lunch means away",
                                false,
                                "TALKDESK_STATUS_CHANGED",
                                List.of(new ConfigurationDraft.ConditionDraft("talkdesk.status", "=", "lunch")),
                                null,
                                new ConfigurationDraft.ActionDraft("omni", "Away_from_Desk"))))));
    }

    @Test
    void each_toggle_changes_its_setting_only() {
        assertThat(SettingsPolicy.apply(running, new SettingsChange.ToggleSync(false, false, AT))
                        .get()
                        .settings())
                .isEqualTo(new IntegrationSettings(false, false, false));
        assertThat(SettingsPolicy.apply(running, new SettingsChange.ToggleReturnToPrevious(true, AT))
                        .get()
                        .settings())
                .isEqualTo(new IntegrationSettings(true, true, false));
        assertThat(SettingsPolicy.apply(running, new SettingsChange.ToggleNextAgentStatus(true, AT))
                        .get()
                        .settings())
                .isEqualTo(new IntegrationSettings(true, false, true));
    }

    @Test
    void return_to_previous_is_refused_while_next_agent_status_is_on() {
        Configuration next = SettingsPolicy.apply(running, new SettingsChange.ToggleNextAgentStatus(true, AT))
                .get();

        assertThat(SettingsPolicy.apply(next, new SettingsChange.ToggleReturnToPrevious(true, AT))
                        .getLeft()
                        .code())
                .isEqualTo(RefusalCode.CONFLICTING_AFTER_CALL_SETTINGS);
    }

    @Test
    void next_agent_status_is_refused_while_return_to_previous_is_on() {
        Configuration returning = SettingsPolicy.apply(running, new SettingsChange.ToggleReturnToPrevious(true, AT))
                .get();

        assertThat(SettingsPolicy.apply(returning, new SettingsChange.ToggleNextAgentStatus(true, AT))
                        .getLeft()
                        .message())
                .contains("'return to previous status after a call' is on");
    }

    @Test
    void a_rule_is_enabled_by_name_and_an_unknown_name_is_refused() {
        Configuration configuration = withRule();

        assertThat(SettingsPolicy.apply(configuration, new SettingsChange.ToggleRule("Lunch means away", true, AT))
                        .get()
                        .rules()
                        .rules()
                        .head()
                        .enabled())
                .isTrue();
        assertThat(SettingsPolicy.apply(configuration, new SettingsChange.ToggleRule("No such rule", true, AT))
                        .getLeft()
                        .code())
                .isEqualTo(RefusalCode.UNKNOWN_RULE);
    }

    @Test
    void a_change_is_written_into_the_configuration_as_the_admin_wrote_it() {
        Configuration changed = SettingsPolicy.apply(running, new SettingsChange.ToggleReturnToPrevious(true, AT))
                .get();

        assertThat(changed.draft().integration().returnToPreviousStatusAfterCall())
                .isTrue();
    }
}
