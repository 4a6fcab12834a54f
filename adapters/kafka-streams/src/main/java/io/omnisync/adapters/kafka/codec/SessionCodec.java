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
 * {"v":2,"agent":"maria","configurationVersion":12,"commands":3,"talkdesk":"on_a_call","omni":"On_a_Call",
 *  "phase":"onCall","remembered":"Available_for_Calls","picked":true,"workload":0,"expectedTalkdesk":[],
 *  "expectedOmni":["On_a_Call"],"latestTalkdesk":"2026-01-05T09:00:00Z","latestOmniWork":"2026-01-05T08:59:00Z",
 *  "expectedTalkdeskAfter":[],"expectedOmniAfter":["2026-01-05T09:00:00Z"],"recentIds":[-4211...]}
 * </pre>
 *
 * <p>Version 2 adds what version 1 lost of a session: whether the status remembered during a call is the agent's own
 * pick ({@code picked}, rule 4.8: it wins after the call with the toggle off too), the time of the latest workload
 * report ({@code latestOmniWork}, its own staleness), and when each awaited echo was asked for
 * ({@code expectedTalkdeskAfter}, {@code expectedOmniAfter}, parallel to the awaited statuses). A version 1 value
 * reads as before: no pick, no workload time, echoes awaited from any time.
 */
public final class SessionCodec {

    public static final int VERSION = 2;

    @JsonPropertyOrder({
        "v",
        "agent",
        "configurationVersion",
        "commands",
        "talkdesk",
        "omni",
        "phase",
        "remembered",
        "picked",
        "workload",
        "expectedTalkdesk",
        "expectedOmni",
        "latestTalkdesk",
        "latestOmni",
        "latestOmniWork",
        "expectedTalkdeskAfter",
        "expectedOmniAfter",
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
            Boolean picked,
            Integer workload,
            java.util.List<String> expectedTalkdesk,
            java.util.List<String> expectedOmni,
            String latestTalkdesk,
            String latestOmni,
            String latestOmniWork,
            java.util.List<String> expectedTalkdeskAfter,
            java.util.List<String> expectedOmniAfter,
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
                session.callPhase().picked() ? Boolean.TRUE : null,
                session.workload(),
                session.expectedTalkdesk().map(TalkdeskStatusId::value).toJavaList(),
                session.expectedOmni().map(PresenceStatusId::apiName).toJavaList(),
                session.latestTalkdeskEvent().map(Instant::toString).getOrNull(),
                session.latestOmniEvent().map(Instant::toString).getOrNull(),
                session.latestOmniWorkEvent().map(Instant::toString).getOrNull(),
                session.expectedTalkdeskAfter().map(Instant::toString).toJavaList(),
                session.expectedOmniAfter().map(Instant::toString).toJavaList(),
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
        Either<String, String> required = Fields.required(json.agent(), "agent")
                .flatMap(agent -> Fields.required(json.talkdesk(), "talkdesk"))
                .flatMap(talkdesk -> Fields.required(json.omni(), "omni"));
        Option<OmniStatus> remembered = Option.of(json.remembered()).map(OmniStatus::parse);
        Either<String, CallPhase> phase = phase(json.phase(), remembered, Boolean.TRUE.equals(json.picked()));
        Either<String, Option<Instant>> latestTalkdesk =
                Fields.optionalInstant(json.latestTalkdesk(), "latestTalkdesk");
        Either<String, Option<Instant>> latestOmni = Fields.optionalInstant(json.latestOmni(), "latestOmni");
        Either<String, Option<Instant>> latestOmniWork =
                Fields.optionalInstant(json.latestOmniWork(), "latestOmniWork");
        Either<String, List<Instant>> talkdeskAfter = instants(json.expectedTalkdeskAfter(), "expectedTalkdeskAfter");
        Either<String, List<Instant>> omniAfter = instants(json.expectedOmniAfter(), "expectedOmniAfter");
        // the first field that does not read, in the order of the record
        for (Either<String, ?> field : java.util.List.of(
                required, phase, latestTalkdesk, latestOmni, latestOmniWork, talkdeskAfter, omniAfter)) {
            if (field.isLeft()) {
                return Either.left(field.getLeft());
            }
        }
        AgentSession session = new AgentSession(
                AgentId.of(json.agent()),
                TalkdeskStatusId.of(json.talkdesk()),
                OmniStatus.parse(json.omni()),
                phase.get(),
                strings(json.expectedTalkdesk()).map(TalkdeskStatusId::of),
                strings(json.expectedOmni()).map(PresenceStatusId::of),
                latestTalkdesk.get(),
                latestOmni.get(),
                latestOmniWork.get(),
                talkdeskAfter.get(),
                omniAfter.get(),
                RecentEventIds.of(fingerprints(json.recentIds())),
                json.workload() == null ? 0 : json.workload());
        return Either.right(new SessionRecord(
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

    /** Times parallel to awaited statuses; an empty list (a version 1 value) lets the session await them from any time. */
    private static Either<String, List<Instant>> instants(java.util.List<String> values, String field) {
        List<Instant> read = List.empty();
        for (String value : values == null ? java.util.List.<String>of() : values) {
            Either<String, Option<Instant>> one = Fields.optionalInstant(value, field);
            if (one.isLeft()) {
                return Either.left(one.getLeft());
            }
            read = read.appendAll(one.get());
        }
        return Either.right(read);
    }

    private static Either<String, CallPhase> phase(String phase, Option<OmniStatus> remembered, boolean picked) {
        if (phase == null || phase.equals("idle")) {
            return Either.right(CallPhase.IDLE);
        }
        return switch (phase) {
            case "onCall" -> Either.right(new CallPhase.OnCall(remembered, picked));
            case "wrapUp" -> Either.right(new CallPhase.WrapUp(remembered, picked));
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
