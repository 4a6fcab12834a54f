package io.omnisync.adapters.talkdesk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The OAuth2 client Omnisync is registered as in Talkdesk. The secret comes from the secrets file or the environment
 * (SPEC 10), never from the configuration; {@link #toString()} does not show it, so neither can a log line.
 */
public record TalkdeskCredentials(String clientId, String clientSecret) {

    public TalkdeskCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("clientId: the Talkdesk client id is blank");
        }
        if (clientSecret.isEmpty()) {
            throw new IllegalArgumentException("clientSecret: the Talkdesk client secret is empty");
        }
    }

    /** {@code Basic base64(clientId:clientSecret)}, as SPEC 11 asks of the token request. */
    String basicAuthorization() {
        String pair = clientId + ":" + clientSecret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "TalkdeskCredentials[clientId=" + clientId + ", clientSecret=<redacted>]";
    }
}
