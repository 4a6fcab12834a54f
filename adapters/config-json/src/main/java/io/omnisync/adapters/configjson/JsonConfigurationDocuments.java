package io.omnisync.adapters.configjson;

import io.omnisync.application.admin.ConfigurationDocuments;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Configuration files as the admin API takes and gives them: the same JSON, errors and lines as the command line. */
public class JsonConfigurationDocuments implements ConfigurationDocuments {

    @Override
    public Either<String, Read> read(String text, String name) {
        return JsonConfigurationFile.parse(text, name)
                .<Read>map(parsed -> new Read(
                        parsed.draft(), path -> Option.ofOptional(parsed.lines().lineOf(path))))
                .mapLeft(ReadError::toString);
    }

    @Override
    public String write(ConfigurationDraft draft) {
        return JsonConfigurationFile.write(draft);
    }
}
