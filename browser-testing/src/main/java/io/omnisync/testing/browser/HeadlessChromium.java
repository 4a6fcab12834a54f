package io.omnisync.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}) driven through Debian's chromedriver
 * ({@code /usr/bin/chromedriver}): both paths are given, so Selenium Manager never runs and nothing is
 * downloaded. Each browser has a fresh profile, its downloads directory inside, deleted on close. Starting one
 * takes about a second: one per test class, a new page (or a new origin) per test, is the usual use.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Installs both from Debian's packages when missing; Maven runs it before the browser tests. */
    public static final String INSTALLER = "browser-testing/scripts/ensure-chromium.sh";

    /** Headless windows are never narrower than this: a narrower screen is emulated. */
    private static final int NARROWEST_WINDOW = 500;

    /**
     * Selenium warns, once per browser, that it has no DevTools binding for this Chromium; the tests use none
     * (CDP commands go through chromedriver). Held here: java.util.logging forgets the level of a logger nobody
     * holds.
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(int width, int height, boolean mobile) {
        requireInstalled(List.of(CHROMIUM, CHROMEDRIVER));
        this.profile = temporaryProfile();
        try {
            this.driver = new ChromeDriver(service(), options(profile, Math.max(width, NARROWEST_WINDOW), height));
        } catch (RuntimeException e) {
            deleteProfile();
            throw e;
        }
        try {
            Files.createDirectories(downloads());
            driver.executeCdpCommand(
                    "Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads().toString(), "eventsEnabled", false));
            if (mobile) {
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", deviceMetrics(width, height));
            } else {
                fitViewport(width, height);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** A desktop browser: the page sees a 1280×800 window ({@code window.innerWidth} × {@code innerHeight}). */
    public static HeadlessChromium desktop() {
        return new HeadlessChromium(1280, 800, false);
    }

    /**
     * A phone: a 390×844 screen, emulated through Chrome DevTools' device metrics ({@code mobile: true}), since a
     * headless window is at least {@value #NARROWEST_WINDOW} px wide. {@code window.innerWidth} is 390.
     */
    public static HeadlessChromium phone() {
        return new HeadlessChromium(390, 844, true);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(URI page) {
        driver.get(page.toString());
    }

    /** Runs JavaScript in the page and returns what it returns (lists and maps for arrays and objects). */
    public Object script(String javaScript, Object... arguments) {
        return driver.executeScript(javaScript, arguments);
    }

    /** Where the browser saves what the page downloads (inside the profile: deleted on close). */
    public Path downloads() {
        return profile.resolve("downloads");
    }

    /** This browser's own profile directory, created empty at the start and deleted on close. */
    public Path profile() {
        return profile;
    }

    /**
     * What the browser's console showed since the last call (reading empties it): the page's {@code console.*}
     * output and the browser's own messages about the page (a Content-Security-Policy violation, a failed load),
     * one line each, its level first: {@code SEVERE http://127.0.0.1:4711/app.js 12:9 "boom"}.
     */
    public List<String> consoleLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel().getName() + " " + entry.getMessage())
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    /** Fails with what to run when the browser or its driver is not installed. */
    static void requireInstalled(List<Path> tools) {
        for (Path tool : tools) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is missing: run " + INSTALLER
                        + " (Debian's chromium and chromium-driver; Maven runs it before the tests of every module"
                        + " that binds the ensure-chromium execution, unless -DskipTests)");
            }
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("omnisync-chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChromeOptions options(Path profile, int windowWidth, int windowHeight) {
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
                // Containers often have a small /dev/shm; Chromium's shared memory goes to /tmp instead.
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=" + windowWidth + "," + windowHeight);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return options;
    }

    private static ChromeDriverService service() {
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
    }

    /**
     * Headless Chromium still counts a window's frame and toolbars (some 140 px): the window is made that much
     * taller so the page gets the whole size asked for.
     */
    private void fitViewport(int width, int height) {
        Dimension window = driver.manage().window().getSize();
        int viewportHeight = ((Number) driver.executeScript("return window.innerHeight;")).intValue();
        driver.manage().window().setSize(new Dimension(width, height + window.getHeight() - viewportHeight));
    }

    static Map<String, Object> deviceMetrics(int width, int height) {
        return Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true);
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Chromium may still be writing its profile as it exits: a leftover in /tmp harms nothing.
        }
    }
}
