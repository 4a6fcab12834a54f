package io.omnisync.adapters.jdbc;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.omnisync.application.store.AgentSessions;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.store.Outbox;
import io.omnisync.application.store.Transactions;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * The durable store: everything in one SQLite file. The sibling of {@code InMemoryStoreModule};
 * it needs a {@link ConfigurationCodec} bound (the JSON adapter's, in the command line).
 */
public class SqliteStoreModule extends AbstractModule {

    private final Path file;

    public SqliteStoreModule(Path file) {
        this.file = file;
    }

    @Override
    protected void configure() {
        bind(AgentSessions.class).to(SqliteStore.class);
        bind(ConfigurationStore.class).to(SqliteStore.class);
        bind(Outbox.class).to(SqliteStore.class);
        bind(Transactions.class).to(SqliteStore.class);
    }

    @Provides
    @Singleton
    SqliteStore store(ConfigurationCodec codec) {
        return SqliteStores.open(file, codec);
    }
}
