package io.omnisync.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.application.store.ConfigurationFingerprint;
import io.omnisync.domain.configuration.Configuration;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * How a store chooses between its snapshot and its JSON: the snapshot when it reads (the JSON is not
 * even fetched), else the JSON, with the reason the snapshot was not used (what the warning says).
 */
class StoredConfigurationTest {

    private static final JsonConfigurationCodec CODEC = new JsonConfigurationCodec();
    private static final ConfigurationFingerprint FILE =
            ConfigurationFingerprint.of("c.json".getBytes(StandardCharsets.UTF_8));
    private static final Configuration SAVED = Configuration.validate(
                    JsonConfigurationFile.read(Path.of("../../examples/chat-capacity.json"))
                            .get()
                            .draft())
            .get();

    private final AtomicInteger jsonReads = new AtomicInteger();
    private final Supplier<String> json = () -> {
        jsonReads.incrementAndGet();
        return CODEC.encode(SAVED.draft());
    };

    @Test
    void a_snapshot_that_reads_is_used_and_the_json_is_not_even_fetched() {
        var loaded = StoredConfiguration.load(
                "store", Option.some(snapshot(ConfigurationSnapshot.write(SAVED))), json, CODEC);

        assertThat(jsonReads).hasValue(0);
        assertThat(loaded.whyNotTheSnapshot()).isEmpty();
        assertThat(loaded.snapshotToWrite()).isFalse();
        assertThat(loaded.startedFrom()).containsExactly(FILE);
        assertThat(loaded.configuration().draft()).isEqualTo(SAVED.draft());
    }

    @Test
    void a_damaged_snapshot_gives_the_json_s_configuration_and_says_why() {
        byte[] damaged = ConfigurationSnapshot.write(SAVED);
        damaged[damaged.length - 10] ^= 0x40;

        var loaded = StoredConfiguration.load("store", Option.some(snapshot(damaged)), json, CODEC);

        assertThat(jsonReads).hasValue(1);
        assertThat(loaded.whyNotTheSnapshot()).singleElement().asString().contains("checksum");
        assertThat(loaded.snapshotToWrite()).isTrue();
        assertThat(loaded.configuration().draft()).isEqualTo(SAVED.draft());
        assertThat(loaded.configuration().warnings()).isEqualTo(SAVED.warnings());
    }

    @Test
    void a_snapshot_of_another_version_gives_the_json_s_configuration_and_no_file() {
        var loaded = StoredConfiguration.load(
                "store",
                Option.some(new StoredConfiguration.Snapshot(
                        "format 1 of omnisync 0.0.1", ConfigurationSnapshot.write(SAVED), Option.some(FILE))),
                json,
                CODEC);

        assertThat(jsonReads).hasValue(1);
        assertThat(loaded.whyNotTheSnapshot()).singleElement().asString().contains("0.0.1");
        assertThat(loaded.startedFrom()).isEmpty();
        assertThat(loaded.configuration().draft()).isEqualTo(SAVED.draft());
    }

    private static StoredConfiguration.Snapshot snapshot(byte[] data) {
        return new StoredConfiguration.Snapshot(ConfigurationSnapshot.VERSION, data, Option.some(FILE));
    }
}
