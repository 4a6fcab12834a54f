package io.omnisync.application.store;

import io.omnisync.domain.configuration.ConfigurationDraft;
import io.vavr.control.Either;

/**
 * Driven port: the configuration as text and back, so that a durable store can keep the running
 * configuration as the admin wrote it without knowing the format (the JSON adapter implements it).
 */
public interface ConfigurationCodec {

    String encode(ConfigurationDraft draft);

    /** @return the draft, or why the text does not read as one */
    Either<String, ConfigurationDraft> decode(String text);
}
