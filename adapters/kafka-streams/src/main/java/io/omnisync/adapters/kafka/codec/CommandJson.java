package io.omnisync.adapters.kafka.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Command;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * A command as it is written inside a value: the agent, the vendor ({@code talkdesk} or {@code omni}), the
 * status asked for, and what it came from ({@code because}: the origin's name, {@code rule}: the rule's name
 * when a rule acted).
 */
@JsonPropertyOrder({"agent", "system", "status", "because", "rule"})
record CommandJson(String agent, String system, String status, String because, String rule) {

    static CommandJson of(Command command) {
        return new CommandJson(
                command.agent().value(),
                command.system().wireName(),
                command.statusName(),
                command.because().origin().name(),
                command.because().rule().getOrNull());
    }

    Either<String, Command> toCommand(String field) {
        return Fields.required(agent, field + ".agent")
                .flatMap(ignored -> Fields.required(status, field + ".status"))
                .flatMap(ignored -> because(because, rule, field + ".because"))
                .flatMap(origin -> Fields.wireName(system, VendorSystem.class, field + ".system")
                        .map(vendor -> vendor == VendorSystem.TALKDESK
                                ? new Command.SetTalkdeskStatus(AgentId.of(agent), TalkdeskStatusId.of(status), origin)
                                : new Command.SetOmniStatus(AgentId.of(agent), PresenceStatusId.of(status), origin)));
    }

    static Either<String, Because> because(String origin, String rule, String field) {
        return Fields.enumeration(origin, Because.Origin.class, field)
                .map(named -> new Because(named, Option.of(rule)));
    }
}
