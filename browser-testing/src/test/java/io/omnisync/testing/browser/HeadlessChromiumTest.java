package io.omnisync.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The real headless Chromium: its sizes, its downloads, its console, its profile, and the advice when it is missing. */
class HeadlessChromiumTest {

    private static HeadlessChromium desktop;

    @BeforeAll
    static void startBrowser() {
        desktop = HeadlessChromium.desktop();
    }

    @AfterAll
    static void quitBrowser() {
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    void aDesktopShowsPages1280By800() {
        desktop.open(page("<p>desktop</p>"));

        assertThat(desktop.script("return [window.innerWidth, window.innerHeight];"))
                .isEqualTo(List.of(1280L, 800L));
        assertThat(desktop.driver().findElement(By.tagName("p")).getText()).isEqualTo("desktop");
    }

    @Test
    void aPhoneShowsPages390By844AsAMobileDevice() {
        try (HeadlessChromium phone = HeadlessChromium.phone()) {
            phone.open(page("<meta name=viewport content='width=device-width'><p>phone</p>"));

            assertThat(phone.script("return [window.innerWidth, window.innerHeight, screen.width];"))
                    .isEqualTo(List.of(390L, 844L, 390L));
            assertThat(phone.script("return matchMedia('(max-width: 400px)').matches;"))
                    .isEqualTo(true);
        }
    }

    @Test
    void scriptsGetTheirArgumentsAndReturnListsAndMaps() {
        desktop.open(page("<p>script</p>"));

        assertThat(desktop.script("return {sum: arguments[0] + arguments[1], list: [arguments[2]]};", 2, 3, "x"))
                .isEqualTo(java.util.Map.of("sum", 5L, "list", List.of("x")));
    }

    @Test
    void whatThePageDownloadsLandsInTheDownloadsDirectory() {
        desktop.open(page("<a id=save download='note.txt' href='data:text/plain,written%20by%20the%20page'>save</a>"));

        desktop.driver().findElement(By.id("save")).click();

        Path note = desktop.downloads().resolve("note.txt");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(note));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(note).hasContent("written by the page"));
        assertThat(desktop.downloads()).startsWith(desktop.profile());
    }

    @Test
    void theConsoleLogHoldsWhatThePageSaidOnceEach() {
        desktop.open(page("<script>console.error('the sky is falling'); console.warn('mind the gap');</script>"));

        List<String> said = desktop.consoleLog();

        assertThat(said)
                .anySatisfy(line -> assertThat(line).startsWith("SEVERE").contains("the sky is falling"))
                .anySatisfy(line -> assertThat(line).startsWith("WARNING").contains("mind the gap"));
        assertThat(desktop.consoleLog()).as("read once").isEmpty();
    }

    @Test
    void eachBrowserHasAFreshProfileDeletedOnClose() {
        Path profile;
        try (HeadlessChromium browser = HeadlessChromium.desktop()) {
            profile = browser.profile();
            browser.open(page("<p>a page</p>"));
            assertThat(profile).isNotEqualTo(desktop.profile());
            assertThat(profile.resolve("Default"))
                    .as("Chromium keeps its profile there")
                    .isDirectory();
        }

        assertThat(profile).doesNotExist();
    }

    @Test
    void aMissingBrowserIsReportedWithTheScriptThatInstallsIt() {
        Path missing = Path.of("/nonexistent/chromium");

        assertThatThrownBy(() -> HeadlessChromium.requireInstalled(List.of(HeadlessChromium.CHROMIUM, missing)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "/nonexistent/chromium is missing: run browser-testing/scripts/ensure-chromium.sh");
        assertThat(Path.of("..").resolve(HeadlessChromium.INSTALLER))
                .as("the script it names, from the repository's root")
                .isRegularFile()
                .isExecutable();
    }

    private static URI page(String html) {
        return URI.create("data:text/html;charset=utf-8,"
                + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
