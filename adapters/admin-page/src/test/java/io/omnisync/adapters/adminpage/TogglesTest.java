package io.omnisync.adapters.adminpage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnisync.adapters.adminpage.standin.AdminApiStandIn;
import io.omnisync.adapters.adminpage.standin.RecordedRequest;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The guide's toggles: 'Omni-Channel' through its dry run, the after-call pair, the rules. */
class TogglesTest extends BrowserTest {

    private static final String GUIDE_SENTENCE = "these two options cannot be enabled at the same time";

    @Test
    void turning_sync_on_shows_the_dry_run_then_the_business_hours_warning_and_forcing_turns_it_on() {
        page.signedIn(AdminApiStandIn.TOKEN);

        page.toggle("sync-switch").click();

        page.awaitVisible("dry-run");
        assertThat(rows("moves-table"))
                .as("who will be moved, and to what")
                .containsExactly("joao Omni-Channel Away\nnow Available for calls");
        assertThat(rows("skipped-table"))
                .as("who is left alone, and why")
                .anySatisfy(row -> assertThat(row).startsWith("maria Already consistent"))
                .anySatisfy(row -> assertThat(row)
                        .startsWith("ana Logged out of Omni-Channel")
                        .contains("never logs anyone in"));
        assertThat(sent("POST", "/api/sync"))
                .as("only the dry run so far")
                .containsExactly("{\"enabled\":true,\"force\":false,\"dryRun\":true}");
        assertThat(page.isOn("sync-switch")).isFalse();
        page.shoot("the dry run before turning sync on");

        page.byId("sync-confirm").click();

        page.awaitVisible("hours-warning");
        assertThat(page.byId("hours-warning").getText())
                .contains("Inside business hours")
                .contains("activate after hours, or force it");
        assertThat(page.isOn("sync-switch")).isFalse();
        assertThat(standIn.configuration().at("/integration/omniChannelSync").asBoolean())
                .isFalse();
        page.shoot("the business-hours warning offers to force");

        page.byId("sync-force").click();

        page.await(driver -> page.isOn("sync-switch"));
        assertThat(page.byId("sync-dialog").isDisplayed()).isFalse();
        assertThat(sent("POST", "/api/sync"))
                .endsWith(
                        "{\"enabled\":true,\"force\":false,\"dryRun\":false}",
                        "{\"enabled\":true,\"force\":true,\"dryRun\":false}");
        assertThat(standIn.configuration().at("/integration/omniChannelSync").asBoolean())
                .isTrue();
        page.awaitAgentField("joao", "omni", "Away");
        assertThat(page.byId("sync-message").getText()).contains("forced inside business hours");
        page.shoot("sync is on; joao moved to Away");
    }

    @Test
    void after_business_hours_the_admins_confirmation_turns_sync_on_and_sync_turns_off_at_once() {
        useStandIn(AdminApiStandIn.start(AFTER_BUSINESS_HOURS));
        page.signedIn(AdminApiStandIn.TOKEN);

        page.toggle("sync-switch").click();
        page.awaitVisible("dry-run");
        page.byId("sync-confirm").click();

        page.await(driver -> page.isOn("sync-switch"));
        assertThat(page.byId("hours-warning").isDisplayed()).isFalse();
        page.awaitAgentField("joao", "omni", "Away");
        page.shoot("sync is on after business hours");

        page.toggle("sync-switch").click();

        page.await(driver -> !page.isOn("sync-switch"));
        assertThat(sent("POST", "/api/sync")).endsWith("{\"enabled\":false,\"force\":false,\"dryRun\":false}");
        assertThat(page.byId("sync-dialog").isDisplayed()).isFalse();
    }

    @Test
    void cancelling_the_dry_run_changes_nothing() {
        page.signedIn(AdminApiStandIn.TOKEN);
        page.toggle("sync-switch").click();
        page.awaitVisible("dry-run");

        page.byId("sync-cancel").click();

        page.await(driver -> !page.byId("sync-dialog").isDisplayed());
        assertThat(page.isOn("sync-switch")).isFalse();
        assertThat(sent("POST", "/api/sync")).containsExactly("{\"enabled\":true,\"force\":false,\"dryRun\":true}");
        assertThat(page.driver().switchTo().activeElement().getAttribute("id"))
                .as("focus returns to the toggle")
                .isEqualTo("sync-switch");
    }

