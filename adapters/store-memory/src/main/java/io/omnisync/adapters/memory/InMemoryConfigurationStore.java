package io.omnisync.adapters.memory;

import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.domain.configuration.Configuration;
import io.vavr.control.Option;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicReference;

/** The running configuration in memory. */
@Singleton
public class InMemoryConfigurationStore implements ConfigurationStore {

    private final AtomicReference<Configuration> current = new AtomicReference<>();

    @Override
    public Option<Configuration> current() {
        return Option.of(current.get());
    }

    @Override
    public void save(Configuration configuration) {
        current.set(configuration);
    }
}
