package io.omnisync.adapters.kafka.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.CommandFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.time.Instant;

/**
 * The values of the events topic, version {@value #VERSION}: one JSON object, its {@code type} in the words
 * of the scenario files (SPEC 7) where there is one.
 *
 * <pre>
 * {"v":2,"type":"talkdesk.status","id":"evt-9f1c","agent":"maria","at":"2026-01-05T09:00:00Z","status":"lunch"}
 * {"v":2,"type":"omni.status","id":"c-17","agent":"maria","at":"...","status":"Away","reason":"OmniPushTimeout"}
 * {"v":2,"type":"omni.workload","id":"c-18","agent":"maria","at":"...","workload":3}
 * {"v":2,"type":"omni.work.accepted","id":"c-19","agent":"maria","at":"...","channel":"Chat"}
 * {"v":2,"type":"reconcile","id":"activation-12","agent":"maria","configurationVersion":12}
 * {"v":2,"type":"command.failed","agent":"maria","command":{...},"failure":"...","failureKind":"UNKNOWN_AT_VENDOR"}
 * {"v":2,"type":"command.superseded","agent":"maria","command":{...},"by":{...}}
 * {"v":2,"type":"command.expired","agent":"maria","command":{...}}
 * </pre>
 *
 * {@code configurationVersion} is optional on vendor reports (the version the ingress knew). Version 2 added
 * {@code reason} to {@code omni.status}: the Omni-Channel toolkit's reason for the change (SPEC 4.10), absent for
 * a manual pick; a version 1 record has none and reads as a manual pick.
 */
public final class EventCodec {

    /** The version this release writes; it reads this one and every earlier one. */
    public static final int VERSION = 2;

    static final String TALKDESK_STATUS = "talkdesk.status";
    static final String OMNI_STATUS = "omni.status";
    static final String OMNI_WORKLOAD = "omni.workload";
    static final String OMNI_WORK_ACCEPTED = "omni.work.accepted";
    static final String RECONCILE = "reconcile";
    static final String COMMAND_FAILED = "command.failed";
    static final String COMMAND_SUPERSEDED = "command.superseded";
    static final String COMMAND_EXPIRED = "command.expired";

    @JsonPropertyOrder({
        "v",
        "type",
        "id",
        "agent",
        "at",
        "status",
        "reason",
        "workload",
        "channel",
        "configurationVersion",
        "command",
        "by",
        "failure",
        "failureKind"
    })
    record EventJson(
            Integer v,
            String type,
            String id,
            String agent,
            String at,
            String status,
            Integer workload,
            String channel,
            Long configurationVersion,
            CommandJson command,
            CommandJson by,
            String failure,
            String reason,
            String failureKind) {

        /** Any record but an Omni status report or a refusal of a known kind: no toolkit reason, no failure kind. */
        EventJson(
                Integer v,
                String type,
                String id,
                String agent,
                String at,
                String status,
                Integer workload,
                String channel,
                Long configurationVersion,
                CommandJson command,
                CommandJson by,
                String failure) {
            this(
                    v,
                    type,
                    id,
                    agent,
                    at,
                    status,
                    workload,
                    channel,
                    configurationVersion,
                    command,
                    by,
                    failure,
                    null,
                    null);
        }
    }

    private EventCodec() {}

    public static byte[] encode(EventRecord record) {
        return Json.write(json(record));
    }

