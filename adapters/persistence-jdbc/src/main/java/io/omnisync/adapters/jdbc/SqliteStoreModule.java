package io.omnisync.adapters.jdbc;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.omnisync.application.store.ActiveLease;
import io.omnisync.application.store.AgentSessions;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.store.Outbox;
import io.omnisync.application.store.Transactions;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The durable store: everything in one SQLite file. The sibling of {@code InMemoryStoreModule};
 * it needs a {@link ConfigurationCodec} bound (the JSON adapter's, in the command line). Given a
 * path, the store is opened when the engine is built; given a store the host opened itself
 * ({@link SqliteStores#open}), the host decides when it is closed and another process may own it.
 */
public class SqliteStoreModule extends AbstractModule {

    private final Path file;
    private final Optional<SqliteStore> opened;

    public SqliteStoreModule(Path file) {
        this.file = file;
        this.opened = Optional.empty();
    }

    /** A store the host opened (and closes): opening failures are then the host's, before any engine is built. */
    public SqliteStoreModule(SqliteStore store) {
        this.file = store.file();
        this.opened = Optional.of(store);
    }

    @Override
    protected void configure() {
        bind(AgentSessions.class).to(SqliteStore.class);
        bind(ConfigurationStore.class).to(SqliteStore.class);
        bind(Outbox.class).to(SqliteStore.class);
        bind(Transactions.class).to(SqliteStore.class);
        // one process opens a file at all: whoever has it is the active one
        bind(ActiveLease.class).toInstance(ActiveLease.SOLE_OWNER);
    }

    @Provides
    @Singleton
    SqliteStore store(ConfigurationCodec codec) {
        return opened.orElseGet(() -> SqliteStores.open(file, codec));
    }
}
