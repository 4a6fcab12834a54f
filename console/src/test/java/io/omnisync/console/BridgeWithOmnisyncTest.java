package io.omnisync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.talkdesk.PresenceBody;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn.RecordedPut;
import io.omnisync.console.service.MovableClock;
import io.omnisync.console.service.RealOmnisync;
import io.omnisync.console.standin.TestConsolePage;
import io.omnisync.console.standin.Tokens;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.testing.browser.HeadlessChromium;
import io.omnisync.testing.browser.Screenshots;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real bridge, in headless Chromium, in the test console (a stand-in Omni-Channel toolkit with Salesforce's
 * shapes), against the REAL Omnisync service on another loopback origin: its console endpoints (SPEC 10.2) with real
 * HS256 tokens minted as the Apex class mints them, CORS for the page's origin, the engine on a SQLite store, and
 * Talkdesk played by its stand-in over real HTTP. The bridge script itself is loaded from the service. A screenshot
 * of the whole page after each test lands in target/browser-screenshots/BridgeWithOmnisyncTest/.
 */
class BridgeWithOmnisyncTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String BUSY = "0N5xx0000000002AAA";

    private static HeadlessChromium browser;

    @TempDir
    Path stores;

    private Tokens tokens;
    private TestConsolePage page;
    private RealOmnisync omnisync;
    private MovableClock clock;

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
        tokens = null;
        page = null;
        omnisync = null;
    }

    /** The page (its token endpoint mints on the service's clock), then the service, which allows the page's origin. */
    private void start() {
        clock = new MovableClock();
        tokens = new Tokens(clock, Tokens.AGENT);
        page = TestConsolePage.start(tokens);
        omnisync = RealOmnisync.start(page.origin(), stores, clock);
    }

    @AfterEach
    void screenshotThenStop(TestInfo test) {
        try {
            Screenshots.forTest(test).takeWholePage(browser.driver(), "the test console at the end");
        } finally {
            browser.open(URI.create("about:blank"));
            if (omnisync != null) {
                omnisync.close();
            }
            if (page != null) {
                page.close();
            }
        }
    }

    @Test
    void theBridgeConnectsWithARealTokenAndIsServedByTheService() {
        start();
        openConsole();

        await().atMost(PATIENCE).until(() -> omnisync.console().openStreams() == 1);
        assertThat(tokens.issued()).hasSize(1);
        assertThat(tokens.issued().get(0).split("\\.")).hasSize(3);
        assertThat(resources("/console/omnisync-bridge.js"))
                .as("the bridge script came from the service")
                .anyMatch(url -> url.startsWith(omnisync.baseUri().toString()));
        assertThat(bridgeLog()).noneMatch(line -> line.startsWith("error"));
    }

    @Test
    void aStatusPickedInTheWidgetIsPostedAndTalkdeskFollows() {
        start();
        openConsole();

        click("status-Lunch");

        List<RecordedPut> puts = awaitTalkdeskPuts(1);
        assertThat(puts).extracting(RecordedPut::talkdeskUserId).containsExactly(RealOmnisync.MARIA_TALKDESK);
        assertThat(puts).extracting(RecordedPut::presence).containsExactly(PresenceBody.of("away", "lunch"));
        assertThat(omnisync.omniStatusOf(RealOmnisync.MARIA)).isEqualTo(PresenceStatusId.of("Lunch"));
    }

    @Test
    void aTalkdeskChangeIsAppliedByTheToolkitItsResultPostedAndItsEchoIgnored() {
        start();
        openConsole();

        omnisync.talkdeskSets(RealOmnisync.MARIA_TALKDESK, "away");

        await().atMost(PATIENCE)
                .until(() -> toolkitCalls("setServicePresenceStatus").size() == 1);
        assertThat(argsOf(toolkitCalls("setServicePresenceStatus").get(0))).isEqualTo(Map.of("statusId", BUSY));
        assertThat(toolkitCalls())
                .extracting(call -> call.get("method"))
                .containsExactly("getServicePresenceStatusId", "setServicePresenceStatus");
        awaitText("omni-presence", "Busy");
        await().atMost(PATIENCE)
                .until(() -> omnisync.console().outstanding(RealOmnisync.MARIA).isEmpty());
        await().atMost(PATIENCE)
                .until(() -> omnisync.audit(RealOmnisync.MARIA).stream().anyMatch(line -> line.contains("ECHO")));
        assertThat(omnisync.omniStatusOf(RealOmnisync.MARIA)).isEqualTo(PresenceStatusId.of("Busy"));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> omnisync.talkdesk.puts().isEmpty());
    }

    @Test
    void aLoggedOutAgentIsNeverLoggedInTheCommandIsRefusedOmniOffline() {
        start();
        omnisync.talkdeskSets(RealOmnisync.MARIA_TALKDESK, "away");
        await().atMost(PATIENCE)
                .until(() -> omnisync.console().outstanding(RealOmnisync.MARIA).isPresent());

        openConsole("omni", "offline");

        await().atMost(PATIENCE)
                .until(() -> omnisync.audit(RealOmnisync.MARIA).stream()
                        .anyMatch(line -> line.startsWith("CommandFailed") && line.contains("OMNI_OFFLINE")));
        assertThat(toolkitCalls("getServicePresenceStatusId")).hasSize(1);
        assertThat(toolkitCalls("setServicePresenceStatus")).isEmpty();
        assertThat(text("omni-presence")).isEqualTo("Offline (logged out)");
        assertThat(omnisync.console().outstanding(RealOmnisync.MARIA)).isEmpty();
    }

    @Test
    void theServiceIsCutAndComesBackTheBridgeReconnectsAndMissesNothing() {
        start();
        openConsole();
        String firstToken = tokens.issued().get(0);

        omnisync.cut();
        awaitBridgeLog("reconnecting to Omnisync in");
        click("status-Lunch"); // reported while Omnisync is away: kept by the bridge
        omnisync.comeBack();

        awaitBridgeState("connected");
        assertThat(awaitTalkdeskPuts(1))
                .extracting(RecordedPut::presence)
                .containsExactly(PresenceBody.of("away", "lunch"));
        omnisync.talkdeskSets(RealOmnisync.MARIA_TALKDESK, "away");
        await().atMost(PATIENCE)
                .until(() -> toolkitCalls("setServicePresenceStatus").size() == 1);
        assertThat(argsOf(toolkitCalls("setServicePresenceStatus").get(0))).isEqualTo(Map.of("statusId", BUSY));
        await().atMost(PATIENCE)
                .until(() -> omnisync.console().outstanding(RealOmnisync.MARIA).isEmpty());
        assertThat(tokens.issued())
                .hasSizeGreaterThanOrEqualTo(2)
                .doesNotHaveDuplicates()
                .contains(firstToken);
    }

    @Test
    void aCommandDecidedBeforeACutIsStillAppliedAfterIt() {
        start();
        omnisync.talkdeskSets(RealOmnisync.MARIA_TALKDESK, "away"); // no console yet: the command waits
        await().atMost(PATIENCE)
                .until(() -> omnisync.console().outstanding(RealOmnisync.MARIA).isPresent());
        omnisync.cut();
        omnisync.comeBack(); // the outbox still holds it: sent again, to the console when it connects

        openConsole();

        await().atMost(PATIENCE)
                .until(() -> toolkitCalls("setServicePresenceStatus").size() == 1);
        assertThat(argsOf(toolkitCalls("setServicePresenceStatus").get(0))).isEqualTo(Map.of("statusId", BUSY));
        await().atMost(PATIENCE)
                .until(() -> omnisync.console().outstanding(RealOmnisync.MARIA).isEmpty());
    }

    @Test
    void anExpiredTokenEndsTheStreamAndTheBridgeReconnectsWithAFreshOne() {
        start();
        openConsole();
        assertThat(tokens.issued()).hasSize(1);

        clock.advance(Tokens.LIFETIME.plusMinutes(1));

        await().atMost(PATIENCE).until(() -> tokens.issued().size() >= 2);
        awaitBridgeState("connected");
        await().atMost(PATIENCE).until(() -> omnisync.console().openStreams() == 1);
        omnisync.talkdeskSets(RealOmnisync.MARIA_TALKDESK, "away");
        await().atMost(PATIENCE)
                .until(() -> toolkitCalls("setServicePresenceStatus").size() == 1);
        click("status-Available_for_Calls");
        await().atMost(PATIENCE)
                .until(() ->
                        omnisync.omniStatusOf(RealOmnisync.MARIA).equals(PresenceStatusId.of("Available_for_Calls")));
        assertThat(bridgeLog()).anyMatch(line -> line.contains("the command stream ended"));
    }

    @Test
    void anotherConsoleOfTheAgentReplacesThisOneWhichStepsAside() throws Exception {
        start();
        openConsole();

        HttpResponse<Stream<String>> other = omnisync.client()
                .sendAsync(
                        HttpRequest.newBuilder(omnisync.baseUri().resolve("/console/commands"))
                                .header("Authorization", "Bearer " + tokens.mint())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        try {
            assertThat(other.statusCode()).isEqualTo(200);
            awaitBridgeState("replaced");
            await().atMost(PATIENCE).until(() -> omnisync.console().openStreams() == 1);
            click("status-Lunch");
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> omnisync.talkdesk.puts().isEmpty());
            assertThat(bridgeLog()).anyMatch(line -> line.contains("not reported"));
        } finally {
            other.body().close();
        }
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
    }

    private List<RecordedPut> awaitTalkdeskPuts(int count) {
        await().atMost(PATIENCE).until(() -> omnisync.talkdesk.acceptedPuts().size() >= count);
        return omnisync.talkdesk.acceptedPuts();
    }

    private void click(String testId) {
        element(testId).click();
    }

    private String text(String testId) {
        return element(testId).getText();
    }

    private void awaitText(String testId, String expected) {
        new WebDriverWait(browser.driver(), PATIENCE)
                .withMessage(() -> testId + " shows " + expected + "; the bridge said: " + bridgeLog())
                .until(driver -> text(testId).equals(expected));
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

    private List<String> resources(String path) {
        Object names = browser.script(
                "var path = arguments[0]; return performance.getEntriesByType('resource')"
                        + ".filter(function (e) { return e.name.indexOf(path) >= 0; })"
                        + ".map(function (e) { return e.name; })",
                path);
        return names instanceof List<?> list
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
}
