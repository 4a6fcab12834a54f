package io.omnisync.adapters.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Command;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandCodecTest {

    private static final AgentId MARIA = AgentId.of("maria");

    /** What version 1 wrote ({@code codec/v1/command.json}). */
    private static final CommandRecord VERSION_1 = new CommandRecord(
            "maria-3",
            new Command.SetOmniStatus(MARIA, PresenceStatusId.of("Lunch_Break"), Because.rule("Lunch")),
            12,
            Option.some("evt-9f1c"));

    @Test
    void commands_to_either_vendor_read_back_as_written() {
        CommandRecord talkdesk = new CommandRecord(
                "maria-4",
                new Command.SetTalkdeskStatus(MARIA, TalkdeskStatusId.AWAY, Because.RETURN_AFTER_CALL),
                ConfigurationRecord.NONE,
                Option.none());

        assertThat(CommandCodec.decode(CommandCodec.encode(talkdesk)))
                .isEqualTo(io.vavr.control.Either.right(talkdesk));
        assertThat(CommandCodec.decode(CommandCodec.encode(VERSION_1)))
                .isEqualTo(io.vavr.control.Either.right(VERSION_1));
    }

    @Test
    void what_version_1_wrote_is_read_and_written_alike() {
        assertThat(CommandCodec.decode(Golden.bytes(Golden.text("v1/command.json"))))
                .isEqualTo(io.vavr.control.Either.right(VERSION_1));
        assertThat(new String(CommandCodec.encode(VERSION_1), StandardCharsets.UTF_8))
                .isEqualTo(Golden.text("v1/command.json"));
    }

    @Test
    void a_newer_version_is_read_and_a_damaged_one_names_the_field() {
        assertThat(CommandCodec.decode(Golden.bytes("{\"v\":3,\"commandId\":\"maria-3\",\"agent\":\"maria\","
                        + "\"system\":\"omni\",\"status\":\"Lunch_Break\",\"because\":\"RULE\",\"rule\":\"Lunch\","
                        + "\"configurationVersion\":12,\"event\":\"evt-9f1c\",\"statusId\":\"0J5000000000001\"}")))
                .isEqualTo(io.vavr.control.Either.right(VERSION_1));
        assertThat(CommandCodec.decode(Golden.bytes("{\"v\":1,\"commandId\":\"maria-3\",\"agent\":\"maria\","
                        + "\"system\":\"omni\",\"status\":\"Lunch_Break\",\"because\":\"HUNCH\"}")))
                .isEqualTo(io.vavr.control.Either.left("field 'because': 'HUNCH' is not one of "
                        + java.util.Arrays.toString(Because.Origin.values())));
        assertThat(CommandCodec.decode(Golden.bytes("{\"v\":1,\"agent\":\"maria\"}")))
                .isEqualTo(io.vavr.control.Either.left("field 'commandId' is missing"));
    }
}
