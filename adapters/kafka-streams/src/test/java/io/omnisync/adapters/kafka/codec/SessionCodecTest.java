package io.omnisync.adapters.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.session.CallPhase;
import io.omnisync.domain.session.RecentEventIds;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionCodecTest {

    private static final AgentId MARIA = AgentId.of("maria");

    /** What version 1 wrote ({@code codec/v1/session.json}). */
    private static final SessionRecord VERSION_1 = new SessionRecord(
            new AgentSession(
                    MARIA,
                    TalkdeskStatusId.ON_A_CALL,
                    PresenceStatusId.of("On_a_Call"),
                    new CallPhase.OnCall(Option.some(PresenceStatusId.of("Available_for_Calls"))),
                    List.of(TalkdeskStatusId.AWAY),
                    List.of(PresenceStatusId.of("On_a_Call")),
                    Option.some(Instant.parse("2026-01-05T09:00:00Z")),
                    Option.some(Instant.parse("2026-01-05T08:59:00Z")),
                    RecentEventIds.of(new long[] {11, -22, 33}),
                    2),
            12,
            3);

    @Test
    void a_session_reads_back_whole_in_every_call_phase() {
        RecentEventIds full = RecentEventIds.none();
        for (int i = 0; i < RecentEventIds.WINDOW + 3; i++) {
            full = full.add(EventId.of("evt-" + i));
        }
        AgentSession idle = AgentSession.start(MARIA, TalkdeskStatusId.AVAILABLE, OmniStatus.OFFLINE);
        AgentSession wrappingUp = new AgentSession(
                MARIA,
                TalkdeskStatusId.AFTER_CALL_WORK,
                PresenceStatusId.of("After_Call_Work"),
                new CallPhase.WrapUp(Option.some(OmniStatus.OFFLINE)),
                List.empty(),
                List.of(PresenceStatusId.of("After_Call_Work"), PresenceStatusId.of("Lunch_Break")),
                Option.none(),
                Option.some(Instant.parse("2026-01-05T09:00:00.123456789Z")),
                full,
                0);
        AgentSession wrapUpUnseenCall = wrappingUp.withCallPhase(new CallPhase.WrapUp(Option.none()));

        for (SessionRecord record : java.util.List.of(
                new SessionRecord(idle, ConfigurationRecord.NONE, 0),
                new SessionRecord(wrappingUp, 0, 17),
                new SessionRecord(wrapUpUnseenCall, 5, 1),
                VERSION_1)) {
            SessionRecord read =
                    SessionCodec.decode(SessionCodec.encode(record)).get();
            assertThat(read).isEqualTo(record);
            assertThat(read.session().recentEventIds().oldestFirst())
                    .containsExactly(record.session().recentEventIds().oldestFirst());
        }
    }

    @Test
    void what_version_1_wrote_is_read_and_written_alike() {
        assertThat(SessionCodec.decode(Golden.bytes(Golden.text("v1/session.json"))))
                .isEqualTo(io.vavr.control.Either.right(VERSION_1));
        assertThat(new String(SessionCodec.encode(VERSION_1), StandardCharsets.UTF_8))
                .isEqualTo(Golden.text("v1/session.json"));
    }

    @Test
    void a_newer_version_is_read_for_the_fields_this_one_knows() {
        // the engine's second edition keeps more per agent (a pick during the call, echo times): additive fields
        byte[] newer = Golden.bytes("{\"v\":2,\"agent\":\"maria\",\"configurationVersion\":4,\"commands\":1,"
                + "\"talkdesk\":\"available\",\"omni\":\"Offline\",\"phase\":\"idle\",\"picked\":true,"
                + "\"latestOmniWork\":\"2026-01-05T09:00:00Z\",\"expectedOmniAfter\":[]}");

        assertThat(SessionCodec.decode(newer))
                .isEqualTo(io.vavr.control.Either.right(new SessionRecord(
                        AgentSession.start(MARIA, TalkdeskStatusId.AVAILABLE, OmniStatus.OFFLINE), 4, 1)));
    }

    @Test
    void a_damaged_session_names_the_field() {
        assertThat(SessionCodec.decode(Golden.bytes("{\"v\":1,\"agent\":\"maria\",\"omni\":\"Offline\"}")))
                .isEqualTo(io.vavr.control.Either.left("field 'talkdesk' is missing"));
        assertThat(
                        SessionCodec.decode(
                                Golden.bytes(
                                        "{\"v\":1,\"agent\":\"maria\",\"talkdesk\":\"away\",\"omni\":\"Offline\",\"phase\":\"ringing\"}")))
                .isEqualTo(io.vavr.control.Either.left("field 'phase': 'ringing' is not one of idle, onCall, wrapUp"));
        assertThat(SessionCodec.decode(Golden.bytes("{\"agent\":\"maria\"}")))
                .isEqualTo(io.vavr.control.Either.left("no version field 'v'"));
    }
}
