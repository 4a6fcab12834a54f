package io.omnisync.adapters.service.page;

import static io.omnisync.adapters.adminpage.browser.AdminPage.Direction.OMNI_TO_TALKDESK;
import static io.omnisync.adapters.adminpage.browser.AdminPage.Direction.TALKDESK_TO_OMNI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnisync.adapters.adminpage.browser.AdminPage;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.adapters.service.RunningService;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn;
import io.omnisync.testing.browser.HeadlessChromium;
import io.omnisync.testing.browser.Screenshots;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin page as the guide's administrator uses it, against the real service on loopback (issue 16): the page
 * served at {@code /} under its Content-Security-Policy, the admin API of SPEC 10.3 with the lead's check and stream,
 * the engine behind it, Talkdesk played by its stand-in. What the page shows is checked against what the service
 * then runs ({@code GET /api/configuration}, {@code GET /api/agents}), not against what the page sent.
 *
 * <p>The contact center is the guide's: "Lunch break" and "Away from desk" not mapped back to Talkdesk yet, the
 * 'Omni-Channel' toggle off, the service's clock on a Monday morning (inside business hours).
 */
class AdminPageWithOmnisyncTest {

    private static final String GUIDE_SENTENCE = "these two options cannot be enabled at the same time";

    private static HeadlessChromium chromium;

    private RunningService omnisync;
    private AdminPage page;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.desktop();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @BeforeEach
    void startOmnisync(TestInfo test) {
        omnisync = RunningService.start(new InMemoryStoreModule(), AdminPageWithOmnisyncTest::guideContactCenter);
        page = new AdminPage(chromium, omnisync.uri("/"), Screenshots.forTest(test));
    }

    @AfterEach
    void stopOmnisync() {
        try {
            assertThat(page.securityPolicyViolations())
                    .as("the page runs under the service's Content-Security-Policy")
                    .isEmpty();
        } finally {
            omnisync.close();
        }
    }

    @Test
    void the_admin_maps_lunch_break_and_away_from_desk_to_away_and_only_save_applies_it() {
        page.signedIn(RunningService.ADMIN_TOKEN);
        assertThat(page.tableProblems(OMNI_TO_TALKDESK))
                .as("the service's own validation, shown above the table")
                .anySatisfy(problem -> assertThat(problem).contains("'Lunch_Break' has no Talkdesk status"))
                .anySatisfy(problem -> assertThat(problem).contains("'Away_from_Desk' has no Talkdesk status"));
        page.scrollTo(page.row(OMNI_TO_TALKDESK, "Away_from_Desk"));
        page.shoot("Away from desk and Lunch break are not mapped back yet");

        page.choose(OMNI_TO_TALKDESK, "Lunch_Break", "Away");
        page.choose(OMNI_TO_TALKDESK, "Away_from_Desk", "Away");
        page.awaitChecked();

        assertThat(page.tableProblems(OMNI_TO_TALKDESK))
                .noneSatisfy(problem -> assertThat(problem).containsAnyOf("Lunch_Break", "Away_from_Desk"));
        assertThat(page.saveStatus()).contains("Unsaved changes, checked");
        assertThat(running().at("/integration/omniToTalkdesk").has("Lunch_Break"))
                .as("nothing is applied before Save")
                .isFalse();
        page.shoot("both map to Away, checked by the service, not saved yet");

        page.click(page.saveButton());
        page.awaitText("save-status", "Saved");

        JsonNode running = running();
        assertThat(running.at("/integration/omniToTalkdesk/Lunch_Break").asText())
                .isEqualTo("away");
        assertThat(running.at("/integration/omniToTalkdesk/Away_from_Desk").asText())
                .isEqualTo("away");
        assertThat(running.at("/vendors/talkdesk/apiBaseUrl").asText())
                .as("what the page does not edit is saved as it was")
                .isEqualTo(omnisync.talkdesk.endpoints().apiBaseUrl().toString());
        assertThat(page.selectedChoice(OMNI_TO_TALKDESK, "Lunch_Break")).isEqualTo("Away");
        assertThat(page.selectedChoice(OMNI_TO_TALKDESK, "Away_from_Desk")).isEqualTo("Away");
        page.scrollTo(page.row(OMNI_TO_TALKDESK, "Away_from_Desk"));
        page.shoot("saved: the service runs the new mapping");
    }