    private static EventJson json(EventRecord record) {
        Long version = record.configurationVersion() == ConfigurationRecord.NONE ? null : record.configurationVersion();
        if (record instanceof EventRecord.Reported reported) {
            return reported(reported.event(), version);
        }
        String agent = record.agent().value();
        if (record instanceof EventRecord.Reconcile reconcile) {
            return new EventJson(
                    VERSION,
                    RECONCILE,
                    reconcile.id().value(),
                    agent,
                    null,
                    null,
                    null,
                    null,
                    version,
                    null,
                    null,
                    null);
        }
        if (record instanceof EventRecord.CommandFailed failed) {
            return new EventJson(
                    VERSION,
                    COMMAND_FAILED,
                    null,
                    agent,
                    null,
                    null,
                    null,
                    null,
                    null,
                    CommandJson.of(failed.command()),
                    null,
                    failed.reason(),
                    null,
                    // only when the vendor no longer knows the status: a refusal without it reads as any refusal
                    failed.failure() == CommandFailure.REFUSED
                            ? null
                            : failed.failure().name());
        }
        if (record instanceof EventRecord.CommandSuperseded superseded) {
            return new EventJson(
                    VERSION,
                    COMMAND_SUPERSEDED,
                    null,
                    agent,
                    null,
                    null,
                    null,
                    null,
                    null,
                    CommandJson.of(superseded.command()),
                    CommandJson.of(superseded.by()),
                    null);
        }
        EventRecord.CommandExpired expired = (EventRecord.CommandExpired) record;
        return new EventJson(
                VERSION,
                COMMAND_EXPIRED,
                null,
                agent,
                null,
                null,
                null,
                null,
                null,
                CommandJson.of(expired.command()),
                null,
                null);
    }

    private static EventJson reported(AgentEvent event, Long version) {
        String id = event.id().value();
        String agent = event.agent().value();
        String at = event.at().toString();
        if (event instanceof AgentEvent.TalkdeskStatusReported talkdesk) {
            return new EventJson(
                    VERSION,
                    TALKDESK_STATUS,
                    id,
                    agent,
                    at,
                    talkdesk.status().value(),
                    null,
                    null,
                    version,
                    null,
                    null,
                    null);
        }
        if (event instanceof AgentEvent.OmniStatusReported omni) {
            return new EventJson(
                    VERSION,
                    OMNI_STATUS,
                    id,
                    agent,
                    at,
                    omni.status().wireName(),
                    null,
                    null,
                    version,
                    null,
                    null,
                    null,
                    omni.reason().map(OmniReason::wireName).getOrNull(),
                    null);
        }
        if (event instanceof AgentEvent.OmniWorkloadReported workload) {
            return new EventJson(
                    VERSION, OMNI_WORKLOAD, id, agent, at, null, workload.workload(), null, version, null, null, null);
        }
        AgentEvent.OmniWorkAccepted accepted = (AgentEvent.OmniWorkAccepted) event;
        return new EventJson(
                VERSION, OMNI_WORK_ACCEPTED, id, agent, at, null, null, accepted.channel(), version, null, null, null);
    }

    /** The record, or why it cannot be used (an unknown type is told apart from an unreadable record). */
    public static Either<Unreadable, EventRecord> decode(byte[] bytes) {
        Either<String, EventJson> bound = Json.read(bytes, EventJson.class);
        if (bound.isLeft()) {
            return Either.left(Unreadable.record(bound.getLeft()));
        }
        EventJson json = bound.get();
        Either<String, Integer> version = Versions.check(json.v());
        if (version.isLeft()) {
            return Either.left(Unreadable.record(version.getLeft()));
        }
        if (json.type() == null) {
            return Either.left(Unreadable.record("field 'type' is missing"));
        }
        Either<String, EventRecord> record = switch (json.type()) {
            case TALKDESK_STATUS, OMNI_STATUS, OMNI_WORKLOAD, OMNI_WORK_ACCEPTED -> reported(json);
            case RECONCILE -> reconcile(json);
            case COMMAND_FAILED, COMMAND_SUPERSEDED, COMMAND_EXPIRED -> answer(json);
            default -> null;
        };
        if (record == null) {
            return Either.left(new Unreadable(
                    Unreadable.UNKNOWN_EVENT_TYPE,
                    "type '" + json.type() + "' is not one this release knows (version " + VERSION + ")"));
        }
        return record.mapLeft(message -> Unreadable.record(json.type() + ": " + message));
    }

