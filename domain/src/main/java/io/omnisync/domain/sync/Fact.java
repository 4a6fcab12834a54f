package io.omnisync.domain.sync;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.settings.Refusal;
import io.omnisync.domain.status.OmniStatus;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Objects;

/** The audit trail: what the engine did and did not do, and why. */
public sealed interface Fact {

    /** The agent the fact is about; none for facts about the whole integration (settings, configuration). */
    default Option<AgentId> about() {
        return Option.none();
    }

    /**
     * The Omni-Channel toolkit's reason for the report this fact is about (SPEC 4.10), so the
     * audit trail tells a push timeout from a choice; none for facts about anything else.
     */
    default Option<OmniReason> omniReason() {
        return Option.none();
    }

    /** The same fact, about an Omni-Channel report given for {@code reason} (facts that cannot be are unchanged). */
    default Fact reportedFor(OmniReason reason) {
        return this;
    }

    /** The engine decided a command for a vendor (the outbox sends it). */
    record Synced(Command command, Option<OmniReason> omniReason) implements Fact {
        public Synced {
            Objects.requireNonNull(command, "command");
            omniReason = omniReason == null ? Option.none() : omniReason;
        }

        public Synced(Command command) {
            this(command, Option.none());
        }

        @Override
        public Option<AgentId> about() {
            return Option.some(command.agent());
        }

        @Override
        public Synced reportedFor(OmniReason reason) {
            return new Synced(command, Option.some(reason));
        }
    }

    /**
     * The engine chose not to act. It says on what: the system the decision was about, the status
     * reported there (none when the event was not looked at: a duplicate, a stale or an unknown
     * agent's event), the target it would have set (none when there was none), the event it was
     * about (none for activation), and where the decision came from. {@link #detail()} renders
     * the sentence for a human only when somebody reads it.
     */
    record Skipped(
            AgentId agent,
            SkipReason reason,
            VendorSystem system,
            Option<String> status,
            Option<String> target,
            Option<EventId> event,
            Because because,
            Option<OmniReason> omniReason)
            implements Fact {
        public Skipped {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(system, "system");
            status = status == null ? Option.none() : status;
            target = target == null ? Option.none() : target;
            event = event == null ? Option.none() : event;
            Objects.requireNonNull(because, "because");
            omniReason = omniReason == null ? Option.none() : omniReason;
        }

        public Skipped(
                AgentId agent,
                SkipReason reason,
                VendorSystem system,
                Option<String> status,
                Option<String> target,
                Option<EventId> event,
                Because because) {
            this(agent, reason, system, status, target, event, because, Option.none());
        }

        /** Nothing done about a status reported in {@code system}, with nothing to move to. */
        public static Skipped status(
                AgentId agent, SkipReason reason, VendorSystem system, String status, Because because) {
            return new Skipped(agent, reason, system, Option.some(status), Option.none(), Option.none(), because);
        }

        /** {@code status} in {@code system} asked for {@code target} in the other system, which was not set. */
        public static Skipped target(
                AgentId agent, SkipReason reason, VendorSystem system, String status, String target, Because because) {
            return new Skipped(agent, reason, system, Option.some(status), Option.some(target), Option.none(), because);
        }

        /** The event itself was not looked at (a duplicate, a stale one, an unknown agent's). */
        public static Skipped event(AgentEvent event, SkipReason reason, Because because) {
            return new Skipped(
                    event.agent(),
                    reason,
                    event.system(),
                    Option.none(),
                    Option.none(),
                    Option.some(event.id()),
                    because);
        }

        /** The same fact, saying which event it was about (unless it already says so). */
        public Skipped forEvent(EventId id) {
            return event.isDefined()
                    ? this
                    : new Skipped(agent, reason, system, status, target, Option.some(id), because, omniReason);
        }

        @Override
        public Skipped reportedFor(OmniReason why) {
            return new Skipped(agent, reason, system, status, target, event, because, Option.some(why));
        }

        @Override
        public Option<AgentId> about() {
            return Option.some(agent);
        }

        public String detail() {
            return SkipDetail.render(this);
        }
    }

    /** The Omni status to return to after the call was set (at call start) or replaced (a pick during it). */
    record StatusRemembered(AgentId agent, OmniStatus status, Option<OmniReason> omniReason) implements Fact {
        public StatusRemembered {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(status, "status");
            omniReason = omniReason == null ? Option.none() : omniReason;
        }

        public StatusRemembered(AgentId agent, OmniStatus status) {
            this(agent, status, Option.none());
        }

        @Override
        public Option<AgentId> about() {
            return Option.some(agent);
        }

        @Override
        public StatusRemembered reportedFor(OmniReason reason) {
            return new StatusRemembered(agent, status, Option.some(reason));
        }
    }

    /**
     * A vendor refused or failed a command for good; the engine stops waiting for its echo. {@code
     * failure} says whether the vendor no longer knows the status ({@link CommandFailure#UNKNOWN_AT_VENDOR}:
     * renamed or deleted there, so the configuration needs updating) or refused it for another reason.
     */
    record CommandFailed(Command command, String reason, CommandFailure failure) implements Fact {
        public CommandFailed {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(failure, "failure");
        }

        public CommandFailed(Command command, String reason) {
            this(command, reason, CommandFailure.REFUSED);
        }

        @Override
        public Option<AgentId> about() {
            return Option.some(command.agent());
        }
    }

    /**
     * A command was never sent: a newer one for the same agent and vendor ({@code by}) came before
     * it could be delivered. The engine stops waiting for its echo.
     */
    record Superseded(Command command, Command by) implements Fact {
        public Superseded {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(by, "by");
        }

        @Override
        public Option<AgentId> about() {
            return Option.some(command.agent());
        }
    }

    /** A command the vendor took but never answered in time; the engine stops waiting for its echo. */
    record Expired(Command command) implements Fact {
        public Expired {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public Option<AgentId> about() {
            return Option.some(command.agent());
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
