package io.omnisync.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import io.omnisync.adapters.composition.Bootstrap;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.sandbox.SandboxVendorsModule;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.admin.ReplacePolicy;
import io.omnisync.application.admin.StartEngine;
import io.omnisync.application.admin.StartResult;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.store.ConfigurationFingerprint;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.settings.IntegrationSettings;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file a configuration was started from, as the engine records it in a SQLite store and {@code
 * serve} uses it: a restart with that file resumes without it ({@link StartEngine#resume}), run-time
 * settings included; another file, or a replacement through the admin API, makes the next start read
 * and compare the file; what {@code serve} looks at before owning the store says the same.
 */
class StartedFromTheFileTest {

    private static final ConfigurationFingerprint FILE =
            ConfigurationFingerprint.of("c.json".getBytes(StandardCharsets.UTF_8));
    private static final ConfigurationFingerprint OTHER =
            ConfigurationFingerprint.of("d.json".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path folder;

    /** What a host starts. */
    static final class Rig {
        final StartEngine starting;
        final LoadConfiguration loading;
        final ConfigurationStore store;

        @Inject
        Rig(StartEngine starting, LoadConfiguration loading, ConfigurationStore store) {
            this.starting = starting;
            this.loading = loading;
            this.store = store;
        }
    }

    private Rig open() {
        return new Bootstrap(new SandboxVendorsModule(), new SqliteStoreModule(store()), new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(ConfigurationCodec.class).to(JsonConfigurationCodec.class);
                    }
                })
                .initialize(Rig.class);
    }

    private Path store() {
        return folder.resolve("omnisync.db");
    }

    private static void close(Rig rig) {
        ((SqliteStore) rig.store).close();
    }

    private static ConfigurationDraft contactCenter() {
        return JsonConfigurationFile.read(Path.of("../../examples/contact-center.json"))
                .get()
                .draft();
    }

    @Test
    void a_restart_with_the_same_file_resumes_without_it_and_with_the_settings_changed_at_run_time() {
        Rig first = open();
        assertThat(first.starting.resume(FILE)).as("nothing runs yet").isEmpty();
        assertThat(first.starting.start(contactCenter(), ReplacePolicy.REFUSE_DIFFERENT, FILE))
                .isInstanceOf(StartResult.StartedFresh.class);
        first.store.save(first.store.current().get().withSettings(new IntegrationSettings(true, false, false)));
        close(first);

        assertThat(SqliteStores.startedFrom(store()))
                .as("what serve sees before owning the store")
                .contains(FILE);
        Rig second = open();
        assertThat(second.starting.resume(OTHER)).isEmpty();
        assertThat(second.starting.resume(FILE))
                .singleElement()
                .satisfies(
                        resumed -> assertThat(resumed.configuration().settings().omniChannelSync())
                                .isTrue());
        close(second);
    }

    @Test
    void the_same_configuration_from_other_bytes_resumes_after_comparing_and_is_recorded_for_the_next_start() {
        Rig first = open();
        first.starting.start(contactCenter(), ReplacePolicy.REFUSE_DIFFERENT, FILE);
        close(first);

        Rig second = open();
        assertThat(second.starting.start(contactCenter(), ReplacePolicy.REFUSE_DIFFERENT, OTHER))
                .isInstanceOf(StartResult.Resumed.class);
        assertThat(second.starting.resume(OTHER)).hasSize(1);
        assertThat(second.starting.resume(FILE)).isEmpty();
        close(second);
    }

    @Test
    void a_replacement_through_the_admin_api_forgets_the_file() {
        Rig first = open();
        first.starting.start(contactCenter(), ReplacePolicy.REFUSE_DIFFERENT, FILE);
        first.loading.load(contactCenter().withSettings(new IntegrationSettings(false, true, false)));
        assertThat(first.starting.resume(FILE)).isEmpty();
        close(first);

        assertThat(SqliteStores.startedFrom(store())).isEqualTo(Option.none());
    }
}
