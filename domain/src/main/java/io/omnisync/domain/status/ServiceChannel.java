package io.omnisync.domain.status;

import java.util.Objects;

/**
 * A Salesforce service channel. Urgent channels (voice, chat, messaging) need constant, immediate
 * attention; a presence status may serve at most one of them.
 */
public record ServiceChannel(String apiName, String label, boolean urgent) {

    public ServiceChannel {
        Objects.requireNonNull(apiName, "apiName");
        Objects.requireNonNull(label, "label");
    }
}
