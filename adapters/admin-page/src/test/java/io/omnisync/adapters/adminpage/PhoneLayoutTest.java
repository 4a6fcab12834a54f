package io.omnisync.adapters.adminpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.adminpage.standin.AdminApiStandIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** On a phone (390 px wide): one column, tables stacked as labelled cards, nothing scrolls sideways. */
@BrowserTest.PhoneSized
class PhoneLayoutTest extends BrowserTest {

    @Test
    void on_a_phone_the_tables_collapse_into_labelled_cards_and_nothing_scrolls_sideways() {
        page.signedIn(AdminApiStandIn.TOKEN);

        assertThat(page.script("return window.innerWidth;")).isEqualTo(390L);
        assertNothingScrollsSideways();
        assertThat(page.agentRow("maria").getCssValue("display")).isEqualTo("block");
        assertThat(page.script(
                        "return getComputedStyle(arguments[0], '::before').content;",
                        page.agentRow("maria").findElement(By.cssSelector("[data-field='omni']"))))
                .isEqualTo("\"Omni-Channel\"");
        page.shootWholePage("the whole page on a phone");
        page.scrollTo(page.byId("agents-section"));
        page.shoot("agents as cards");

        page.choose(io.omnisync.adapters.adminpage.browser.AdminPage.Direction.OMNI_TO_TALKDESK, "Lunch_Break", "Away");
        page.awaitChecked();
        assertNothingScrollsSideways();
        page.shoot("an unsaved change: the save bar on a phone");

        page.scrollTo(page.byId("sync-switch"));
        page.byId("sync-switch").click();
        page.awaitVisible("dry-run");
        assertNothingScrollsSideways();
        page.shoot("the dry run on a phone");
    }

    private void assertNothingScrollsSideways() {
        assertThat((Long) page.script("return document.documentElement.scrollWidth - window.innerWidth;"))
                .isLessThanOrEqualTo(0L);
    }
}
