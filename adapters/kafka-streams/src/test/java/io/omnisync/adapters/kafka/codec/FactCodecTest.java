package io.omnisync.adapters.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.configuration.ProblemCode;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.settings.Refusal;
import io.omnisync.domain.settings.RefusalCode;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FactCodecTest {

    private static final AgentId MARIA = AgentId.of("maria");
    private static final Instant NINE = Instant.parse("2026-01-05T09:00:00Z");

    private static final Command.SetTalkdeskStatus LUNCH =
            new Command.SetTalkdeskStatus(MARIA, TalkdeskStatusId.of("lunch"), Because.MAPPING);

    /** What version 1 wrote, line by line ({@code codec/v1/facts.jsonl}). */
    private static final java.util.List<FactRecord> VERSION_1 = java.util.List.of(
            decided(
                    0,
                    12,
                    new Fact.Synced(
                            new Command.SetOmniStatus(MARIA, PresenceStatusId.of("Lunch_Break"), Because.MAPPING))),
            decided(
                    1,
                    12,
                    new Fact.Skipped(
                            MARIA,
                            SkipReason.NOT_GRANTED,
                            VendorSystem.TALKDESK,
                            Option.some("chat_only"),
                            Option.some("Chat_Only"),
                            Option.some(EventId.of("evt-1")),
                            Because.MAPPING)),
            decided(2, 12, new Fact.StatusRemembered(MARIA, PresenceStatusId.of("Available_for_Calls"))),
            decided(3, 12, new Fact.CommandFailed(LUNCH, "404 no such user")),
            decided(
                    4,
                    12,
                    new Fact.Superseded(
                            LUNCH, new Command.SetTalkdeskStatus(MARIA, TalkdeskStatusId.AVAILABLE, Because.MAPPING))),
            decided(
                    5,
                    12,
                    new Fact.Expired(
                            new Command.SetOmniStatus(MARIA, PresenceStatusId.of("Lunch_Break"), Because.MAPPING))),
            decided(6, 12, new Fact.Refused(new Refusal(RefusalCode.INSIDE_BUSINESS_HOURS, "inside business hours"))),
            decided(7, 13, new Fact.SettingsChanged(new IntegrationSettings(true, false, false))),
            decided(8, 14, new Fact.RuleToggled("Lunch", false)),
            decided(
                    9,
                    15,
                    new Fact.ConfigurationApplied(
                            List.of(new Problem(ProblemCode.UNMAPPED_STATUS, "talkdesk.statuses[0]", "not mapped")))),
            decided(
                    10,
                    15,
                    new Fact.ConfigurationRejected(
                            List.of(new Problem(ProblemCode.UNKNOWN_STATUS, "agents[0].profile", "no such profile")))),
            new FactRecord.Unused(
                    Option.some("maria"),
                    new Unreadable(
                            Unreadable.UNKNOWN_EVENT_TYPE,
                            "type 'omni.mood' is not one this release knows (version 1)"),
                    "omnisync.events",
                    2,
                    41,
                    15,
                    NINE.plusSeconds(11)));

    private static FactRecord decided(int second, long version, Fact fact) {
        return new FactRecord.Decided(fact, version, NINE.plusSeconds(second));
    }

    @Test
    void what_version_1_wrote_is_read() {
        assertThat(Golden.lines("v1/facts.jsonl").stream()
                        .map(FactCodec::decode)
                        .map(io.vavr.control.Either::get)
                        .toList())
                .containsExactlyElementsOf(VERSION_1);
    }

    @Test
    void every_kind_of_fact_reads_back_as_it_was_written() {
        for (FactRecord record : VERSION_1) {
            assertThat(FactCodec.decode(FactCodec.encode(record))).isEqualTo(io.vavr.control.Either.right(record));
        }
        FactRecord ruled = decided(
                0,
                3,
                new Fact.Skipped(
                        MARIA,
                        SkipReason.OMNI_OFFLINE,
                        VendorSystem.OMNI,
                        Option.none(),
                        Option.some("Lunch_Break"),
                        Option.none(),
                        Because.rule("Lunch")));
        assertThat(FactCodec.decode(FactCodec.encode(ruled))).isEqualTo(io.vavr.control.Either.right(ruled));
    }

    @Test
    void a_refusal_for_a_status_the_vendor_no_longer_knows_reads_back_as_such() throws Exception {
        FactRecord unknown = decided(
                7,
                12,
                new Fact.CommandFailed(
                        LUNCH, "404 status_not_found", io.omnisync.domain.sync.CommandFailure.UNKNOWN_AT_VENDOR));

        assertThat(FactCodec.decode(FactCodec.encode(unknown))).isEqualTo(io.vavr.control.Either.right(unknown));
        assertThat(Json.MAPPER
                        .readTree(FactCodec.encode(unknown))
                        .path("reason")
                        .asText())
                .isEqualTo("UNKNOWN_AT_VENDOR");
    }

    @Test
    void an_entry_has_the_audit_trail_s_shape_with_the_sentence_a_human_reads() throws Exception {
        JsonNode skipped = Json.MAPPER.readTree(FactCodec.encode(VERSION_1.get(1)));

        assertThat(skipped.get("kind").asText()).isEqualTo("skipped");
        assertThat(skipped.get("at").asText()).isEqualTo("2026-01-05T09:00:01Z");
        assertThat(skipped.get("reason").asText()).isEqualTo("NOT_GRANTED");
        assertThat(skipped.get("message").asText())
                .isEqualTo("'chat_only' maps to 'Chat_Only', which the agent's profile and permission sets do not "
                        + "grant");
        assertThat(skipped.get("configurationVersion").asLong()).isEqualTo(12);
    }

    @Test
    void a_fact_about_an_omni_report_carries_the_toolkits_reason() throws Exception {
        Fact.Skipped ignored = new Fact.Skipped(
                        MARIA,
                        SkipReason.AUTOMATIC_CHANGE_IGNORED,
                        VendorSystem.OMNI,
                        Option.some("Away"),
                        Option.none(),
                        Option.some(EventId.of("console:c-1")),
                        Because.REPORT)
                .reportedFor(OmniReason.PUSH_TIMEOUT);
        FactRecord synced = decided(7, 12, new Fact.Synced(LUNCH).reportedFor(OmniReason.SUPERVISOR));
        FactRecord skipped = decided(8, 12, ignored);

        assertThat(Json.MAPPER
                        .readTree(FactCodec.encode(skipped))
                        .get("omniReason")
                        .asText())
                .isEqualTo("OmniPushTimeout");
        assertThat(FactCodec.decode(FactCodec.encode(skipped))).isEqualTo(io.vavr.control.Either.right(skipped));
        assertThat(FactCodec.decode(FactCodec.encode(synced))).isEqualTo(io.vavr.control.Either.right(synced));
        assertThat(Json.MAPPER.readTree(FactCodec.encode(VERSION_1.get(1))).has("omniReason"))
                .isFalse();
    }

    @Test
    void a_kind_or_reason_this_release_does_not_know_is_named() {
        assertThat(FactCodec.decode(Golden.bytes("{\"v\":3,\"kind\":\"mood\",\"at\":\"2026-01-05T09:00:00Z\"}")))
                .isEqualTo(io.vavr.control.Either.left("kind 'mood' is not one this release knows (version 2)"));
        assertThat(FactCodec.decode(
                                Golden.bytes(
                                        "{\"v\":2,\"kind\":\"skipped\",\"at\":\"2026-01-05T09:00:00Z\","
                                                + "\"agent\":\"maria\",\"reason\":\"BORED\",\"system\":\"omni\",\"because\":\"ACTIVATION\"}"))
                        .getLeft())
                .startsWith("field 'reason': 'BORED' is not one of");
    }
}