    @Test
    void on_a_call_is_not_offered_as_a_talkdesk_target_and_a_problem_appears_on_its_row() {
        page.signedIn(RunningService.ADMIN_TOKEN);
        for (WebElement row : page.driver().findElements(By.cssSelector("#o2t-table tr[data-source]"))) {
            String source = row.getAttribute("data-source");
            assertThat(page.choices(OMNI_TO_TALKDESK, source))
                    .as("Omni → Talkdesk targets of %s", source)
                    .contains("Away", "Available")
                    .doesNotContain("On a Call", "After Call Work");
        }
        assertThat(page.choices(TALKDESK_TO_OMNI, "on_a_call")).contains("On a Call");
        assertThat(page.problemsAt(OMNI_TO_TALKDESK, "On_a_Call")).isEmpty();

        page.choose(OMNI_TO_TALKDESK, "On_a_Call", "Available");
        page.awaitChecked();

        page.await(driver -> !page.problemsAt(OMNI_TO_TALKDESK, "On_a_Call").isEmpty());
        assertThat(page.problemsAt(OMNI_TO_TALKDESK, "On_a_Call"))
                .as("the service's ON_A_CALL_ROUND_TRIP, on the row that causes it")
                .singleElement()
                .satisfies(problem -> assertThat(problem).startsWith("Warning").contains("AWAY"));
        assertThat(page.problemsAt(OMNI_TO_TALKDESK, "Available_for_Calls")).isEmpty();
        assertThat(running().at("/integration/omniToTalkdesk/On_a_Call").asText())
                .as("checking applies nothing")
                .isEqualTo("away");
        page.scrollTo(page.row(OMNI_TO_TALKDESK, "On_a_Call"));
        page.shoot("On a Call is not offered; mapped back to Available, a warning on its row");

        page.choose(OMNI_TO_TALKDESK, "On_a_Call", "Away");
        page.awaitChecked();
        page.await(driver -> page.problemsAt(OMNI_TO_TALKDESK, "On_a_Call").isEmpty());
    }

    @Test
    void turning_sync_on_shows_the_services_dry_run_before_the_admin_confirms() {
        page.signedIn(RunningService.ADMIN_TOKEN);

        page.click(page.toggle("sync-switch"));

        page.awaitVisible("dry-run");
        assertThat(rows("moves-table"))
                .as("who will be moved, and to what")
                .singleElement()
                .satisfies(row -> assertThat(row).startsWith("joao").contains("Away"));
        assertThat(rows("skipped-table"))
                .as("who is left alone")
                .anySatisfy(row -> assertThat(row).startsWith("maria Already consistent"))
                .anySatisfy(row -> assertThat(row)
                        .startsWith("ana Logged out of Omni-Channel")
                        .contains("never logs anyone in"));
        assertThat(page.isOn("sync-switch")).isFalse();
        assertThat(running().at("/integration/omniChannelSync").asBoolean())
                .as("a dry run changes nothing")
                .isFalse();
        page.shoot("the dry run before turning sync on");

        page.byId("sync-confirm").click();

        page.awaitVisible("hours-warning");
        assertThat(page.byId("hours-warning").getText()).contains("Inside business hours");
        assertThat(running().at("/integration/omniChannelSync").asBoolean()).isFalse();
        page.shoot("Monday morning: the business-hours warning offers to force");

        page.byId("sync-force").click();

        page.await(driver -> page.isOn("sync-switch"));
        assertThat(running().at("/integration/omniChannelSync").asBoolean()).isTrue();
        page.awaitAgentField("joao", "pendingCommands", "1");
        page.scrollTo(page.byId("agents-section"));
        page.shoot("sync is on: joao's move to Away waits for his console");
    }

