package io.omnisync.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.application.store.ConfigurationFingerprint;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.settings.IntegrationSettings;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every durable store does with its configuration snapshot ({@link ConfigurationSnapshot}): a
 * restart reads the snapshot and not the JSON (every field back as it was saved); a snapshot that
 * does not read, or of another Omnisync version, falls back to the JSON, validated, giving the same
 * configuration, and is written again; a store of an older schema opens and gets its snapshot; the
 * file a configuration was started from is kept across run-time settings and forgotten by a
 * replacement. Each store's test class says how to open it and how to reach its tables.
 *
 * @param <S> the store under test
 */
// "try": a store's close() throws nothing, but S is only known to be AutoCloseable
@SuppressWarnings("try")
public abstract class ConfigurationSnapshotContract<S extends ConfigurationStore & AutoCloseable> {

    protected static final JsonConfigurationCodec CODEC = new JsonConfigurationCodec();
    private static final ConfigurationFingerprint FILE =
            ConfigurationFingerprint.of("the configuration file".getBytes(StandardCharsets.UTF_8));

    /** Opens the test's store (the same one each time within a test). */
    protected abstract S open();

    /** Runs {@code sql} on the store's tables from a connection of the test's own, {@code values} bound in order. */
    protected abstract void execute(String sql, Object... values);

    /** One value of the store's tables, read from a connection of the test's own (null when there is no row). */
    protected abstract Object valueOf(String sql);

    /** Makes the test's store one of the schema before snapshots, holding {@code configuration} as JSON. */
    protected abstract void anOlderStoreHolding(Configuration configuration);

    protected static Configuration example(String name) {
        return Configuration.validate(JsonConfigurationFile.read(Path.of("../../examples/" + name))
                        .get()
                        .draft())
                .get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat-capacity.json", "available-for-all.json", "serve.json", "contact-center.json"})
    void a_restart_reads_the_snapshot_and_not_the_json_with_every_field_as_saved(String name) throws Exception {
        Configuration saved = example(name).withSettings(new IntegrationSettings(true, false, false));
        try (S store = open()) {
            store.save(saved, Option.some(FILE));
        }
        execute("UPDATE configuration SET draft = ?", "{ this is no longer JSON");

        try (S store = open()) {
            assertSame(store.current().get(), saved);
            assertThat(store.startedFrom()).containsExactly(FILE);
        }
    }

    @Test
    void a_snapshot_that_does_not_read_falls_back_to_the_json_and_is_written_again() throws Exception {
        Configuration saved = example("chat-capacity.json");
        try (S store = open()) {
            store.save(saved, Option.some(FILE));
        }
        byte[] snapshot = (byte[]) valueOf("SELECT data FROM configuration_snapshot");
        byte[] damaged = snapshot.clone();
        damaged[damaged.length / 2] ^= 0x01;
        execute("UPDATE configuration_snapshot SET data = ?", (Object) damaged);

        try (S store = open()) {
            assertSame(store.current().get(), saved);
            assertThat(store.startedFrom())
                    .as("the file is this version's word")
                    .containsExactly(FILE);
        }
        assertThat(ConfigurationSnapshot.read((byte[]) valueOf("SELECT data FROM configuration_snapshot")))
                .as("written again")
                .hasSize(1);
        execute("UPDATE configuration SET draft = ?", "{ this is no longer JSON");
        try (S store = open()) {
            assertSame(store.current().get(), saved);
        }
    }

    @Test
    void a_snapshot_of_another_omnisync_version_falls_back_to_the_json_and_forgets_the_file() throws Exception {
        Configuration saved = example("serve.json");
        try (S store = open()) {
            store.save(saved, Option.some(FILE));
        }
        execute("UPDATE configuration_snapshot SET omnisync_version = ?", "format 1 of omnisync 0.0.1");

        try (S store = open()) {
            assertSame(store.current().get(), saved);
            assertThat(store.startedFrom())
                    .as("another version's validator accepted that file, not this one's")
                    .isEmpty();
        }
        assertThat(valueOf("SELECT omnisync_version FROM configuration_snapshot"))
                .isEqualTo(ConfigurationSnapshot.VERSION);
    }

    @Test
    void the_fallback_is_the_json_validated_as_before_so_an_unreadable_json_is_still_refused() {
        try (S store = open()) {
            store.save(example("chat-capacity.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        execute("UPDATE configuration_snapshot SET data = ?", (Object) new byte[] {1, 2, 3, 4, 5});
        execute("UPDATE configuration SET draft = ?", "{ this is no longer JSON");

        assertThatThrownBy(() -> {
                    try (S store = open()) {
                        store.current();
                    }
                })
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("the stored configuration does not read");
    }

    @Test
    void a_store_of_the_schema_before_snapshots_opens_reads_its_json_once_and_gets_its_snapshot() throws Exception {
        Configuration saved = example("available-for-all.json");
        anOlderStoreHolding(saved);

        try (S store = open()) {
            assertSame(store.current().get(), saved);
            assertThat(store.startedFrom()).isEmpty();
        }
        assertThat(ConfigurationSnapshot.read((byte[]) valueOf("SELECT data FROM configuration_snapshot")))
                .hasSize(1);
        execute("UPDATE configuration SET draft = ?", "{ this is no longer JSON");
        try (S store = open()) {
            assertSame(store.current().get(), saved);
        }
    }

    @Test
    void the_file_a_configuration_was_started_from_outlives_run_time_settings_but_not_a_replacement() throws Exception {
        Configuration saved = example("chat-capacity.json");
        try (S store = open()) {
            store.save(saved, Option.some(FILE));
            store.save(saved.withSettings(new IntegrationSettings(false, true, false)));
        }
        try (S store = open()) {
            assertThat(store.startedFrom()).containsExactly(FILE);
            assertThat(store.current().get().settings()).isEqualTo(new IntegrationSettings(false, true, false));
            store.save(example("contact-center.json"), Option.none());
        }
        try (S store = open()) {
            assertThat(store.startedFrom()).isEmpty();
        }
    }

    /** The same configuration: as written, with the same warnings, and everything built from it the same. */
    protected static void assertSame(Configuration read, Configuration saved) {
        assertThat(read.draft()).isEqualTo(saved.draft());
        assertThat(read.warnings()).isEqualTo(saved.warnings());
        assertThat(read.talkdeskStatuses()).isEqualTo(saved.talkdeskStatuses());
        assertThat(read.serviceChannels()).isEqualTo(saved.serviceChannels());
        assertThat(read.presenceStatuses()).isEqualTo(saved.presenceStatuses());
        assertThat(read.agents()).isEqualTo(saved.agents());
        assertThat(read.settings()).isEqualTo(saved.settings());
        assertThat(read.businessHours()).isEqualTo(saved.businessHours());
        assertThat(read.rules()).isEqualTo(saved.rules());
        assertThat(read.automaticStatusChanges()).isEqualTo(saved.automaticStatusChanges());
        assertThat(read.mapping().omniToTalkdesk()).isEqualTo(saved.mapping().omniToTalkdesk());
        assertThat(read.mapping().talkdeskToOmni()).isEqualTo(saved.mapping().talkdeskToOmni());
        saved.agents()
                .keySet()
                .forEach(agent -> assertThat(read.presenceConfigurationOf(agent))
                        .isEqualTo(saved.presenceConfigurationOf(agent)));
    }
}
