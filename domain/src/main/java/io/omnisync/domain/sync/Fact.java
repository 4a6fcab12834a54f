package io.omnisync.domain.sync;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.settings.Refusal;
import io.omnisync.domain.status.OmniStatus;
import io.vavr.collection.Seq;
import java.util.Objects;

/** The audit trail: what the engine did and did not do, and why. */
public sealed interface Fact {

    /** A command went to a vendor. */
    record Synced(Command command) implements Fact {
        public Synced {
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * The engine chose not to act. It says on what: the system and status the decision was about,
     * the target it would have set (empty when none), and what asked for it. {@link #detail()}
     * renders the sentence for a human only when somebody reads it.
     */
    record Skipped(AgentId agent, SkipReason reason, VendorSystem system, String status, String target, Because because)
            implements Fact {
        public Skipped {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(status, "status");
            target = target == null ? "" : target;
            Objects.requireNonNull(because, "because");
        }

        public String detail() {
            return SkipDetail.render(this);
        }
    }

    /** The Omni status to return to after the call was set (at call start) or replaced (a pick during it). */
    record StatusRemembered(AgentId agent, OmniStatus status) implements Fact {
        public StatusRemembered {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(status, "status");
        }
    }

    /** A vendor refused or failed a command for good; the engine stops waiting for its echo. */
    record CommandFailed(Command command, String reason) implements Fact {
        public CommandFailed {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An admin change was refused; nothing changed. */
    record Refused(Refusal refusal) implements Fact {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    /** The integration settings changed at run time. */
    record SettingsChanged(IntegrationSettings settings) implements Fact {
        public SettingsChanged {
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** A presence sync rule was enabled or disabled at run time. */
    record RuleToggled(String rule, boolean enabled) implements Fact {
        public RuleToggled {
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** A new configuration replaced the running one; its warnings are listed. */
    record ConfigurationApplied(Seq<Problem> warnings) implements Fact {
        public ConfigurationApplied {
            Objects.requireNonNull(warnings, "warnings");
        }
    }

    /** A new configuration was rejected with every problem it has; the running one stays. */
    record ConfigurationRejected(Seq<Problem> problems) implements Fact {
        public ConfigurationRejected {
            Objects.requireNonNull(problems, "problems");
        }
    }
}
