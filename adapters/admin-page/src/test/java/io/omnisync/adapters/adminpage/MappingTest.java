package io.omnisync.adapters.adminpage;

import static io.omnisync.adapters.adminpage.browser.AdminPage.Direction.OMNI_TO_TALKDESK;
import static io.omnisync.adapters.adminpage.browser.AdminPage.Direction.TALKDESK_TO_OMNI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.adminpage.standin.AdminApiStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebElement;

/** The guide's mapping screen, both ways: the choices carry the rules; nothing applies until Save. */
class MappingTest extends BrowserTest {

    private static final String NO_MAPPING = "— No mapping (not synced) —";

    @TempDir
    Path files;

    @Test
    void lunch_break_and_away_from_desk_both_map_to_away_and_only_save_applies_it() {
        page.signedIn(AdminApiStandIn.TOKEN);
        assertThat(page.tableProblems(OMNI_TO_TALKDESK))
                .anySatisfy(problem -> assertThat(problem).contains("'Lunch_Break' has no Talkdesk status"))
                .anySatisfy(problem -> assertThat(problem).contains("'Away_from_Desk' has no Talkdesk status"));
        page.scrollTo(page.row(OMNI_TO_TALKDESK, "Away_from_Desk"));
        page.shoot("Away from desk and Lunch break are not mapped yet");

        page.choose(OMNI_TO_TALKDESK, "Lunch_Break", "Away");
        page.choose(OMNI_TO_TALKDESK, "Away_from_Desk", "Away");
        page.awaitChecked();

        assertThat(page.tableProblems(OMNI_TO_TALKDESK))
                .noneSatisfy(problem -> assertThat(problem).containsAnyOf("Lunch_Break", "Away_from_Desk"));
        assertThat(page.saveStatus()).contains("Unsaved changes, checked");
        assertThat(standIn.requests()).noneMatch(request -> request.method().equals("PUT"));
        assertThat(standIn.configuration().at("/integration/omniToTalkdesk").has("Lunch_Break"))
                .as("nothing is applied before Save")
                .isFalse();
        page.shoot("both map to Away, checked, not saved yet");

        page.saveButton().click();
        page.awaitText("save-status", "Saved");

        assertThat(standIn.configuration()
                        .at("/integration/omniToTalkdesk/Lunch_Break")
                        .asText())
                .isEqualTo("away");
        assertThat(standIn.configuration()
                        .at("/integration/omniToTalkdesk/Away_from_Desk")
                        .asText())
                .isEqualTo("away");
        assertThat(standIn.configuration().at("/vendors/talkdesk/apiBaseUrl").asText())
                .as("what the page does not edit is saved as it was")
                .isNotEmpty();
        assertThat(standIn.configuration().at("/integration/presenceSyncRules").size())
                .isEqualTo(2);
        page.awaitChecked();
        assertThat(page.selectedChoice(OMNI_TO_TALKDESK, "Lunch_Break")).isEqualTo("Away");
        page.shoot("saved: the new mapping is running");
    }

    @Test
    void the_choices_carry_the_rules_of_the_guide() {
        page.signedIn(AdminApiStandIn.TOKEN);

        for (WebElement row : page.driver().findElements(By.cssSelector("#o2t-table tr[data-source]"))) {
            String source = row.getAttribute("data-source");
            assertThat(page.choices(OMNI_TO_TALKDESK, source))
                    .as("Omni → Talkdesk targets of %s", source)
                    .contains(NO_MAPPING, "Available", "Away", "Offline", "Chat Only")
                    .doesNotContain("On a Call", "After Call Work");
        }
        assertThatThrownBy(() -> page.choose(OMNI_TO_TALKDESK, "On_a_Call", "On a Call"))
                .as("On a Call is reserved for calls: it cannot be selected on the Talkdesk side")
                .isInstanceOf(NoSuchElementException.class);

        for (WebElement row : page.driver().findElements(By.cssSelector("#t2o-table tr[data-source]"))) {
            String source = row.getAttribute("data-source");
            assertThat(page.choices(TALKDESK_TO_OMNI, source))
                    .as("Talkdesk → Omni targets of %s", source)
                    .contains(NO_MAPPING, "Available for calls", "On a Call", "Away")
                    .noneMatch(choice -> choice.startsWith("Offline"));
        }
        assertThat(page.row(OMNI_TO_TALKDESK, "Offline").getText())
                .as("logging out is an Omni → Talkdesk source")
                .contains("Offline (logged out)");
        assertThat(page.selectedChoice(OMNI_TO_TALKDESK, "Offline")).isEqualTo("Offline");

        assertThat(page.choices(TALKDESK_TO_OMNI, "chat_only")).contains("Chat Only (granted to no agent)");
        assertThat(page.row(OMNI_TO_TALKDESK, "Chat_Only").getText()).contains("Granted to no agent");
        assertThat(page.row(OMNI_TO_TALKDESK, "Available_for_Calls").getText()).doesNotContain("Granted to no agent");
        page.scrollTo(page.byId("mapping-title"));
        page.shoot("the two mapping tables");
    }

