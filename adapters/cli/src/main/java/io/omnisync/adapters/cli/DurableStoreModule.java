package io.omnisync.adapters.cli;

import com.google.inject.AbstractModule;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.jdbc.SqliteStore;
import io.omnisync.adapters.jdbc.SqliteStoreModule;
import io.omnisync.application.store.ConfigurationCodec;

/** The SQLite store the command opened, with the configuration kept in the JSON format of the configuration file. */
final class DurableStoreModule extends AbstractModule {

    private final SqliteStore store;

    DurableStoreModule(SqliteStore store) {
        this.store = store;
    }

    @Override
    protected void configure() {
        install(new SqliteStoreModule(store));
        bind(ConfigurationCodec.class).to(JsonConfigurationCodec.class);
    }
}
