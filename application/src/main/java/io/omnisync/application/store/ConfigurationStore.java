package io.omnisync.application.store;

import io.omnisync.domain.configuration.Configuration;
import io.vavr.control.Option;

/** Driven port: the running configuration, including the settings changed at run time. */
public interface ConfigurationStore {

    Option<Configuration> current();

    /**
     * Saves the configuration as it runs (settings and rule toggles changed at run time), keeping
     * what {@link #startedFrom()} says: run-time settings do not make it another configuration.
     */
    void save(Configuration configuration);

    /**
     * Saves a configuration that was started, or replaced, and records the file it was started from
     * ({@code none}: not from a file, such as a replacement through the admin API).
     */
    default void save(Configuration configuration, Option<ConfigurationFingerprint> startedFrom) {
        save(configuration);
    }

    /**
     * The file the running configuration was started from, when the store knows it (and the running
     * Omnisync is the one that recorded it); none for a store that does not keep it.
     */
    default Option<ConfigurationFingerprint> startedFrom() {
        return Option.none();
    }
}