    @Test
    void a_problem_appears_where_it_is_as_the_admin_edits() {
        page.signedIn(AdminApiStandIn.TOKEN);
        assertThat(page.problemsAt(OMNI_TO_TALKDESK, "On_a_Call")).isEmpty();

        page.choose(OMNI_TO_TALKDESK, "On_a_Call", "Available");
        page.awaitChecked();

        page.await(driver -> !page.problemsAt(OMNI_TO_TALKDESK, "On_a_Call").isEmpty());
        assertThat(page.problemsAt(OMNI_TO_TALKDESK, "On_a_Call"))
                .singleElement()
                .satisfies(problem ->
                        assertThat(problem).startsWith("Warning").contains("map it to a Talkdesk status of type AWAY"));
        assertThat(page.problemsAt(OMNI_TO_TALKDESK, "Away")).isEmpty();
        assertThat(page.saveButton().isEnabled())
                .as("a warning does not block the save")
                .isTrue();
        page.scrollTo(page.row(OMNI_TO_TALKDESK, "On_a_Call"));
        page.shoot("On a Call mapped back to Available: a warning on its row");

        page.choose(OMNI_TO_TALKDESK, "On_a_Call", "Away");
        page.awaitChecked();
        page.await(driver -> page.problemsAt(OMNI_TO_TALKDESK, "On_a_Call").isEmpty());

        page.choose(TALKDESK_TO_OMNI, "chat_only", NO_MAPPING);
        page.awaitChecked();
        assertThat(page.tableProblems(TALKDESK_TO_OMNI))
                .anySatisfy(problem -> assertThat(problem).contains("'chat_only' has no Omni-Channel status"));
        page.scrollTo(page.byId("t2o-title"));
        page.shoot("Chat Only unmapped: a warning on its table");
    }

    @Test
    void a_target_granted_to_nobody_is_flagged_on_every_row_that_maps_to_it() {
        page.signedIn(AdminApiStandIn.TOKEN);
        assertThat(page.problemsAt(TALKDESK_TO_OMNI, "chat_only"))
                .singleElement()
                .satisfies(problem -> assertThat(problem).contains("'Chat_Only' is not granted to ana, joao, maria"));

        page.choose(TALKDESK_TO_OMNI, "away", "Chat Only (granted to no agent)");
        page.awaitChecked();

        page.await(driver -> !page.problemsAt(TALKDESK_TO_OMNI, "away").isEmpty());
        assertThat(page.problemsAt(TALKDESK_TO_OMNI, "away"))
                .singleElement()
                .satisfies(problem -> assertThat(problem).startsWith("Warning").contains("never be moved there"));
        assertThat(page.problemsAt(TALKDESK_TO_OMNI, "chat_only")).hasSize(1);
        page.scrollTo(page.row(TALKDESK_TO_OMNI, "away"));
        page.shoot("two Talkdesk statuses map to a status nobody is granted");
    }

