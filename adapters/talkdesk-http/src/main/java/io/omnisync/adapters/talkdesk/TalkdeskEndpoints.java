package io.omnisync.adapters.talkdesk;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where Talkdesk is: the API's base URL (paths such as {@code /users/{id}/presence} are added to it), the OAuth2
 * token URL, and the scopes asked for with each token (SPEC 6, {@code vendors.talkdesk}).
 */
public record TalkdeskEndpoints(URI apiBaseUrl, URI tokenUrl, List<String> scopes) {

    public TalkdeskEndpoints {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(scopes, "scopes");
        requireHttp(apiBaseUrl, "apiBaseUrl");
        requireHttp(tokenUrl, "tokenUrl");
        scopes = List.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException(
                    "scopes: Talkdesk grants a token only for named scopes; list at least one");
        }
        for (int i = 0; i < scopes.size(); i++) {
            String scope = scopes.get(i);
            if (scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(
                        "scopes[" + i + "]: a scope is one word without spaces, not '" + scope + "'");
            }
        }
    }

    /** The API path under the base URL, e.g. {@code users/td-42/presence}; its segments must already be encoded. */
    URI api(String encodedPath) {
        String base = apiBaseUrl.toString();
        return URI.create(base.endsWith("/") ? base + encodedPath : base + "/" + encodedPath);
    }

    private static void requireHttp(URI uri, String field) {
        String scheme = uri.getScheme();
        boolean http = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
        if (!http || uri.getHost() == null) {
            throw new IllegalArgumentException(field + ": an absolute http(s) URL is needed, not '" + uri + "'");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
            throw new IllegalArgumentException(field + ": no user info or query in the URL; secrets go elsewhere");
        }
    }
}
