package io.omnisync.adapters.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Command;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final AgentId MARIA = AgentId.of("maria");
    private static final Instant NINE = Instant.parse("2026-01-05T09:00:00Z");

    private static final Command.SetTalkdeskStatus LUNCH_AT_TALKDESK =
            new Command.SetTalkdeskStatus(MARIA, TalkdeskStatusId.of("lunch"), Because.MAPPING);
    private static final Command.SetOmniStatus LUNCH_AT_OMNI = new Command.SetOmniStatus(
            MARIA, PresenceStatusId.of("Lunch_Break"), Because.rule("Full chat load blocks calls"));
    private static final Command.SetOmniStatus AVAILABLE_AT_OMNI =
            new Command.SetOmniStatus(MARIA, PresenceStatusId.of("Available_for_Calls"), Because.ACTIVATION);

    /** What version 1 of the codec wrote, line by line ({@code codec/v1/events.jsonl}). */
    private static final List<EventRecord> VERSION_1 = List.of(
            reported(new AgentEvent.TalkdeskStatusReported(
                    EventId.of("evt-9f1c"), MARIA, NINE, TalkdeskStatusId.of("lunch"))),
            new EventRecord.Reported(
                    new AgentEvent.TalkdeskStatusReported(
                            EventId.of("evt-9f1d"), MARIA, NINE.plusSeconds(1), TalkdeskStatusId.AVAILABLE),
                    12),
            reported(new AgentEvent.OmniStatusReported(
                    EventId.of("c-17"), MARIA, NINE.plusSeconds(2), PresenceStatusId.of("Lunch_Break"))),
            reported(new AgentEvent.OmniStatusReported(
                    EventId.of("c-18"), MARIA, NINE.plusMillis(3250), OmniStatus.OFFLINE)),
            reported(new AgentEvent.OmniWorkloadReported(EventId.of("c-19"), MARIA, NINE.plusSeconds(4), 3)),
            reported(new AgentEvent.OmniWorkAccepted(EventId.of("c-20"), MARIA, NINE.plusSeconds(5), "Chat")),
            new EventRecord.Reconcile(MARIA, EventId.of("activation-12"), 12),
            new EventRecord.CommandFailed(LUNCH_AT_TALKDESK, "400 the status is reserved"),
            new EventRecord.CommandSuperseded(
                    new Command.SetOmniStatus(
                            MARIA, PresenceStatusId.of("Lunch_Break"), Because.rule("Full chat load blocks calls")),
                    AVAILABLE_AT_OMNI),
            new EventRecord.CommandExpired(
                    new Command.SetOmniStatus(MARIA, PresenceStatusId.of("Lunch_Break"), Because.RETURN_AFTER_CALL)));

    /** Version 2 added the toolkit's reason to Omni status reports ({@code codec/v2/events.jsonl}). */
    private static final List<EventRecord> VERSION_2 = java.util.stream.Stream.concat(
                    VERSION_1.stream(),
                    java.util.stream.Stream.of(new EventRecord.Reported(
                            new AgentEvent.OmniStatusReported(
                                    EventId.of("c-21"),
                                    MARIA,
                                    NINE.plusSeconds(6),
                                    PresenceStatusId.of("Away"),
                                    io.vavr.control.Option.some(OmniReason.PUSH_TIMEOUT)),
                            12)))
            .toList();

    private static EventRecord reported(AgentEvent event) {
        return new EventRecord.Reported(event, ConfigurationRecord.NONE);
    }

    @Test
    void every_kind_of_record_reads_back_as_it_was_written() {
        for (EventRecord record : VERSION_2) {
            assertThat(EventCodec.decode(EventCodec.encode(record))).isEqualTo(io.vavr.control.Either.right(record));
        }
        EventRecord superseded = new EventRecord.CommandSuperseded(LUNCH_AT_OMNI, AVAILABLE_AT_OMNI);
        assertThat(EventCodec.decode(EventCodec.encode(superseded)))
                .isEqualTo(io.vavr.control.Either.right(superseded));
    }

    @Test
    void a_refusal_keeps_whether_the_vendor_no_longer_knows_the_status() throws Exception {
        EventRecord unknown = new EventRecord.CommandFailed(
                LUNCH_AT_TALKDESK, "404 status_not_found", io.omnisync.domain.sync.CommandFailure.UNKNOWN_AT_VENDOR);
        EventRecord refused = new EventRecord.CommandFailed(LUNCH_AT_TALKDESK, "400 the status is reserved");

        assertThat(EventCodec.decode(EventCodec.encode(unknown))).isEqualTo(io.vavr.control.Either.right(unknown));
        assertThat(EventCodec.decode(EventCodec.encode(refused))).isEqualTo(io.vavr.control.Either.right(refused));
        assertThat(Json.MAPPER.readTree(EventCodec.encode(refused)).has("failureKind"))
                .as("a plain refusal is written as before")
                .isFalse();
    }

    @Test
    void what_version_1_wrote_is_read_and_its_omni_reports_are_manual_picks() {
        List<byte[]> lines = Golden.lines("v1/events.jsonl");
        assertThat(lines.stream().map(EventCodec::decode).toList())
                .containsExactlyElementsOf(VERSION_1.stream()
                        .map(Either::<Unreadable, EventRecord>right)
                        .toList());
        AgentEvent.OmniStatusReported omni = (AgentEvent.OmniStatusReported)
                ((EventRecord.Reported) EventCodec.decode(lines.get(2)).get()).event();
        assertThat(omni.reasonOrManual()).isEqualTo(OmniReason.MANUAL);
    }

    @Test
    void what_version_2_wrote_is_read_with_the_toolkits_reason() {
        List<byte[]> lines = Golden.lines("v2/events.jsonl");
        assertThat(lines.stream().map(EventCodec::decode).toList())
                .containsExactlyElementsOf(VERSION_2.stream()
                        .map(Either::<Unreadable, EventRecord>right)
                        .toList());
    }

    @Test
    void this_release_writes_version_2_as_it_was_frozen() {
        List<byte[]> lines = Golden.lines("v2/events.jsonl");
        assertThat(lines).hasSameSizeAs(VERSION_2);
        for (int i = 0; i < VERSION_2.size(); i++) {
            assertThat(new String(EventCodec.encode(VERSION_2.get(i)), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(lines.get(i), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void a_newer_version_with_fields_this_one_does_not_know_is_read_for_what_it_knows() {
        // a rolling upgrade: a later release adds a field, and a reason this one does not know (a manual pick here)
        byte[] newer = Golden.bytes("{\"v\":3,\"type\":\"omni.status\",\"id\":\"c-21\",\"agent\":\"maria\","
                + "\"at\":\"2026-01-05T09:00:00Z\",\"status\":\"Lunch_Break\",\"reason\":\"OmniMoodChange\","
                + "\"mood\":\"sunny\"}");

        assertThat(EventCodec.decode(newer))
                .isEqualTo(io.vavr.control.Either.right(reported(new AgentEvent.OmniStatusReported(
                        EventId.of("c-21"), MARIA, NINE, PresenceStatusId.of("Lunch_Break")))));
    }

    @Test
    void a_type_this_release_does_not_know_is_told_apart_from_an_unreadable_record() {
        Either<Unreadable, EventRecord> unknown =
                EventCodec.decode(Golden.bytes("{\"v\":2,\"type\":\"omni.mood\",\"id\":\"c-1\",\"agent\":\"maria\"}"));

        assertThat(unknown.getLeft().code()).isEqualTo(Unreadable.UNKNOWN_EVENT_TYPE);
        assertThat(unknown.getLeft().message()).contains("'omni.mood'");
    }

    @Test
    void an_unreadable_record_names_what_is_wrong() {
        assertThat(message("{\"type\":\"talkdesk.status\"}")).isEqualTo("no version field 'v'");
        assertThat(message("{\"v\":1,\"type\":\"talkdesk.status\",\"id\":\"e\",\"agent\":\"maria\"}"))
                .isEqualTo("talkdesk.status: field 'at' is missing");
        assertThat(message("{\"v\":1,\"type\":\"talkdesk.status\",\"id\":\"e\",\"agent\":\"maria\",\"at\":\"9am\","
                        + "\"status\":\"lunch\"}"))
                .isEqualTo("talkdesk.status: field 'at': '9am' is not an ISO-8601 instant");
        assertThat(message("{\"v\":1,\"type\":\"omni.workload\",\"id\":\"e\",\"agent\":\"maria\","
                        + "\"at\":\"2026-01-05T09:00:00Z\",\"workload\":\"many\"}"))
                .startsWith("field 'workload': ");
        assertThat(message("{\"v\":1,\"type\":\"command.expired\",\"agent\":\"maria\",\"command\":{\"agent\":\"maria\","
                        + "\"system\":\"fax\",\"status\":\"x\",\"because\":\"MAPPING\"}}"))
                .isEqualTo("command.expired: field 'command.system': 'fax' is not one of [talkdesk, omni]");
        assertThat(message("not json")).startsWith("not JSON: ");
        assertThat(EventCodec.decode(null).getLeft().code()).isEqualTo(Unreadable.UNREADABLE_RECORD);
    }

    @Test
    void the_agent_is_read_without_binding_the_rest_of_the_value() {
        assertThat(EventCodec.agentOf(
                        Golden.bytes("{\"v\":1,\"command\":{\"agent\":\"not-this\"},\"agent\":\"maria\"}")))
                .contains("maria");
        assertThat(EventCodec.agentOf(Golden.bytes("{\"v\":1,\"agent\":7}"))).isEmpty();
        assertThat(EventCodec.agentOf(Golden.bytes("[1,2]"))).isEmpty();
        assertThat(EventCodec.agentOf(Golden.bytes("{\"v\":"))).isEmpty();
        assertThat(EventCodec.agentOf(null)).isEmpty();
    }

    private static String message(String json) {
        return EventCodec.decode(Golden.bytes(json)).getLeft().message();
    }
}
