package io.omnisync.adapters.kafka.codec;

import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.CommandFailure;
import java.util.Objects;

/**
 * A record of the events topic ({@code omnisync.events}, keyed by agent id): what a vendor reported, an
 * activation's reconciliation of one agent, or what became of a command the engine sent. All of one agent's
 * records are decided in the order of the topic.
 */
public sealed interface EventRecord {

    /** The agent it is about: the record's key. */
    AgentId agent();

    /**
     * The configuration version its writer knew ({@link ConfigurationRecord#NONE} when it says nothing): it is
     * decided under that configuration or a newer one, never an older one.
     */
    long configurationVersion();

    /** A vendor's report, as the ingress took it (SPEC 10.1, 10.2). */
    record Reported(AgentEvent event, long configurationVersion) implements EventRecord {
        public Reported {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public AgentId agent() {
            return event.agent();
        }
    }

    /**
     * Turning sync on reconciles this agent (SPEC 4.2): written by the admin after the configuration record
     * whose version it names, so the agent is reconciled in order with her own events.
     */
    record Reconcile(AgentId agent, EventId id, long configurationVersion) implements EventRecord {
        public Reconcile {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * A vendor refused a command for good: the engine stops waiting for its echo. {@code failure} says whether the
     * vendor no longer knows the status ({@link CommandFailure#UNKNOWN_AT_VENDOR}: the mapping is the admin's to fix)
     * or refused it for another reason.
     */
    record CommandFailed(Command command, String reason, CommandFailure failure) implements EventRecord {
        public CommandFailed {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(failure, "failure");
        }

        /** A refusal for another reason than an unknown status. */
        public CommandFailed(Command command, String reason) {
            this(command, reason, CommandFailure.REFUSED);
        }

        /** What a vendor's refusal says, its kind kept. */
        public static CommandFailed of(Command command, VendorAnswer.Refused refused) {
            return new CommandFailed(
                    command,
                    refused.reason(),
                    refused.kind() == VendorAnswer.Refused.Kind.UNKNOWN_STATUS
                            ? CommandFailure.UNKNOWN_AT_VENDOR
                            : CommandFailure.REFUSED);
        }

        @Override
        public AgentId agent() {
            return command.agent();
        }

        @Override
        public long configurationVersion() {
            return ConfigurationRecord.NONE;
        }
    }

    /** A newer command for the same agent and vendor came first: {@code command} was never sent. */
    record CommandSuperseded(Command command, Command by) implements EventRecord {
        public CommandSuperseded {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(by, "by");
        }

        @Override
        public AgentId agent() {
            return command.agent();
        }

        @Override
        public long configurationVersion() {
            return ConfigurationRecord.NONE;
        }
    }

    /** The vendor took {@code command} but never answered in time. */
    record CommandExpired(Command command) implements EventRecord {
        public CommandExpired {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public AgentId agent() {
            return command.agent();
        }

        @Override
        public long configurationVersion() {
            return ConfigurationRecord.NONE;
        }
    }
}