    @Test
    void errors_in_an_opened_configuration_file_show_on_their_rows_and_block_the_save_until_fixed() throws IOException {
        page.signedIn(AdminApiStandIn.TOKEN);
        ObjectNode file = (ObjectNode) standIn.configuration();
        ObjectNode integration = (ObjectNode) file.get("integration");
        integration.withObjectProperty("omniToTalkdesk").put("On_a_Call", "on_a_call");
        integration.withObjectProperty("omniToTalkdesk").put("Lunch_Break", "away");
        integration.withObjectProperty("talkdeskToOmni").put("offline", "Offline");
        Path colleagues = write("colleagues-configuration.json", file);

        page.openConfigurationFile(colleagues);
        page.awaitText("import-message", "Opened colleagues-configuration.json");
        page.awaitChecked();

        assertThat(page.problemsAt(OMNI_TO_TALKDESK, "On_a_Call"))
                .anySatisfy(problem -> assertThat(problem).startsWith("Error").contains("reserved for calls"));
        assertThat(page.problemsAt(TALKDESK_TO_OMNI, "offline"))
                .anySatisfy(problem -> assertThat(problem).startsWith("Error").contains("cannot map to Offline"));
        assertThat(page.selectedChoice(OMNI_TO_TALKDESK, "On_a_Call")).isEqualTo("On a Call (not allowed)");
        assertThat(page.mapping(OMNI_TO_TALKDESK, "On_a_Call")
                        .getWrappedElement()
                        .getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(page.saveButton().isEnabled()).isFalse();
        assertThat(page.saveStatus()).contains("2 errors");
        page.scrollTo(page.row(OMNI_TO_TALKDESK, "On_a_Call"));
        page.shoot("an opened file maps On a Call to On a Call: the error is on the row");
        page.scrollTo(page.row(TALKDESK_TO_OMNI, "offline"));
        page.shoot("and Talkdesk Offline to Omni Offline: the error is on the row");

        page.choose(OMNI_TO_TALKDESK, "On_a_Call", "Away");
        page.choose(TALKDESK_TO_OMNI, "offline", NO_MAPPING);
        page.awaitChecked();

        assertThat(page.problemsAt(OMNI_TO_TALKDESK, "On_a_Call")).isEmpty();
        assertThat(page.problemsAt(TALKDESK_TO_OMNI, "offline")).isEmpty();
        assertThat(page.choices(OMNI_TO_TALKDESK, "On_a_Call")).noneMatch(choice -> choice.contains("not allowed"));
        assertThat(page.saveButton().isEnabled()).isTrue();
        page.shoot("fixed: the save is allowed");
    }

    @Test
    void a_configuration_the_service_rejects_shows_its_problems_in_place_and_nothing_is_applied() throws IOException {
        page.signedIn(AdminApiStandIn.TOKEN);
        ObjectNode file = (ObjectNode) standIn.configuration();
        ((ObjectNode) file.at("/omniChannel/presenceStatuses/5")).remove("salesforceId");
        ((ObjectNode) file.at("/integration/omniToTalkdesk")).put("Lunch_Break", "away");
        page.openConfigurationFile(write("without-salesforce-id.json", file));
        page.awaitText("import-message", "Opened without-salesforce-id.json");
        page.awaitChecked();
        assertThat(page.saveButton().isEnabled()).isTrue();

        page.saveButton().click();

        page.awaitText("save-status", "rejected");
        assertThat(page.saveStatus()).contains("Nothing was applied");
        assertThat(page.presenceStatusProblems("Lunch_Break"))
                .anySatisfy(problem -> assertThat(problem).startsWith("Error").contains("has no salesforceId"));
        assertThat(standIn.configuration().at("/integration/omniToTalkdesk").has("Lunch_Break"))
                .isFalse();
        page.shoot("the service rejected the configuration: the problem is on the Lunch break row");
    }

    @Test
    void discard_returns_to_the_running_configuration() {
        page.signedIn(AdminApiStandIn.TOKEN);
        page.choose(TALKDESK_TO_OMNI, "away", "Away from desk");
        page.awaitChecked();
        assertThat(page.byId("save-bar").isDisplayed()).isTrue();

        page.byId("discard").click();

        page.await(driver -> !page.byId("save-bar").isDisplayed());
        assertThat(page.selectedChoice(TALKDESK_TO_OMNI, "away")).isEqualTo("Away");
        assertThat(standIn.requests()).extracting(request -> request.method()).doesNotContain("PUT");
    }

    @Test
    void the_draft_downloads_as_a_configuration_file() throws IOException {
        page.signedIn(AdminApiStandIn.TOKEN);
        page.choose(OMNI_TO_TALKDESK, "Lunch_Break", "Away");
        page.awaitChecked();

        page.click(page.byId("export"));

        Path download = chromium.downloads().resolve("omnisync-configuration.json");
        page.await(driver -> Files.exists(download));
        JsonNode downloaded = new ObjectMapper().readTree(download.toFile());
        assertThat(downloaded.at("/integration/omniToTalkdesk/Lunch_Break").asText())
                .as("the draft, unsaved changes included")
                .isEqualTo("away");
        assertThat(downloaded.at("/vendors")).isEqualTo(standIn.configuration().at("/vendors"));
        Files.delete(download);
    }

    private Path write(String name, ObjectNode configuration) throws IOException {
        Path file = files.resolve(name);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), configuration);
        return file;
    }
}
