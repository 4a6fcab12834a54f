package io.omnisync.adapters.adminpage.browser;

import io.omnisync.testing.browser.HeadlessChromium;
import io.omnisync.testing.browser.Screenshots;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page as an administrator sees it: what she reads and where she clicks, by the page's
 * ids and data attributes. Every wait awaits a condition; nothing sleeps.
 */
public final class AdminPage {

    /** Which mapping table: the guide's two directions. */
    public enum Direction {
        TALKDESK_TO_OMNI("t2o-table"),
        OMNI_TO_TALKDESK("o2t-table");

        private final String table;

        Direction(String table) {
            this.table = table;
        }
    }

    private final HeadlessChromium browser;
    private final WebDriver driver;
    private final URI uri;
    private final Screenshots screenshots;
    private final WebDriverWait wait;

    public AdminPage(HeadlessChromium browser, URI uri, Screenshots screenshots) {
        this.browser = browser;
        this.driver = browser.driver();
        this.uri = uri;
        this.screenshots = screenshots;
        // the page re-renders a table row when the stream brings a change: an element found just before is then stale,
        // and the condition is asked again rather than failing the wait
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    public WebDriver driver() {
        return driver;
    }

    // ---- signing in ------------------------------------------------------------------------------------

    public AdminPage open() {
        driver.get(uri.toString());
        await(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")),
                ExpectedConditions.visibilityOfElementLocated(By.id("app"))));
        return this;
    }

    public void signIn(String token) {
        WebElement field = byId("token");
        field.clear();
        field.sendKeys(token);
        byId("sign-in-button").click();
    }

    /** Opens the page, signs in and waits until the agents and the first check are in. */
    public AdminPage signedIn(String token) {
        open();
        signIn(token);
        awaitApp();
        return this;
    }

    public void awaitApp() {
        await(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
        await(d -> !d.findElements(By.cssSelector("#agents-table tbody tr[data-agent]"))
                .isEmpty());
        await(d -> "Live".equals(byId("connection").getText()));
        awaitChecked();
    }

    public String signInError() {
        return await(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")))
                .getText();
    }

    public boolean showsSignIn() {
        return byId("sign-in").isDisplayed();
    }

    // ---- mapping ---------------------------------------------------------------------------------------

    public WebElement row(Direction direction, String source) {
        return driver.findElement(By.cssSelector("#" + direction.table + " tr[data-source='" + source + "']"));
    }

    public Select mapping(Direction direction, String source) {
        return new Select(row(direction, source).findElement(By.tagName("select")));
    }

    /**
     * The choice a mapping row shows. After a save the page fetches the running configuration and draws the tables
     * again, at a moment of its own: a row redrawn while it is read is read again.
     */
    public String selectedChoice(Direction direction, String source) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> mapping(direction, source).getFirstSelectedOption().getText());
    }

    public List<String> choices(Direction direction, String source) {
        return mapping(direction, source).getOptions().stream()
                .map(WebElement::getText)
                .collect(Collectors.toList());
    }

    public void choose(Direction direction, String source, String visibleText) {
        mapping(direction, source).selectByVisibleText(visibleText);
    }

    /** The problems shown on a mapping row: "Error message" / "Warning message". */
    public List<String> problemsAt(Direction direction, String source) {
        return texts(row(direction, source).findElements(By.cssSelector(".problem")));
    }

    /** The problems shown above a mapping table (those whose path is the table itself). */
    public List<String> tableProblems(Direction direction) {
        String slot =
                direction == Direction.TALKDESK_TO_OMNI ? "integration.talkdeskToOmni" : "integration.omniToTalkdesk";
        return texts(driver.findElements(By.cssSelector("[data-slot='" + slot + "'] .problem")));
    }

    public List<String> presenceStatusProblems(String apiName) {
        return texts(driver.findElements(By.cssSelector("#presence-table tr[data-status='" + apiName + "'] .problem")));
    }

    /** Waits until the latest edit has been checked by the service. */
    public void awaitChecked() {
        await(d -> "false".equals(byId("mapping-section").getAttribute("aria-busy")));
    }

    public String saveStatus() {
        return byId("save-status").getText();
    }

    public WebElement saveButton() {
        return byId("save");
    }

    public void openConfigurationFile(Path file) {
        byId("import-file").sendKeys(file.toAbsolutePath().toString());
    }

    // ---- toggles ---------------------------------------------------------------------------------------

    public WebElement toggle(String id) {
        return byId(id);
    }

    public boolean isOn(String id) {
        return "true".equals(byId(id).getAttribute("aria-checked"));
    }

    public boolean isBlocked(String id) {
        return "true".equals(byId(id).getAttribute("aria-disabled"));
    }

    public WebElement rule(String name) {
        return driver.findElement(By.cssSelector("button[data-rule='" + name + "']"));
    }

    // ---- agents ----------------------------------------------------------------------------------------

    public WebElement agentRow(String agent) {
        return driver.findElement(By.cssSelector("#agents-table tr[data-agent='" + agent + "']"));
    }

    public String agentField(String agent, String field) {
        return agentRow(agent)
                .findElement(By.cssSelector("[data-field='" + field + "']"))
                .getText();
    }

    public void awaitAgentField(String agent, String field, String text) {
        await(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#agents-table tr[data-agent='" + agent + "']"));
            return !rows.isEmpty()
                    && rows.get(0)
                            .findElement(By.cssSelector("[data-field='" + field + "']"))
                            .getText()
                            .equals(text);
        });
    }

    public List<String> auditMessages() {
        return texts(driver.findElements(By.cssSelector("#audit-list .fact-message")));
    }

    // ---- generic ---------------------------------------------------------------------------------------

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    public <T> T await(Function<? super WebDriver, T> condition) {
        return wait.until(condition);
    }

    public void awaitVisible(String id) {
        await(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    public void awaitText(String id, String contains) {
        await(d -> byId(id).getText().contains(contains));
    }

    /** Clicks as a person would: with the element in the middle of the window, not under the sticky header. */
    public void click(WebElement element) {
        scrollTo(element);
        element.click();
    }

    public void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public Path shoot(String step) {
        return screenshots.take(driver, step);
    }

    public Path shootWholePage(String step) {
        return screenshots.takeWholePage(driver, step);
    }

    /** What the browser's console said about the page's Content-Security-Policy since the last call. */
    public List<String> securityPolicyViolations() {
        return browser.consoleLog().stream()
                .filter(message -> message.contains("Content Security Policy"))
                .collect(Collectors.toList());
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).collect(Collectors.toList());
    }
}
