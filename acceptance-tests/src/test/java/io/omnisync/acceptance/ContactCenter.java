package io.omnisync.acceptance;

import com.google.inject.Injector;
import io.cucumber.guice.ScenarioScoped;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.embedding.Omnisync;
import jakarta.inject.Inject;

/**
 * One contact center per scenario: the engine wired by the embedding's composition root with the
 * chosen vendor adapters and the in-memory store. Its own injector, so that nothing a scenario does
 * (agents' statuses, the audit trail, the simulation clock) survives into the next one.
 */
@ScenarioScoped
final class ContactCenter {

    private final Injector application;

    @Inject
    ContactCenter(VendorAdapters vendors) {
        this.application = Omnisync.injector(vendors.module(), new InMemoryStoreModule());
    }

    <T> T get(Class<T> type) {
        return application.getInstance(type);
    }
}
