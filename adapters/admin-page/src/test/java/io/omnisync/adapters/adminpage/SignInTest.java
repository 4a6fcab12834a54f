package io.omnisync.adapters.adminpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.adminpage.browser.AdminPage.Direction;
import io.omnisync.adapters.adminpage.standin.AdminApiStandIn;
import io.omnisync.adapters.adminpage.standin.RecordedRequest;
import org.junit.jupiter.api.Test;

class SignInTest extends BrowserTest {

    @Test
    void a_wrong_token_shows_the_sign_in_error_and_keeps_nothing() {
        page.open();
        page.shoot("the sign-in form");

        page.signIn("not-the-admin-token");

        assertThat(page.signInError()).contains("not accepted (401)");
        assertThat(page.showsSignIn()).isTrue();
        assertThat(page.byId("token").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.script("return sessionStorage.getItem('omnisync.adminToken');"))
                .isNull();
        page.shoot("the token was refused");
    }

    @Test
    void the_right_token_opens_the_page_and_every_request_carries_it_as_a_bearer_header_never_in_a_url() {
        page.signedIn(AdminApiStandIn.TOKEN);
        page.shoot("signed in");
        page.shootWholePage("the whole page at 1280 wide");

        assertThat(page.driver().getCurrentUrl()).doesNotContain(AdminApiStandIn.TOKEN);
        assertThat(standIn.requests())
                .isNotEmpty()
                .allSatisfy(request -> {
                    assertThat(request.authorization()).isEqualTo("Bearer " + AdminApiStandIn.TOKEN);
                    assertThat(request.uri()).doesNotContain(AdminApiStandIn.TOKEN);
                })
                .extracting(RecordedRequest::uri)
                .contains("/api/configuration", "/api/configuration/check", "/api/agents", "/api/stream");

        page.driver().navigate().refresh();
        page.awaitApp();
        assertThat(page.showsSignIn())
                .as("the token is kept for the tab's session")
                .isFalse();

        page.byId("sign-out").click();
        page.awaitVisible("sign-in");
        assertThat(page.script("return sessionStorage.getItem('omnisync.adminToken');"))
                .isNull();
        page.shoot("signed out");
    }

    @Test
    void a_401_later_returns_to_sign_in_with_a_clear_message() {
        page.signedIn(AdminApiStandIn.TOKEN);
        standIn.rotateToken("a-new-admin-token-after-a-restart-of-the-service");

        page.choose(Direction.OMNI_TO_TALKDESK, "Lunch_Break", "Away");

        page.awaitVisible("sign-in");
        assertThat(page.signInError()).contains("no longer accepts your admin token (401)");
        assertThat(page.script("return sessionStorage.getItem('omnisync.adminToken');"))
                .isNull();
        page.shoot("back at sign-in after a 401");
    }
}
