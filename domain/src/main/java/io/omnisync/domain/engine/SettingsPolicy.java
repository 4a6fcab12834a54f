package io.omnisync.domain.engine;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.rules.RuleBook;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.settings.Refusal;
import io.omnisync.domain.settings.RefusalCode;
import io.omnisync.domain.settings.SettingsChange;
import io.vavr.control.Either;

/**
 * Run-time changes of the integration settings, which take effect at once. 'Return to previous
 * status after a call' and 'Next agent status' cannot be on together: turning either on while
 * the other is on is refused. Activation's business-hours guard lives with the activation.
 */
public final class SettingsPolicy {

    private SettingsPolicy() {}

    public static Either<Refusal, Configuration> apply(Configuration configuration, SettingsChange change) {
        IntegrationSettings settings = configuration.settings();
        if (change instanceof SettingsChange.ToggleRule toggle) {
            return RuleBook.toggle(configuration.rules(), toggle.name(), toggle.enabled())
                    .map(configuration::withRules);
        }
        IntegrationSettings changed = change instanceof SettingsChange.ToggleSync sync
                ? settings.withOmniChannelSync(sync.enabled())
                : change instanceof SettingsChange.ToggleReturnToPrevious toggle
                        ? settings.withReturnToPreviousStatusAfterCall(toggle.enabled())
                        : settings.withNextAgentStatus(((SettingsChange.ToggleNextAgentStatus) change).enabled());
        if (changed.hasConflictingAfterCallSettings() && !settings.hasConflictingAfterCallSettings()) {
            return Either.left(new Refusal(
                    RefusalCode.CONFLICTING_AFTER_CALL_SETTINGS,
                    change instanceof SettingsChange.ToggleReturnToPrevious
                            ? "'return to previous status after a call' cannot be turned on while Talkdesk's "
                                    + "'Next agent status' preference is on; turn that off first"
                            : "Talkdesk's 'Next agent status' preference cannot be turned on while 'return to "
                                    + "previous status after a call' is on; turn that off first"));
        }
        return Either.right(configuration.withSettings(changed));
    }
}
