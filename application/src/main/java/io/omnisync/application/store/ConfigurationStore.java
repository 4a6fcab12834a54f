package io.omnisync.application.store;

import io.omnisync.domain.configuration.Configuration;
import io.vavr.control.Option;

/** Driven port: the running configuration, including the settings changed at run time. */
public interface ConfigurationStore {

    Option<Configuration> current();

    void save(Configuration configuration);
}
