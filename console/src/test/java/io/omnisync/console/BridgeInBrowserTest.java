package io.omnisync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnisync.console.standin.CommandStream;
import io.omnisync.console.standin.ConsolePost;
import io.omnisync.console.standin.StandInOmnisync;
import io.omnisync.console.standin.TestConsolePage;
import io.omnisync.console.standin.Tokens;
import io.omnisync.testing.browser.HeadlessChromium;
import io.omnisync.testing.browser.Screenshots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real bridge module, in headless Chromium, in a test console with a stand-in Omni-Channel
 * toolkit, against a stand-in of Omnisync's console endpoints (SPEC 10.2) on another loopback origin.
 * A screenshot of the whole page after each test lands in target/browser-screenshots/BridgeInBrowserTest/.
 */
class BridgeInBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String AVAILABLE = "0N5xx0000000001AAA";
    private static final String BUSY = "0N5xx0000000002AAA";
    private static final String LUNCH = "0N5xx0000000003AAA";

    private static HeadlessChromium browser;

    private Tokens tokens;
    private TestConsolePage page;
    private StandInOmnisync omnisync;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.desktop();
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void startServers() {
        tokens = new Tokens();
        page = TestConsolePage.start(tokens);
        omnisync = StandInOmnisync.start(tokens, page.origin());
    }

    @AfterEach
    void screenshotThenCheckNoTokenWasInAUrl(TestInfo test) {
        try {
            Screenshots.forTest(test).takeWholePage(browser.driver(), "the test console at the end");
            assertNoTokenInAnyUrl();
        } finally {
            browser.open(java.net.URI.create("about:blank"));
            omnisync.close();
            page.close();
        }
    }

    // ---- toolkit events become console events --------------------------------------------

    @Test
    void statusPickedInTheWidgetIsPostedAsStatusChanged() {
        openConsole();

        click("status-Lunch");

        ConsolePost posted =
                awaitPost("statusChanged", post -> post.text("statusId").equals(LUNCH));
        assertThat(posted.fieldNames())
                .containsExactlyInAnyOrder("id", "type", "statusApiName", "statusId", "reason", "at");
        assertThat(posted.text("statusApiName")).isEqualTo("Lunch");
        assertThat(posted.text("reason")).isEqualTo("OmniManualStatusChange");
        assertThat(posted.text("id")).isNotBlank();
        assertIsUtcNow(posted.text("at"));
        assertThat(tokens.accepts(posted.token())).isTrue();
    }

    @Test
    void workloadAndAcceptedWorkArePostedWithTheirShapes() {
        openConsole();

        click("work-plus");
        click("accept-work");

        ConsolePost workload = awaitPost("workloadChanged", post -> true);
        assertThat(workload.fieldNames())
                .containsExactlyInAnyOrder("id", "type", "configuredCapacity", "previousWorkload", "newWorkload", "at");
        assertThat(workload.body().path("configuredCapacity").asInt()).isEqualTo(4);
        assertThat(workload.body().path("previousWorkload").asInt()).isZero();
        assertThat(workload.body().path("newWorkload").asInt()).isEqualTo(1);
        ConsolePost work = awaitPost("workAccepted", post -> true);
        assertThat(work.fieldNames()).containsExactlyInAnyOrder("id", "type", "workId", "channel", "at");
        assertThat(work.text("workId")).isEqualTo("0Bzxx0000000001AAA");
        assertThat(work.text("channel")).isEqualTo("Email");
        assertThat(omnisync.posts()).extracting(ConsolePost::type).containsExactly("workloadChanged", "workAccepted");
        assertThat(work.text("id")).isNotEqualTo(workload.text("id"));
    }

    @Test
    void eventsPostedWhileOmnisyncIsDownArriveInOrderOnceItIsBack() {
        openConsole();
        omnisync.goDown();

        click("status-Busy");
        click("status-Lunch");
        click("status-Available_for_Calls");
        awaitBridgeLog("not posted");
        omnisync.comeBack();

        await().atMost(PATIENCE).until(() -> omnisync.posts("statusChanged").size() == 3);
        List<ConsolePost> posted = omnisync.posts("statusChanged");
        assertThat(posted)
                .extracting(post -> post.text("statusApiName"))
                .containsExactly("Busy", "Lunch", "Available_for_Calls");
        assertThat(posted).extracting(post -> post.text("id")).doesNotHaveDuplicates();
    }

    @Test
    void postsRefusedForAWhileAreRetriedInOrder() {
        openConsole();
        omnisync.failNextPosts(3);

        click("status-Busy");
        click("status-Lunch");

        await().atMost(PATIENCE).until(() -> omnisync.posts("statusChanged").size() == 2);
        assertThat(omnisync.posts("statusChanged"))
                .extracting(post -> post.text("statusApiName"))
                .containsExactly("Busy", "Lunch");
    }

    // ---- commands become setServicePresenceStatus ------------------------------------------

    @Test
    void commandIsAppliedWithTheToolkitAndAccepted() {
        openConsole();

        omnisync.pushCommand("cmd-1", LUNCH, "Lunch");

        ConsolePost result = awaitCommandResult("cmd-1");
        assertThat(result.fieldNames()).containsExactlyInAnyOrder("type", "commandId", "result");
        assertThat(result.text("result")).isEqualTo("accepted");
        assertThat(toolkitCalls())
                .extracting(call -> call.get("method"))
                .containsExactly("getServicePresenceStatusId", "setServicePresenceStatus");
        assertThat(argsOf(toolkitCalls("setServicePresenceStatus").get(0))).isEqualTo(Map.of("statusId", LUNCH));
        assertThat(text("omni-presence")).isEqualTo("Lunch");
        ConsolePost echo =
                awaitPost("statusChanged", post -> post.text("statusId").equals(LUNCH));
        assertThat(echo.text("reason")).isEqualTo("OmniToolkitStatusChange");
    }

    @Test
    void loggedOutAgentIsRefusedWithOmniOfflineAndNotLoggedIn() {
        openConsole();
        click("logout");
        ConsolePost logout = awaitPost("logout", post -> true);
        assertThat(logout.fieldNames()).containsExactlyInAnyOrder("id", "type", "reason", "at");

        omnisync.pushCommand("cmd-2", LUNCH, "Lunch");

        ConsolePost result = awaitCommandResult("cmd-2");
        assertThat(result.fieldNames()).containsExactlyInAnyOrder("type", "commandId", "result", "message");
        assertThat(result.text("result")).isEqualTo("refused");
        assertThat(result.text("message")).isEqualTo("OMNI_OFFLINE");
        assertThat(toolkitCalls("getServicePresenceStatusId")).hasSize(1);
        assertThat(toolkitCalls("setServicePresenceStatus")).isEmpty();
        assertThat(text("omni-presence")).isEqualTo("Offline (logged out)");
    }

    @Test
    void refusalByTheToolkitIsPostedAsRefusedWithItsMessage() {
        openConsole();
        click("refuse");

        omnisync.pushCommand("cmd-3", BUSY, "Busy");

        ConsolePost result = awaitCommandResult("cmd-3");
        assertThat(result.text("result")).isEqualTo("refused");
        assertThat(result.text("message")).isEqualTo("Status not granted to this agent");
        assertThat(toolkitCalls("setServicePresenceStatus"))
                .singleElement()
                .extracting(call -> call.get("outcome"))
                .isEqualTo("rejected");
        assertThat(text("omni-presence")).isEqualTo("Available for Calls");
        assertThat(text("omni-status-id")).isEqualTo(AVAILABLE);
    }

    @Test
    void commandDeliveredAgainAfterAReconnectIsAppliedOnce() {
        openConsole();
        omnisync.failNextPosts(1_000);
        omnisync.pushCommand("cmd-4", LUNCH, "Lunch");
        await().atMost(PATIENCE)
                .until(() -> toolkitCalls("setServicePresenceStatus").size() == 1);

        omnisync.cutStream(); // its result was not taken: Omnisync sends the command again on the next stream
        await().atMost(PATIENCE).until(() -> omnisync.streams().size() == 2);
        omnisync.failNextPosts(0);
        awaitCommandResult("cmd-4");
        omnisync.pushCommand("cmd-5", BUSY, "Busy");
        awaitCommandResult("cmd-5");

        assertThat(toolkitCalls("setServicePresenceStatus"))
                .extracting(call -> argsOf(call).get("statusId"))
                .containsExactly(LUNCH, BUSY);
        assertThat(omnisync.posts("commandResult"))
                .extracting(post -> post.text("commandId"))
                .containsExactly("cmd-4", "cmd-5");
    }

    @Test
    void streamCutAnywhereWithCrLfCommentsAndUnknownEventsIsRead() {
        openConsole();

        omnisync.sendInPieces(
                "cmd-6",
                ": a comment\r\n\r\nevent: somethingNew\r\ndata: {}\r\n\r\n",
                "id: cmd-6\r",
                "\nevent: setPresenceStatus\r\ndata: {\"commandId\":\"cmd-6\",",
                "\"statusId\":\"" + BUSY + "\",\"statusApiName\":\"Busy\"}\r\n",
                "\r\n");

        assertThat(awaitCommandResult("cmd-6").text("result")).isEqualTo("accepted");
        assertThat(argsOf(toolkitCalls("setServicePresenceStatus").get(0))).isEqualTo(Map.of("statusId", BUSY));
    }

    // ---- the connection ------------------------------------------------------------------

    @Test
    void streamClosedByOmnisyncIsReopenedWithAFreshToken() {
        openConsole();
        String first = omnisync.streams().get(0).token();

        omnisync.cutStream();

        await().atMost(PATIENCE).until(() -> omnisync.streams().size() == 2);
        assertThat(omnisync.streams().get(1).token()).isNotEqualTo(first);
        awaitBridgeState("connected");
        assertThat(initiatorsOfFinished("/console/commands"))
                .as("streaming fetch where there is one")
                .containsOnly("fetch");
    }

    @Test
    void commandPushedWhileOmnisyncIsDownArrivesOnceTheBridgeReconnects() {
        openConsole();
        String first = omnisync.streams().get(0).token();

        omnisync.goDown();
        awaitBridgeLog("reconnecting to Omnisync in");
        omnisync.pushCommand("cmd-7", BUSY, "Busy");
        omnisync.comeBack();

        assertThat(awaitCommandResult("cmd-7").text("result")).isEqualTo("accepted");
        List<CommandStream> streams = omnisync.streams();
        assertThat(streams).hasSize(2);
        assertThat(streams.get(1).token()).isNotEqualTo(first);
        assertThat(text("omni-presence")).isEqualTo("Busy");
    }

    @Test
    void tokenRefusedWithA401IsReplacedByAFreshOne() {
        openConsole();
        List<String> before = tokens.issued();
        tokens.revokeAll();

        click("status-Busy");

        ConsolePost posted =
                awaitPost("statusChanged", post -> post.text("statusId").equals(BUSY));
        assertThat(before).doesNotContain(posted.token());
        assertThat(tokens.accepts(posted.token())).isTrue();
    }

    @Test
    void silentStreamIsLeftForANewOneAfterTheIdleTimeout() {
        omnisync.pingEvery(Duration.ofMillis(300));
        openConsole("idleMs", "2000");

        // Pings keep the stream alive well past the idle timeout...
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> omnisync.streams().size() == 1);
        // ...silence does not.
        omnisync.stallStream();
        await().atMost(PATIENCE).until(() -> omnisync.streams().size() == 2);
        awaitBridgeLog("nothing from Omnisync for 2000 ms");
    }

    @Test
    void consoleReplacedByAnotherStopsListeningAndReporting() {
        openConsole();

        omnisync.replaceStream();
        awaitBridgeState("replaced");
        click("status-Lunch");

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> omnisync.streams().size() == 1 && omnisync.posts().isEmpty());
    }

    @Test
    void omniTakenOverByAnotherTabIsReportedThenTheStreamHandedOver() {
        openConsole();

        click("duplicate-login");

        ConsolePost logout = awaitPost("logout", post -> true);
        assertThat(logout.text("reason")).isEqualTo("DuplicateLoginInSameBrowser");
        awaitBridgeState("replaced");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> omnisync.streams().size() == 1);
    }

    @Test
    void xmlHttpRequestFallbackReadsTheStreamToo() {
        openConsole("transport", "xhr");
        assertThat(text("loaded-as")).contains("transport xhr");

        omnisync.pushCommand("cmd-8", LUNCH, "Lunch");
        assertThat(awaitCommandResult("cmd-8").text("result")).isEqualTo("accepted");

        omnisync.cutStream();
        await().atMost(PATIENCE).until(() -> omnisync.streams().size() == 2);
        omnisync.pushCommand("cmd-9", BUSY, "Busy");
        assertThat(awaitCommandResult("cmd-9").text("result")).isEqualTo("accepted");
        assertThat(initiatorsOfFinished("/console/commands")).containsOnly("xmlhttprequest");
    }

    @Test
    void bridgeLoadsAsAnEsModuleToo() {
        openConsole("load", "module");
        assertThat(text("loaded-as")).startsWith("ES module");

        click("status-Busy");

        awaitPost("statusChanged", post -> post.text("statusId").equals(BUSY));
    }

    @Test
    void tokenTravelsInTheAuthorizationHeaderNeverInAUrl() {
        openConsole();
        click("status-Busy");
        awaitPost("statusChanged", post -> true);
        omnisync.cutStream();
        await().atMost(PATIENCE).until(() -> omnisync.streams().size() == 2);

        // The stand-in takes tokens only from "Authorization: Bearer": each stream and post carried one.
        assertThat(omnisync.streams()).extracting(CommandStream::token).allMatch(tokens::accepts);
        assertThat(tokens.issued()).hasSizeGreaterThanOrEqualTo(2);
        assertNoTokenInAnyUrl();
        assertThat(omnisync.requestedUris()).contains("/console/commands", "/console/events");
    }

    // ---- helpers -------------------------------------------------------------------------

    private void openConsole(String... parameters) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("service", omnisync.baseUri().toString());
        query.put("backoffMs", "200");
        query.put("backoffMaxMs", "1000");
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            query.put(parameters[i], parameters[i + 1]);
        }
        browser.open(page.uri(query));
        awaitBridgeState("connected");
        await().atMost(PATIENCE).until(() -> omnisync.streams().size() == 1);
    }

    private void click(String testId) {
        element(testId).click();
    }

    private String text(String testId) {
        return element(testId).getText();
    }

    private WebElement element(String testId) {
        return browser.driver().findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }

    private void awaitBridgeState(String state) {
        new WebDriverWait(browser.driver(), PATIENCE)
                .withMessage(() -> "bridge state " + state + "; the bridge said: " + bridgeLog())
                .until(driver -> text("bridge-state").equals(state));
    }

    private void awaitBridgeLog(String fragment) {
        new WebDriverWait(browser.driver(), PATIENCE)
                .withMessage(() -> "a bridge log line with '" + fragment + "'; the bridge said: " + bridgeLog())
                .until(driver -> bridgeLog().stream().anyMatch(line -> line.contains(fragment)));
    }

    private ConsolePost awaitPost(String type, java.util.function.Predicate<ConsolePost> which) {
        await().atMost(PATIENCE)
                .alias("a " + type + " post")
                .until(() -> omnisync.posts(type).stream().anyMatch(which));
        return omnisync.posts(type).stream().filter(which).findFirst().orElseThrow();
    }

    private ConsolePost awaitCommandResult(String commandId) {
        return awaitPost("commandResult", post -> post.text("commandId").equals(commandId));
    }

    private List<String> bridgeLog() {
        return listOfMaps(browser.script("return window.standIn ? window.standIn.bridgeLog : []")).stream()
                .map(line -> line.get("level") + ": " + line.get("message"))
                .toList();
    }

    private List<Map<String, Object>> toolkitCalls() {
        return listOfMaps(browser.script("return window.standIn.calls"));
    }

    private List<Map<String, Object>> toolkitCalls(String method) {
        return toolkitCalls().stream()
                .filter(call -> method.equals(call.get("method")))
                .toList();
    }

    /** How the page made its finished requests to a path: "fetch", "xmlhttprequest", "script"... */
    private List<String> initiatorsOfFinished(String path) {
        Object initiators = browser.script(
                "var path = arguments[0]; return performance.getEntriesByType('resource')"
                        + ".filter(function (e) { return e.name.indexOf(path) >= 0; })"
                        + ".map(function (e) { return e.initiatorType; })",
                path);
        return initiators instanceof List<?> list
                ? list.stream().map(Objects::toString).toList()
                : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> argsOf(Map<String, Object> call) {
        return (Map<String, Object>) call.get("args");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static void assertIsUtcNow(String at) {
        assertThat(at).endsWith("Z");
        assertThat(Instant.parse(at))
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
    }

    /** Every URL the page asked for, as both servers saw them and as the browser lists them. */
    private void assertNoTokenInAnyUrl() {
        List<String> urls = new ArrayList<>(omnisync.requestedUris());
        urls.addAll(page.requestedUris());
        Object browserUrls = browser.script("return performance.getEntries().map(function (e) { return e.name; })");
        if (browserUrls instanceof List<?> names) {
            names.stream().map(Objects::toString).forEach(urls::add);
        }
        assertThat(urls).isNotEmpty();
        for (String token : tokens.issued()) {
            assertThat(urls).noneMatch(url -> url.contains(token));
            assertThat(Stream.of(token.split("\\.")).filter(part -> part.length() > 8))
                    .allSatisfy(secretPart -> assertThat(urls).noneMatch(url -> url.contains(secretPart)));
        }
    }
}
