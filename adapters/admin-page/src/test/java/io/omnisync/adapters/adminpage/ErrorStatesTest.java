package io.omnisync.adapters.adminpage;

import static io.omnisync.adapters.adminpage.browser.AdminPage.Direction.OMNI_TO_TALKDESK;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.adminpage.standin.AdminApiStandIn;
import org.junit.jupiter.api.Test;

/** Clear error states: the service unreachable, before and after signing in. */
class ErrorStatesTest extends BrowserTest {

    @Test
    void an_unreachable_service_at_sign_in_says_so() {
        page.open();
        standIn.close();

        page.signIn(AdminApiStandIn.TOKEN);

        assertThat(page.signInError()).contains("Omnisync cannot be reached");
        assertThat(page.script("return sessionStorage.getItem('omnisync.adminToken');"))
                .isNull();
        page.shoot("the service cannot be reached at sign-in");
    }

    @Test
    void a_service_that_goes_away_shows_it_and_an_edit_cannot_be_saved() {
        page.signedIn(AdminApiStandIn.TOKEN);

        standIn.close();

        page.awaitVisible("banner");
        assertThat(page.byId("banner").getText()).contains("Omnisync cannot be reached");
        assertThat(page.byId("connection").getText()).isEqualTo("Reconnecting…");
        page.choose(OMNI_TO_TALKDESK, "Lunch_Break", "Away");
        page.awaitChecked();
        assertThat(page.saveStatus()).contains("Omnisync cannot be reached");
        assertThat(page.saveButton().isEnabled()).isFalse();
        page.shoot("the service went away");
    }
}
