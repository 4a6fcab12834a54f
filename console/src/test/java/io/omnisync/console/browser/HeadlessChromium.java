package io.omnisync.console.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its own chromedriver (never a browser Selenium Manager would
 * download): start it, open pages, take screenshots for the report, quit.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 960;
    /** Kept referenced: java.util.logging forgets the level of a logger nobody holds. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private HeadlessChromium(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /**
     * Starts the browser with a new, empty profile.
     *
     * @param screenshots where {@link #screenshot} writes its PNGs (chromedriver's log goes beside it)
     */
    public static HeadlessChromium start(Path screenshots) {
        for (Path tool : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is missing: run console/scripts/ensure-chromium.sh"
                        + " (Maven runs it before the browser tests)");
            }
        }
        // Selenium warns that it has no DevTools bindings for this Chromium; the tests use none.
        SELENIUM_LOG.setLevel(Level.SEVERE);
        try {
            Files.createDirectories(screenshots);
            Path profile = Files.createTempDirectory("omnisync-chromium-profile-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile,
                    "--window-size=" + WIDTH + "," + HEIGHT);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogFile(screenshots
                            .toAbsolutePath()
                            .resolveSibling("chromedriver.log")
                            .toFile())
                    .build();
            return new HeadlessChromium(new ChromeDriver(service, options), profile, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(URI page) {
        driver.get(page.toString());
    }

    /** Runs JavaScript in the page and returns what it returns (lists and maps for arrays and objects). */
    public Object script(String javaScript, Object... arguments) {
        return driver.executeScript(javaScript, arguments);
    }

    /** A PNG of the whole page (the window grows to the page's height first), named {@code name.png}. */
    public Path screenshot(String name) {
        Object height = driver.executeScript(
                "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight");
        int windowHeight = height instanceof Number number ? number.intValue() : HEIGHT;
        driver.manage().window().setSize(new Dimension(WIDTH, Math.max(HEIGHT, Math.min(windowHeight, 6000))));
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Chromium may still be writing its profile as it exits: a leftover in /tmp is no failure.
        }
    }
}