    @Test
    void return_to_previous_status_on_and_next_agent_status_is_refused() {
        page.signedIn(RunningService.ADMIN_TOKEN);
        assertThat(page.isBlocked("next-switch")).isFalse();

        page.click(page.toggle("return-switch"));

        page.await(driver -> page.isOn("return-switch"));
        assertThat(running().at("/integration/returnToPreviousStatusAfterCall").asBoolean())
                .as("switched on in the service, no save needed")
                .isTrue();
        assertThat(page.isBlocked("next-switch")).isTrue();
        assertThat(page.byId("next-conflict").getText()).containsIgnoringCase(GUIDE_SENTENCE);
        page.scrollTo(page.byId("after-call-section"));
        page.shoot("return to previous status on: Next agent status is refused");

        page.click(page.toggle("next-switch"));

        assertThat(page.isOn("next-switch")).isFalse();
        assertThat(running().at("/talkdesk/preferences/nextAgentStatus").asBoolean())
                .isFalse();
        assertThat(page.byId("save-bar").isDisplayed()).as("no save needed").isFalse();
    }

    @Test
    void an_agents_status_changes_live_when_a_signed_talkdesk_webhook_arrives() {
        assertThat(omnisync.admin("POST", "/api/sync", "{\"enabled\":true,\"force\":true,\"dryRun\":false}")
                        .statusCode())
                .isEqualTo(200);
        page.signedIn(RunningService.ADMIN_TOKEN);
        assertThat(page.agentField("maria", "talkdesk")).isEqualTo("Available");
        assertThat(page.agentField("maria", "omni")).isEqualTo("Available for calls");
        assertThat(page.agentField("maria", "pendingCommands")).isEqualTo("0");
        page.script("window.stillTheSamePage = true;");
        page.scrollTo(page.byId("agents-section"));
        page.shoot("maria is available in both");

        HttpResponse<String> webhook = omnisync.postSignedWebhook(
                RunningService.statusChanged(RunningService.newEventId(), "td-1001", "away", omnisync.clock.instant()));

        assertThat(webhook.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                omnisync.agent("maria").path("talkdesk").asText())
                        .isEqualTo("away"));
        page.awaitAgentField("maria", "talkdesk", "Away");
        page.awaitAgentField("maria", "pendingCommands", "1");
        assertThat(page.script("return window.stillTheSamePage === true;"))
                .as("the change came on the stream, not from a reload")
                .isEqualTo(true);
        page.shoot("a signed webhook: maria is away in Talkdesk, her Omni-Channel move waits for her console");

        page.click(page.agentRow("maria").findElement(By.tagName("button")));

        page.awaitVisible("audit");
        page.await(driver -> !page.auditMessages().isEmpty());
        assertThat(page.auditMessages())
                .as("newest first, in plain words")
                .first()
                .isEqualTo("Omni-Channel set to 'Away' (mapping)");
        assertThat(page.byId("pending-list").getText()).contains("Omni-Channel → Away");
        page.scrollTo(page.byId("audit"));
        page.shoot("maria's audit trail and pending command");
    }

    /** The configuration the service runs, as {@code GET /api/configuration} answers it. */
    private JsonNode running() {
        HttpResponse<String> answer = omnisync.admin("GET", "/api/configuration", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        return RunningService.json(answer);
    }

    private List<String> rows(String table) {
        return page.driver().findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(WebElement::getText)
                .map(text -> text.replace('\n', ' '))
                .collect(Collectors.toList());
    }

    private static String guideContactCenter(TalkdeskStandIn talkdesk) {
        try (InputStream in = AdminPageWithOmnisyncTest.class.getResourceAsStream("guide-contact-center.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(
                            "{{TALKDESK_API}}",
                            talkdesk.endpoints().apiBaseUrl().toString())
                    .replace(
                            "{{TALKDESK_TOKEN}}",
                            talkdesk.endpoints().tokenUrl().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