    private static Either<String, EventRecord> reported(EventJson json) {
        return Fields.required(json.id(), "id")
                .flatMap(id -> Fields.required(json.agent(), "agent")
                        .flatMap(agent -> Fields.instant(json.at(), "at")
                                .flatMap(at -> event(json, EventId.of(id), AgentId.of(agent), at)
                                        .map(event -> new EventRecord.Reported(event, version(json))))));
    }

    private static Either<String, AgentEvent> event(EventJson json, EventId id, AgentId agent, Instant at) {
        return switch (json.type()) {
            case TALKDESK_STATUS ->
                Fields.map(
                        json.status(),
                        "status",
                        status -> new AgentEvent.TalkdeskStatusReported(id, agent, at, TalkdeskStatusId.of(status)));
            case OMNI_STATUS ->
                Fields.map(
                        json.status(),
                        "status",
                        status -> new AgentEvent.OmniStatusReported(
                                id, agent, at, OmniStatus.parse(status), reason(json.reason())));
            case OMNI_WORKLOAD ->
                Fields.map(
                        json.workload(),
                        "workload",
                        workload -> new AgentEvent.OmniWorkloadReported(id, agent, at, workload));
            default ->
                Fields.map(
                        json.channel(), "channel", channel -> new AgentEvent.OmniWorkAccepted(id, agent, at, channel));
        };
    }

    /**
     * The toolkit's reason (SPEC 4.10); none when the record has none (version 1 never wrote it: a manual pick) or
     * names one this release does not know, which, like the console endpoint, it takes as a manual pick: synced.
     */
    private static Option<OmniReason> reason(String wireName) {
        return wireName == null ? Option.none() : OmniReason.parse(wireName);
    }

    private static Either<String, EventRecord> reconcile(EventJson json) {
        return Fields.required(json.id(), "id")
                .flatMap(id -> Fields.required(json.agent(), "agent")
                        .flatMap(agent -> Fields.required(json.configurationVersion(), "configurationVersion")
                                .map(version ->
                                        new EventRecord.Reconcile(AgentId.of(agent), EventId.of(id), version))));
    }

    /** The kind of a refusal; none written is a refusal for another reason, and so is a kind a newer release added. */
    private static Either<String, CommandFailure> failureKind(String kind) {
        if (kind == null) {
            return Either.right(CommandFailure.REFUSED);
        }
        for (CommandFailure known : CommandFailure.values()) {
            if (known.name().equals(kind)) {
                return Either.right(known);
            }
        }
        return Either.right(CommandFailure.REFUSED);
    }

    private static Either<String, EventRecord> answer(EventJson json) {
        return Fields.required(json.command(), "command")
                .flatMap(command -> command.toCommand("command"))
                .flatMap(command -> switch (json.type()) {
                    case COMMAND_FAILED ->
                        Fields.required(json.failure(), "failure")
                                .flatMap(failure -> failureKind(json.failureKind())
                                        .map(kind ->
                                                (EventRecord) new EventRecord.CommandFailed(command, failure, kind)));
                    case COMMAND_SUPERSEDED ->
                        Fields.required(json.by(), "by")
                                .flatMap(by -> by.toCommand("by"))
                                .map(by -> new EventRecord.CommandSuperseded(command, by));
                    default -> Either.right(new EventRecord.CommandExpired(command));
                });
    }

    private static long version(EventJson json) {
        return json.configurationVersion() == null ? ConfigurationRecord.NONE : json.configurationVersion();
    }

    /**
     * The {@code agent} field of a value, read without binding the rest: what the topology re-keys a record by
     * when its key is not its agent. None when the value is not a JSON object with a text {@code agent}.
     */
    public static Option<String> agentOf(byte[] bytes) {
        if (bytes == null) {
            return Option.none();
        }
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Option.none();
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("agent".equals(field)) {
                    return value == JsonToken.VALUE_STRING ? Option.some(parser.getText()) : Option.none();
                }
                parser.skipChildren();
            }
            return Option.none();
        } catch (IOException e) {
            return Option.none();
        }
    }
}
