package io.omnisync.adapters.kafka.topology;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.domain.configuration.ConfigurationDraft;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The example contact center of the repository ({@code examples/contact-center.json}): maria (available,
 * Available_for_Calls, Chat_Team), joao (away, Available_for_Calls) and ana (available, logged out of Omni).
 */
public final class ContactCenter {

    private ContactCenter() {}

    /** The configuration file's text, sync off. */
    public static String text() {
        try (InputStream in = ContactCenter.class.getResourceAsStream("/contact-center.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ConfigurationDraft draft(String text) {
        return new JsonConfigurationCodec()
                .decode(text)
                .getOrElseThrow(
                        problem -> new IllegalArgumentException("a test configuration does not read: " + problem));
    }

    public static ConfigurationDraft syncOff() {
        return draft(text());
    }

    /** The configuration file's text, sync on. */
    public static String syncOnText() {
        return text().replace("\"omniChannelSync\": false", "\"omniChannelSync\": true");
    }

    public static ConfigurationDraft syncOn() {
        return draft(syncOnText());
    }
}
