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

    /** What version 2 writes ({@code codec/v2/session.json}): the pick during the call, the workload's time, echo times. */
    private static final SessionRecord VERSION_2 = new SessionRecord(
            new AgentSession(
                    MARIA,
                    TalkdeskStatusId.AFTER_CALL_WORK,
                    PresenceStatusId.of("After_Call_Work"),
                    new CallPhase.WrapUp(Option.some(PresenceStatusId.of("Lunch_Break")), true),
                    List.of(TalkdeskStatusId.AWAY),
                    List.of(PresenceStatusId.of("After_Call_Work")),
                    Option.some(Instant.parse("2026-01-05T09:00:00Z")),
                    Option.some(Instant.parse("2026-01-05T08:59:00Z")),
                    Option.some(Instant.parse("2026-01-05T08:58:00Z")),
                    List.of(Instant.parse("2026-01-05T09:00:01Z")),
                    List.of(Instant.parse("2026-01-05T09:00:02Z")),
                    RecentEventIds.of(new long[] {11, -22, 33}),
                    2),
            12,
            3);

    @Test
    void a_pick_during_the_call_the_workloads_time_and_the_echo_times_read_back() {
        SessionRecord read = SessionCodec.decode(SessionCodec.encode(VERSION_2)).get();

        assertThat(read).isEqualTo(VERSION_2);
        assertThat(read.session().callPhase().picked())
                .as("rule 4.8: her pick wins after the call, also after a restore from the changelog")
                .isTrue();
    }

    @Test
    void what_version_2_writes_is_pinned() {
        assertThat(new String(SessionCodec.encode(VERSION_2), StandardCharsets.UTF_8))
                .isEqualTo(Golden.text("v2/session.json"));
        assertThat(SessionCodec.decode(Golden.bytes(Golden.text("v2/session.json"))))
                .isEqualTo(io.vavr.control.Either.right(VERSION_2));
    }

    @Test
    void what_version_1_wrote_still_reads_as_it_did() {
        assertThat(SessionCodec.decode(Golden.bytes(Golden.text("v1/session.json"))))
                .isEqualTo(io.vavr.control.Either.right(VERSION_1));
        assertThat(VERSION_1.session().callPhase().picked()).isFalse();
    }

    @Test
    void a_newer_version_is_read_for_the_fields_this_one_knows() {
        byte[] newer = Golden.bytes("{\"v\":3,\"agent\":\"maria\",\"configurationVersion\":4,\"commands\":1,"
                + "\"talkdesk\":\"available\",\"omni\":\"Offline\",\"phase\":\"idle\",\"aFieldOfVersion3\":[1,2]}");

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
