package io.omnisync.adapters.adminpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.adminpage.browser.AdminPage;
import io.omnisync.adapters.adminpage.standin.AdminApiStandIn;
import io.omnisync.testing.browser.HeadlessChromium;
import io.omnisync.testing.browser.Screenshots;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * One headless Chromium per test class (1280×800, or a phone's 390×844), a fresh stand-in of the admin API per test (a new
 * port, so a new origin and an empty session storage). The stand-in's clock is inside the guide's
 * business hours (Tuesday 10:00 in Lisbon) unless a test starts another one.
 */
abstract class BrowserTest {

    static final Clock INSIDE_BUSINESS_HOURS = Clock.fixed(Instant.parse("2026-01-06T10:00:00Z"), ZoneOffset.UTC);
    static final Clock AFTER_BUSINESS_HOURS = Clock.fixed(Instant.parse("2026-01-06T21:30:00Z"), ZoneOffset.UTC);

    static HeadlessChromium chromium;

    AdminApiStandIn standIn;
    AdminPage page;
    private Screenshots screenshots;

    /** A test class whose browser is phone-sized (390×844) instead of 1280×800. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface PhoneSized {}

    @BeforeAll
    static void startBrowser(TestInfo testClass) {
        boolean phone = testClass.getTestClass().orElseThrow().isAnnotationPresent(PhoneSized.class);
        chromium = phone ? HeadlessChromium.phone() : HeadlessChromium.desktop();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @BeforeEach
    void startStandIn(TestInfo test) {
        screenshots = Screenshots.forTest(test);
        useStandIn(AdminApiStandIn.start(INSIDE_BUSINESS_HOURS));
    }

    /** Replaces the stand-in (another clock, another prefix) before the page is opened. */
    void useStandIn(AdminApiStandIn replacement) {
        if (standIn != null) {
            standIn.close();
        }
        standIn = replacement;
        page = new AdminPage(chromium, standIn.pageUri(), screenshots);
    }

    @AfterEach
    void stopStandIn() {
        try {
            assertThat(page.securityPolicyViolations())
                    .as("the page runs under a strict Content-Security-Policy")
                    .isEmpty();
        } finally {
            standIn.close();
        }
    }
}
