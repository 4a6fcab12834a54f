package io.omnisync.adapters.kafka.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.session.CallPhase;
import io.omnisync.domain.session.RecentEventIds;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * The values of the sessions store (and its changelog), version {@value #VERSION}: the fields of the SQLite
 * store's session document, under the same names, plus the agent, the configuration version and the command
 * count.
 *
 * <pre>
 * {"v":1,"agent":"maria","configurationVersion":12,"commands":3,"talkdesk":"on_a_call","omni":"On_a_Call",
 *  "phase":"onCall","remembered":"Available_for_Calls","workload":0,"expectedTalkdesk":[],
 *  "expectedOmni":["On_a_Call"],"latestTalkdesk":"2026-01-05T09:00:00Z","recentIds":[-4211...]}
 * </pre>
 */
public final class SessionCodec {

    public static final int VERSION = 1;

    @JsonPropertyOrder({
        "v",
        "agent",
        "configurationVersion",
        "commands",
        "talkdesk",
        "omni",
        "phase",
        "remembered",
        "workload",
        "expectedTalkdesk",
        "expectedOmni",
        "latestTalkdesk",
        "latestOmni",
        "recentIds"
    })
    record SessionJson(
            Integer v,
            String agent,
            Long configurationVersion,
            Long commands,
            String talkdesk,
            String omni,
            String phase,
            String remembered,
            Integer workload,
            java.util.List<String> expectedTalkdesk,
            java.util.List<String> expectedOmni,
            String latestTalkdesk,
            String latestOmni,
            java.util.List<Long> recentIds) {}

    private SessionCodec() {}

    public static byte[] encode(SessionRecord record) {
        AgentSession session = record.session();
        return Json.write(new SessionJson(
                VERSION,
                session.agent().value(),
                record.configurationVersion(),
                record.commands(),
                session.talkdeskStatus().value(),
                session.omniStatus().wireName(),
                phase(session.callPhase()),
                session.callPhase().remembered().map(OmniStatus::wireName).getOrNull(),
                session.workload(),
                session.expectedTalkdesk().map(TalkdeskStatusId::value).toJavaList(),
                session.expectedOmni().map(PresenceStatusId::apiName).toJavaList(),
                session.latestTalkdeskEvent().map(Instant::toString).getOrNull(),
                session.latestOmniEvent().map(Instant::toString).getOrNull(),
                java.util.Arrays.stream(session.recentEventIds().oldestFirst())
                        .boxed()
                        .toList()));
    }

    public static Either<String, SessionRecord> decode(byte[] bytes) {
        return Json.read(bytes, SessionJson.class)
                .flatMap(json -> Versions.check(json.v()).map(version -> json))
                .flatMap(SessionCodec::session);
    }

    private static Either<String, SessionRecord> session(SessionJson json) {
        Option<OmniStatus> remembered = Option.of(json.remembered()).map(OmniStatus::parse);
        return Fields.required(json.agent(), "agent")
                .flatMap(agent -> Fields.required(json.talkdesk(), "talkdesk"))
                .flatMap(talkdesk -> Fields.required(json.omni(), "omni"))
                .flatMap(omni -> phase(json.phase(), remembered))
                .flatMap(phase -> Fields.optionalInstant(json.latestTalkdesk(), "latestTalkdesk")
                        .flatMap(latestTalkdesk -> Fields.optionalInstant(json.latestOmni(), "latestOmni")
                                .map(latestOmni -> new AgentSession(
                                        AgentId.of(json.agent()),
                                        TalkdeskStatusId.of(json.talkdesk()),
                                        OmniStatus.parse(json.omni()),
                                        phase,
                                        strings(json.expectedTalkdesk()).map(TalkdeskStatusId::of),
                                        strings(json.expectedOmni()).map(PresenceStatusId::of),
                                        latestTalkdesk,
                                        latestOmni,
                                        RecentEventIds.of(fingerprints(json.recentIds())),
                                        json.workload() == null ? 0 : json.workload()))))
                .map(session -> new SessionRecord(
                        session,
                        json.configurationVersion() == null ? ConfigurationRecord.NONE : json.configurationVersion(),
                        json.commands() == null ? 0 : json.commands()));
    }

    private static long[] fingerprints(java.util.List<Long> ids) {
        return ids == null
                ? new long[0]
                : ids.stream()
                        .filter(java.util.Objects::nonNull)
                        .mapToLong(Long::longValue)
                        .toArray();
    }

    private static List<String> strings(java.util.List<String> values) {
        return values == null ? List.empty() : List.ofAll(values);
    }

    private static Either<String, CallPhase> phase(String phase, Option<OmniStatus> remembered) {
        if (phase == null || phase.equals("idle")) {
            return Either.right(CallPhase.IDLE);
        }
        return switch (phase) {
            case "onCall" -> Either.right(new CallPhase.OnCall(remembered));
            case "wrapUp" -> Either.right(new CallPhase.WrapUp(remembered));
            default -> Either.left("field 'phase': '" + phase + "' is not one of idle, onCall, wrapUp");
        };
    }

    private static String phase(CallPhase phase) {
        if (phase instanceof CallPhase.OnCall) {
            return "onCall";
        }
        return phase instanceof CallPhase.WrapUp ? "wrapUp" : "idle";
    }
}
