package io.omnisync.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Screenshots in a real browser: where they go, what they are called, how much of the page they hold. */
class ScreenshotsTest {

    /** 3000 px tall, never wider than the screen. */
    private static final URI TALL_PAGE = page("<meta name=viewport content='width=device-width'>"
            + "<body style='margin:0'><div style='height:3000px;background:linear-gradient(#d33,#33d)'>top</div>");

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
    void stepsAreNumberedAndNamedAfterTheTest(TestInfo test) {
        Screenshots screenshots = Screenshots.forTest(test);
        desktop.open(page("<h1>first</h1>"));

        Path first = screenshots.take(desktop.driver(), "The first step: a heading");
        Path second = screenshots.take(desktop.driver(), "and_aSecond one");

        Path directory = Path.of("target", "browser-screenshots", "ScreenshotsTest");
        assertThat(first)
                .isEqualTo(directory.resolve(
                        "steps-are-numbered-and-named-after-the-test-01-the-first-step-a-heading.png"))
                .isNotEmptyFile();
        assertThat(second)
                .isEqualTo(directory.resolve("steps-are-numbered-and-named-after-the-test-02-and-a-second-one.png"))
                .isNotEmptyFile();
    }

    @Test
    void aScreenshotShowsTheWindowAndAWholePageOneAllOfIt(TestInfo test) throws IOException {
        Screenshots screenshots = Screenshots.forTest(test);
        desktop.open(TALL_PAGE);

        BufferedImage window = image(screenshots.take(desktop.driver(), "the window"));
        BufferedImage wholePage = image(screenshots.takeWholePage(desktop.driver(), "the whole page"));

        assertThat(List.of(window.getWidth(), window.getHeight())).isEqualTo(List.of(1280, 800));
        assertThat(List.of(wholePage.getWidth(), wholePage.getHeight())).isEqualTo(List.of(1280, 3000));
        assertThat(desktop.script("return [window.innerWidth, window.innerHeight];"))
                .as("the window is given back its size")
                .isEqualTo(List.of(1280L, 800L));
    }

    @Test
    void aWholePageOnAPhoneIsAsWideAsThePhone(TestInfo test) throws IOException {
        Screenshots screenshots = Screenshots.forTest(test);
        try (HeadlessChromium phone = HeadlessChromium.phone()) {
            phone.open(TALL_PAGE);

            BufferedImage screen = image(screenshots.take(phone.driver(), "the screen"));
            BufferedImage wholePage = image(screenshots.takeWholePage(phone.driver(), "the whole page"));

            assertThat(List.of(screen.getWidth(), screen.getHeight())).isEqualTo(List.of(390, 844));
            assertThat(List.of(wholePage.getWidth(), wholePage.getHeight())).isEqualTo(List.of(390, 3000));
            assertThat(phone.script("return [window.innerWidth, window.innerHeight];"))
                    .as("the phone is given back its screen")
                    .isEqualTo(List.of(390L, 844L));
        }
    }

    @Test
    void namesAreWordsAndLongOnesEndAtAWholeWord() {
        assertThat(Screenshots.words("bridgeLoadsAsAnEsModuleToo")).isEqualTo("bridge-loads-as-an-es-module-too");
        assertThat(Screenshots.words("aWholePageOnAPhoneIsAsWideAsAnXMLHttpRequest"))
                .isEqualTo("a-whole-page-on-a-phone-is-as-wide-as-an-xml-http-request");
        assertThat(Screenshots.words("tokenRefusedWithA401")).isEqualTo("token-refused-with-a-401");
        assertThat(Screenshots.words("a_401_later_returns")).isEqualTo("a-401-later-returns");
        assertThat(Screenshots.words("Joao's audit trail: pending!")).isEqualTo("joao-s-audit-trail-pending");
        assertThat(Screenshots.words("omniTakenOverByAnotherTabIsReportedThenTheStreamHandedOver"))
                .isEqualTo("omni-taken-over-by-another-tab-is-reported-then-the-stream");
        assertThat(Screenshots.words("x".repeat(70))).hasSize(60);
    }

    private static BufferedImage image(Path png) throws IOException {
        return ImageIO.read(png.toFile());
    }

    private static URI page(String html) {
        return URI.create("data:text/html;charset=utf-8,"
                + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
