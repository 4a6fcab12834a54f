package io.omnisync.adapters.configjson;

import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.vavr.control.Either;

/** The configuration kept by a store, in the same JSON as the configuration file. */
public class JsonConfigurationCodec implements ConfigurationCodec {

    @Override
    public String encode(ConfigurationDraft draft) {
        return JsonConfigurationFile.write(draft);
    }

    @Override
    public Either<String, ConfigurationDraft> decode(String text) {
        return JsonConfigurationFile.parse(text, "stored configuration")
                .map(JsonConfigurationFile.Parsed::draft)
                .mapLeft(ReadError::toString);
    }
}
