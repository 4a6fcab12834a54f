package io.omnisync.testing.browser;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * One test's screenshots, step by step, under {@code target/browser-screenshots/<test class>/}, named
 * {@code <test>-<nn>-<step>.png} (names as words: {@code aTestName} and {@code a_test_name} both become
 * {@code a-test-name}). Each path is printed as {@code [[ATTACHMENT|path]]}, the convention report tools read, so
 * the test's report output (surefire's {@code -output.txt} and XML) lists them.
 */
public final class Screenshots {

    static final Path ROOT = Path.of("target", "browser-screenshots");
    private static final int LONGEST_NAME = 60;
    private static final int TALLEST_PAGE = 6000;
    private static final PrintStream REPORT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private final Path directory;
    private final String test;
    private int step;

    public Screenshots(String testClass, String test) {
        this.directory = ROOT.resolve(testClass);
        this.test = words(test);
    }

    /** The screenshots of the running test: its class's simple name, its method's name. */
    public static Screenshots forTest(TestInfo test) {
        String testClass = test.getTestClass().map(Class::getSimpleName).orElse("tests");
        String name = test.getTestMethod().map(Method::getName).orElseGet(test::getDisplayName);
        return new Screenshots(testClass, name);
    }

    /** What the window (or the emulated screen) shows now. */
    public Path take(WebDriver driver, String step) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        return save(png, step);
    }

    /**
     * The whole page, top to bottom (up to 6000 px): the window, or the emulated phone's screen, is made as tall as
     * the page for the picture, then given back its size.
     */
    public Path takeWholePage(WebDriver driver, String step) {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        int pageHeight = Math.min(
                TALLEST_PAGE,
                ((Number) script.executeScript("return document.documentElement.scrollHeight;")).intValue());
        Dimension window = driver.manage().window().getSize();
        int viewportWidth = ((Number) script.executeScript("return window.innerWidth;")).intValue();
        if (driver instanceof HasCdp cdp && viewportWidth < window.getWidth() - 40) {
            // An emulated phone: stretch its screen, then give it back.
            int viewportHeight = viewportHeight(driver);
            cdp.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride", HeadlessChromium.deviceMetrics(viewportWidth, pageHeight));
            try {
                return take(driver, step);
            } finally {
                cdp.executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        HeadlessChromium.deviceMetrics(viewportWidth, viewportHeight));
            }
        }
        int browserChrome = window.getHeight() - viewportHeight(driver);
        try {
            driver.manage()
                    .window()
                    .setSize(
                            new Dimension(window.getWidth(), Math.max(window.getHeight(), pageHeight + browserChrome)));
            return take(driver, step);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    private static int viewportHeight(WebDriver driver) {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerHeight;")).intValue();
    }

    private Path save(byte[] png, String what) {
        step++;
        Path file = directory.resolve(String.format(Locale.ROOT, "%s-%02d-%s.png", test, step, words(what)));
        try {
            Files.createDirectories(directory);
            // Written whole, then moved in: a report never shows half a picture.
            Path temporary = Files.createTempFile(directory, "shot", ".png");
            Files.write(temporary, png);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        REPORT.println("[[ATTACHMENT|" + file.toAbsolutePath() + "]] " + what);
        return file;
    }

    /** "aTestName", "a_test_name" and "A test: name" all read "a-test-name"; long ones end at a whole word. */
    static String words(String text) {
        String words = text.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replaceAll("([A-Z])([A-Z][a-z]|[0-9])", "$1-$2")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        if (words.length() <= LONGEST_NAME) {
            return words;
        }
        String cut = words.substring(0, LONGEST_NAME + 1);
        int lastWord = cut.lastIndexOf('-');
        return lastWord > LONGEST_NAME / 2 ? cut.substring(0, lastWord) : cut.substring(0, LONGEST_NAME);
    }
}
