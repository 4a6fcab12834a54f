package io.omnisync.adapters.memory;

import com.google.inject.AbstractModule;
import io.omnisync.application.store.ActiveLease;
import io.omnisync.application.store.AgentSessions;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.store.Outbox;
import io.omnisync.application.store.Transactions;

/** Stores that live as long as the process: for tests, simulations and hosts that keep state elsewhere. */
public class InMemoryStoreModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(AgentSessions.class).to(InMemoryAgentSessions.class);
        bind(ConfigurationStore.class).to(InMemoryConfigurationStore.class);
        bind(Outbox.class).to(InMemoryOutbox.class);
        bind(Transactions.class).to(ImmediateTransactions.class);
        bind(ActiveLease.class).toInstance(ActiveLease.SOLE_OWNER);
    }
}
