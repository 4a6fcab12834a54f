package io.omnisync.adapters.adminpage;

import static io.omnisync.adapters.adminpage.browser.AdminPage.Direction.OMNI_TO_TALKDESK;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.adminpage.standin.AdminApiStandIn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The page with the keyboard alone, and behind a path prefix. */
class KeyboardAndPrefixTest extends BrowserTest {

    @Test
    void an_admin_signs_in_maps_a_status_saves_and_switches_a_toggle_with_the_keyboard_alone() {
        page.open();
        assertThat(active().getAttribute("id")).as("the token field has focus").isEqualTo("token");
        press(AdminApiStandIn.TOKEN, Keys.ENTER);
        page.awaitApp();

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            press(Keys.TAB);
            order.add(describe(active()));
        }
        assertThat(order)
                .containsExactly(
                        "a Sync",
                        "a Salesforce",
                        "a Mapping",
                        "a After a call",
                        "a Rules",
                        "a Agents",
                        "button sync-switch");
        assertFocusIsVisible();
        page.shoot("the Omni-Channel toggle has the keyboard focus");

        press(Keys.SPACE);
        page.awaitVisible("dry-run");
        assertThat(active().getAttribute("id"))
                .as("focus moves into the dialog")
                .isEqualTo("sync-confirm");
        press(Keys.ESCAPE);
        page.await(driver -> !page.byId("sync-dialog").isDisplayed());
        assertThat(active().getAttribute("id"))
                .as("focus returns to the toggle")
                .isEqualTo("sync-switch");
        assertThat(page.isOn("sync-switch")).isFalse();

        WebElement lunch = page.mapping(OMNI_TO_TALKDESK, "Lunch_Break").getWrappedElement();
        for (int i = 0; i < 30 && !active().equals(lunch); i++) {
            press(Keys.TAB);
        }
        assertThat(active()).as("Tab reaches the Lunch break mapping").isEqualTo(lunch);
        assertFocusIsVisible();
        press("aw");
        page.awaitChecked();
        assertThat(page.selectedChoice(OMNI_TO_TALKDESK, "Lunch_Break")).isEqualTo("Away");
        page.shoot("Lunch break mapped to Away with the keyboard");

        for (int i = 0; i < 5 && !"save".equals(active().getAttribute("id")); i++) {
            press(Keys.TAB);
        }
        assertThat(active().getAttribute("id"))
                .as("Save comes right after the mapping tables")
                .isEqualTo("save");
        press(Keys.ENTER);
        page.awaitText("save-status", "Saved");
        assertThat(standIn.configuration()
                        .at("/integration/omniToTalkdesk/Lunch_Break")
                        .asText())
                .isEqualTo("away");
        assertThat(active().getAttribute("id")).as("focus stays on the outcome").isEqualTo("save-status");

        press(Keys.TAB);
        assertThat(active().getAttribute("id")).isEqualTo("return-switch");
        press(Keys.SPACE);
        page.await(driver -> page.isOn("return-switch"));
        assertThat(page.isBlocked("next-switch")).isTrue();
        assertFocusIsVisible();
        page.shoot("return to previous status switched on with the space bar");
    }

    @Test
    void the_page_works_under_a_path_prefix_because_every_url_is_relative() {
        useStandIn(AdminApiStandIn.start("/ops/omnisync/", INSIDE_BUSINESS_HOURS));

        page.signedIn(AdminApiStandIn.TOKEN);

        assertThat(standIn.requests())
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.uri()).startsWith("/ops/omnisync/api/"));
        page.shoot("served under /ops/omnisync/");
    }

    /** Keys as a person types them: to whatever has the focus (a file input included). */
    private void press(CharSequence... keys) {
        new Actions(page.driver()).sendKeys(keys).perform();
    }

    private WebElement active() {
        return page.driver().switchTo().activeElement();
    }

    private static String describe(WebElement element) {
        String id = element.getAttribute("id");
        return element.getTagName() + " " + (id == null || id.isEmpty() ? element.getText() : id);
    }

    private void assertFocusIsVisible() {
        Object outline = page.script("const style = getComputedStyle(document.activeElement);"
                + "return style.outlineStyle + ' ' + parseFloat(style.outlineWidth);");
        assertThat(String.valueOf(outline)).as("a visible focus ring").matches("solid [2-9].*");
    }
}
