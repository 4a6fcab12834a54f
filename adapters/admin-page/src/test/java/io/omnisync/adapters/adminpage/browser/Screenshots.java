package io.omnisync.adapters.adminpage.browser;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Screenshots of each step under {@code target/browser-screenshots/<test class>/}, named
 * {@code <test>-<nn>-<step>.png}. Each path is printed as {@code [[ATTACHMENT|path]]}, the convention
 * report tools read, so the test's report output (surefire's {@code -output.txt} and XML) lists them.
 */
public final class Screenshots {

    private static final Path ROOT = Path.of("target", "browser-screenshots");
    private static final PrintStream REPORT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private final Path directory;
    private final String test;
    private int step;

    public Screenshots(String testClass, String test) {
        this.directory = ROOT.resolve(testClass);
        this.test = slug(test);
    }

    /** What the window shows now. */
    public Path take(WebDriver driver, String what) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        return save(png, what);
    }

    /** The whole page, top to bottom: the window (or the emulated phone screen) is made as tall as the page. */
    public Path takeWholePage(WebDriver driver, String what) {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        int pageHeight = Math.min(
                6000, ((Number) script.executeScript("return document.documentElement.scrollHeight;")).intValue());
        Dimension window = driver.manage().window().getSize();
        int viewportWidth = ((Number) script.executeScript("return window.innerWidth;")).intValue();
        if (driver instanceof HasCdp cdp && viewportWidth < window.getWidth() - 40) {
            // an emulated phone: stretch its screen, then give it back
            int viewportHeight = viewportHeight(driver);
            cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics(viewportWidth, pageHeight));
            try {
                return take(driver, what);
            } finally {
                cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics(viewportWidth, viewportHeight));
            }
        }
        int chrome = window.getHeight() - viewportHeight(driver);
        try {
            driver.manage()
                    .window()
                    .setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(), pageHeight + chrome)));
            return take(driver, what);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    private static Map<String, Object> metrics(int width, int height) {
        return Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true);
    }

    private static int viewportHeight(WebDriver driver) {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerHeight;")).intValue();
    }

    private Path save(byte[] png, String what) {
        step++;
        Path file = directory.resolve(String.format(Locale.ROOT, "%s-%02d-%s.png", test, step, slug(what)));
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "shot", ".png");
            Files.write(temporary, png);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        REPORT.println("[[ATTACHMENT|" + file.toAbsolutePath() + "]] " + what);
        return file;
    }

    private static String slug(String text) {
        String slug =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
