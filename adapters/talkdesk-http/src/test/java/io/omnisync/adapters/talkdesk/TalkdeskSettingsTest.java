package io.omnisync.adapters.talkdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's settings: endpoints, credentials and timeouts refuse bad values and keep secrets out of text. */
class TalkdeskSettingsTest {

    private static final URI API = URI.create("https://api.talkdeskapp.com");
    private static final URI TOKEN = URI.create("https://acme.talkdeskid.com/oauth/token");

    @Test
    void credentials_never_show_their_secret() {
        var credentials = new TalkdeskCredentials("client-7", "the-secret-value");

        assertThat(credentials.toString()).contains("client-7").doesNotContain("the-secret-value");
    }

    @Test
    void endpoints_need_at_least_one_scope_and_scopes_without_spaces() {
        assertThatThrownBy(() -> new TalkdeskEndpoints(API, TOKEN, List.of())).hasMessageStartingWith("scopes");
        assertThatThrownBy(() -> new TalkdeskEndpoints(API, TOKEN, List.of("a", "b c")))
                .hasMessageStartingWith("scopes[1]");
    }

    @Test
    void endpoints_are_absolute_http_urls_without_user_info() {
        assertThatThrownBy(() -> new TalkdeskEndpoints(URI.create("/relative"), TOKEN, List.of("a")))
                .hasMessageStartingWith("apiBaseUrl");
        assertThatThrownBy(() -> new TalkdeskEndpoints(API, URI.create("https://id:pw@acme.example/t"), List.of("a")))
                .hasMessageStartingWith("tokenUrl");
    }

    @Test
    void api_paths_are_joined_to_the_base_url_with_or_without_its_trailing_slash() {
        var bare = new TalkdeskEndpoints(URI.create("https://api.example/v1"), TOKEN, List.of("a"));
        var slashed = new TalkdeskEndpoints(URI.create("https://api.example/v1/"), TOKEN, List.of("a"));

        assertThat(bare.api("users/x/presence")).hasToString("https://api.example/v1/users/x/presence");
        assertThat(slashed.api("users/x/presence")).hasToString("https://api.example/v1/users/x/presence");
    }

    @Test
    void timeouts_are_positive() {
        assertThatThrownBy(() -> new TalkdeskTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TalkdeskTimeouts.standard().request()).isPositive();
    }
}
