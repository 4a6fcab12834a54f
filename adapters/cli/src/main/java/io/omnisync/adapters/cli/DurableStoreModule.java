package io.omnisync.adapters.cli;

import com.google.inject.AbstractModule;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.jdbc.SqliteStoreModule;
import io.omnisync.application.store.ConfigurationCodec;
import java.nio.file.Path;

/** The SQLite store, with the configuration kept in the JSON format of the configuration file. */
final class DurableStoreModule extends AbstractModule {

    private final Path file;

    DurableStoreModule(Path file) {
        this.file = file;
    }

    @Override
    protected void configure() {
        install(new SqliteStoreModule(file));
        bind(ConfigurationCodec.class).to(JsonConfigurationCodec.class);
    }
}
