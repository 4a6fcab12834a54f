package io.omnisync.adapters.kafka.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.vavr.control.Either;

/**
 * The values of the commands topics, version {@value #VERSION}:
 * {@code {"v":1,"commandId":"maria-3","agent":"maria","system":"omni","status":"Lunch_Break","because":"MAPPING",
 * "configurationVersion":12,"event":"evt-9f1c"}} ({@code rule} when a rule acted).
 */
public final class CommandCodec {

    public static final int VERSION = 1;

    @JsonPropertyOrder({
        "v",
        "commandId",
        "agent",
        "system",
        "status",
        "because",
        "rule",
        "configurationVersion",
        "event"
    })
    record CommandRecordJson(
            Integer v,
            String commandId,
            String agent,
            String system,
            String status,
            String because,
            String rule,
            Long configurationVersion,
            String event) {}

    private CommandCodec() {}

    public static byte[] encode(CommandRecord record) {
        CommandJson command = CommandJson.of(record.command());
        return Json.write(new CommandRecordJson(
                VERSION,
                record.commandId(),
                command.agent(),
                command.system(),
                command.status(),
                command.because(),
                command.rule(),
                record.configurationVersion(),
                record.cause().getOrNull()));
    }

    public static Either<String, CommandRecord> decode(byte[] bytes) {
        return Json.read(bytes, CommandRecordJson.class)
                .flatMap(json -> Versions.check(json.v()).map(version -> json))
                .flatMap(json -> Fields.required(json.commandId(), "commandId")
                        .flatMap(id -> new CommandJson(
                                        json.agent(), json.system(), json.status(), json.because(), json.rule())
                                .toCommand("command")
                                .mapLeft(message -> message.replace("command.", ""))
                                .map(command -> new CommandRecord(
                                        id,
                                        command,
                                        json.configurationVersion() == null
                                                ? ConfigurationRecord.NONE
                                                : json.configurationVersion(),
                                        io.vavr.control.Option.of(json.event())))));
    }
}
