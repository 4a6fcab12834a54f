package io.omnisync.adapters.service.security;

import java.util.Objects;

/**
 * The five secrets of SPEC 10: Talkdesk's OAuth2 client (id and secret), the key webhooks are signed with, the key
 * console tokens are signed with, and the admin API's bearer token. None is in the configuration; none prints.
 */
public record ServiceSecrets(
        Secret talkdeskClientId,
        Secret talkdeskClientSecret,
        Secret webhookSecret,
        Secret consoleSecret,
        Secret adminToken) {

    public ServiceSecrets {
        Objects.requireNonNull(talkdeskClientId, "talkdeskClientId");
        Objects.requireNonNull(talkdeskClientSecret, "talkdeskClientSecret");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(consoleSecret, "consoleSecret");
        Objects.requireNonNull(adminToken, "adminToken");
    }
}