    @Test
    void return_to_previous_status_on_shows_next_agent_status_disabled_with_the_guides_sentence() {
        page.signedIn(AdminApiStandIn.TOKEN);
        assertThat(page.isBlocked("next-switch")).isFalse();
        assertThat(page.byId("next-conflict").isDisplayed()).isFalse();

        page.toggle("return-switch").click();

        page.await(driver -> page.isOn("return-switch"));
        assertThat(sent("PATCH", "/api/settings")).containsExactly("{\"returnToPreviousStatusAfterCall\":true}");
        assertThat(page.isBlocked("next-switch")).isTrue();
        assertThat(page.byId("next-conflict").getText()).containsIgnoringCase(GUIDE_SENTENCE);
        assertThat(page.byId("after-call-rule").getText()).containsIgnoringCase(GUIDE_SENTENCE);
        assertThat(standIn.configuration()
                        .at("/integration/returnToPreviousStatusAfterCall")
                        .asBoolean())
                .as("no save needed")
                .isTrue();
        page.scrollTo(page.byId("after-call-section"));
        page.shoot("return to previous status on: Next agent status is disabled");

        page.toggle("next-switch").click();

        assertThat(page.isOn("next-switch")).isFalse();
        assertThat(sent("PATCH", "/api/settings"))
                .as("a blocked toggle sends nothing")
                .hasSize(1);
    }

    @Test
    void the_services_conflicting_after_call_settings_refusal_is_shown() {
        page.signedIn(AdminApiStandIn.TOKEN);
        standIn.changeSettingsUnannounced(false, true);

        page.toggle("return-switch").click();

        page.awaitText("after-call-message", "Omnisync refused");
        assertThat(page.byId("after-call-message").getText()).contains("cannot be enabled at the same time");
        page.await(driver -> page.isOn("next-switch"));
        assertThat(page.byId("return-conflict").getText()).containsIgnoringCase(GUIDE_SENTENCE);
        assertThat(page.isOn("return-switch")).isFalse();
        assertThat(page.isBlocked("return-switch")).isTrue();
        page.scrollTo(page.byId("after-call-section"));
        page.shoot("the service refused: Next agent status was on");
    }

    @Test
    void a_rule_is_switched_off_and_on_without_a_save() {
        page.signedIn(AdminApiStandIn.TOKEN);
        WebElement rule = page.rule("Full chat load blocks calls");
        assertThat(page.driver()
                        .findElement(By.cssSelector("li[data-rule='Full chat load blocks calls']"))
                        .getText())
                .contains("When the Omni-Channel workload changes, if 1. omni.workloadPercent >= 100")
                .contains("set Talkdesk to Chat Only");
        assertThat(rule.getAttribute("aria-checked")).isEqualTo("true");

        rule.click();

        page.awaitText("rules-message", "is off");
        assertThat(rule.getAttribute("aria-checked")).isEqualTo("false");
        assertThat(standIn.requests())
                .filteredOn(request -> request.method().equals("PATCH"))
                .extracting(RecordedRequest::uri, RecordedRequest::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "/api/rules/Full%20chat%20load%20blocks%20calls", "{\"enabled\":false}"));
        assertThat(standIn.configuration()
                        .at("/integration/presenceSyncRules/0/enabled")
                        .asBoolean())
                .isFalse();
        assertThat(page.byId("save-bar").isDisplayed()).as("no save needed").isFalse();
        page.scrollTo(page.byId("rules-section"));
        page.shoot("a rule switched off");

        rule.click();
        page.awaitText("rules-message", "is on");
        assertThat(standIn.configuration()
                        .at("/integration/presenceSyncRules/0/enabled")
                        .asBoolean())
                .isTrue();
    }

    private List<String> rows(String table) {
        return page.driver().findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(WebElement::getText)
                .map(text -> text.replace('\n', ' ').replace("  ", " "))
                .map(text -> text.replace("Away now", "Away\nnow"))
                .collect(Collectors.toList());
    }

    private List<String> sent(String method, String path) {
        return standIn.requests().stream()
                .filter(request -> request.is(method, path))
                .map(request -> normalized(request.body()))
                .collect(Collectors.toList());
    }

    private static String normalized(String json) {
        try {
            JsonNode node = new ObjectMapper().readTree(json);
            return node.toString();
        } catch (IOException e) {
            return json;
        }
    }
}
