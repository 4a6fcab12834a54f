package io.omnisync.domain.settings;

import java.time.Instant;
import java.util.Objects;

/** What an admin changes at run time; each change takes effect at once, without a save. */
public sealed interface SettingsChange {

    Instant at();

    /** The 'Omni-Channel' toggle. {@code force} overrides the business-hours guard. */
    record ToggleSync(boolean enabled, boolean force, Instant at) implements SettingsChange {
        public ToggleSync {
            Objects.requireNonNull(at, "at");
        }
    }

    /** 'Return to previous status after a call'. */
    record ToggleReturnToPrevious(boolean enabled, Instant at) implements SettingsChange {
        public ToggleReturnToPrevious {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Talkdesk's Preferences &gt; Next agent status. */
    record ToggleNextAgentStatus(boolean enabled, Instant at) implements SettingsChange {
        public ToggleNextAgentStatus {
            Objects.requireNonNull(at, "at");
        }
    }

    /** The enable toggle of one presence sync rule, by name. */
    record ToggleRule(String name, boolean enabled, Instant at) implements SettingsChange {
        public ToggleRule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(at, "at");
        }
    }
}
