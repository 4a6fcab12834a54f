package io.omnisync.adapters.kafka.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

class ConfigurationRecordCodecTest {

    private final JsonConfigurationCodec files = new JsonConfigurationCodec();
    private final ConfigurationRecordCodec codec = new ConfigurationRecordCodec(files);

    @Test
    void what_version_1_wrote_is_read_as_the_configuration_file_says() {
        ConfigurationRecord record = codec.decode(Golden.bytes(Golden.text("v1/configuration-record.json")))
                .get();

        assertThat(record.change()).isEqualTo("sync");
        assertThat(record.basedOn()).isEqualTo(11);
        Configuration configuration = Configuration.validate(record.draft()).get();
        assertThat(configuration.settings().omniChannelSync()).isTrue();
        assertThat(configuration.mapping().presenceStatusFor(TalkdeskStatusId.of("lunch")))
                .contains(PresenceStatusId.of("Lunch_Break"));
    }

    @Test
    void a_record_reads_back_as_it_was_written_run_time_settings_included() {
        ConfigurationDraft draft = codec.decode(Golden.bytes(Golden.text("v1/configuration-record.json")))
                .get()
                .draft();
        Configuration toggled = Configuration.validate(draft)
                .get()
                .withSettings(Configuration.validate(draft).get().settings().withReturnToPreviousStatusAfterCall(true));
        ConfigurationRecord first = new ConfigurationRecord(toggled.draft(), ConfigurationRecord.NONE, "replace");

        ConfigurationRecord read = codec.decode(codec.encode(first)).get();

        assertThat(read.basedOn()).isEqualTo(ConfigurationRecord.NONE);
        assertThat(read.change()).isEqualTo("replace");
        assertThat(files.encode(read.draft())).isEqualTo(files.encode(toggled.draft()));
        assertThat(Configuration.validate(read.draft()).get().settings().returnToPreviousStatusAfterCall())
                .isTrue();
    }

    @Test
    void a_configuration_the_file_reader_refuses_is_named_with_its_problem() {
        Either<String, ConfigurationRecord> read = codec.decode(
                Golden.bytes("{\"v\":1,\"change\":\"replace\",\"configuration\":{\"agents\":[],\"colour\":\"blue\"}}"));

        assertThat(read.getLeft()).startsWith("field 'configuration': ").contains("colour");
        assertThat(codec.decode(Golden.bytes("{\"v\":1}")))
                .isEqualTo(io.vavr.control.Either.left("field 'configuration' is missing"));
    }
}
