package io.omnisync.adapters.jdbc.postgresql;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.omnisync.application.store.ActiveLease;
import io.omnisync.application.store.AgentSessions;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.store.Outbox;
import io.omnisync.application.store.Transactions;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The durable store on a PostgreSQL server, chosen instead of {@code SqliteStoreModule} (the same
 * ports). It needs a {@link ConfigurationCodec} bound. Given a location, the store is opened when
 * the engine is built; given a store the host opened itself ({@link PostgresStores#open}, or
 * {@link PostgresStores#openWhenFree} for a standby), the host decides when it is closed.
 */
public class PostgresStoreModule extends AbstractModule {

    private final PostgresLocation location;
    private final Optional<PostgresStore> opened;

    public PostgresStoreModule(PostgresLocation location) {
        this.location = location;
        this.opened = Optional.empty();
    }

    /** A store the host opened (and closes): opening failures are then the host's, before any engine is built. */
    public PostgresStoreModule(PostgresStore store) {
        this.location = store.location();
        this.opened = Optional.of(store);
    }

    @Override
    protected void configure() {
        bind(AgentSessions.class).to(PostgresStore.class);
        bind(ConfigurationStore.class).to(PostgresStore.class);
        bind(Outbox.class).to(PostgresStore.class);
        bind(Transactions.class).to(PostgresStore.class);
        bind(ActiveLease.class).to(PostgresStore.class);
    }

    @Provides
    @Singleton
    PostgresStore store(ConfigurationCodec codec) {
        return opened.orElseGet(() -> PostgresStores.open(location, codec));
    }
}
