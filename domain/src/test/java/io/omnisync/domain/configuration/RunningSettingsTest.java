package io.omnisync.domain.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.GuideSetup;
import io.omnisync.domain.rules.RuleBook;
import io.omnisync.domain.settings.IntegrationSettings;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

/** The settings and rule toggles changed at run time live in one place: the configuration as written. */
class RunningSettingsTest {

    private static Configuration withOneRule() {
        ConfigurationDraft draft = GuideSetup.withIntegration(
                GuideSetup.draft(),
                i -> new ConfigurationDraft.Integration(
                        i.omniChannelSync(),
                        i.returnToPreviousStatusAfterCall(),
                        i.omniToTalkdesk(),
                        i.talkdeskToOmni(),
                        i.businessHours(),
                        List.of(new ConfigurationDraft.RuleDraft(
                                "Lunch means away",
                                true,
                                "TALKDESK_STATUS_CHANGED",
                                List.of(new ConfigurationDraft.ConditionDraft("talkdesk.status", "=", "lunch")),
                                null,
                                new ConfigurationDraft.ActionDraft("omni", "Away_from_Desk")))));
        return GuideSetup.configuration(draft);
    }

    @Test
    void changed_settings_are_written_into_the_draft_and_read_back_from_it() {
        IntegrationSettings changed = new IntegrationSettings(false, false, true);

        Configuration running = GuideSetup.configuration().withSettings(changed);
        Configuration reread = GuideSetup.configuration(running.draft());

        assertThat(reread.settings()).isEqualTo(changed);
        assertThat(running.draft().talkdesk().nextAgentStatus()).isTrue();
        assertThat(running.draft().integration().omniChannelSync()).isFalse();
    }

    @Test
    void a_toggled_rule_is_written_into_the_draft_and_read_back_from_it() {
        Configuration configuration = withOneRule();
        RuleBook disabled = RuleBook.toggle(configuration.rules(), "Lunch means away", false)
                .get();

        Configuration running = configuration.withRules(disabled);
        Configuration reread = GuideSetup.configuration(running.draft());

        assertThat(reread.rules()).isEqualTo(disabled);
        assertThat(running.draft().integration().presenceSyncRules().head().enabled())
                .isFalse();
    }

    @Test
    void only_the_toggles_change_in_the_draft() {
        Configuration configuration = withOneRule();

        ConfigurationDraft written = configuration
                .withSettings(configuration.settings())
                .withRules(configuration.rules())
                .draft();

        assertThat(written).isEqualTo(configuration.draft());
    }
}
