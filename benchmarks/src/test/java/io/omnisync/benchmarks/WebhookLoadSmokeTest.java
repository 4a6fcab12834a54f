package io.omnisync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load test at smoke size, so `mvn verify` catches a broken one: {@code serve} as a child process on this
 * module's test classpath (the command line's own logging, not the benchmarks'), 200 agents, 3 webhooks each from 4
 * connections. It checks that nothing is lost, never how fast.
 */
class WebhookLoadSmokeTest {

    @TempDir
    Path folder;

    @Test
    void every_webhook_of_a_small_load_is_acknowledged_counted_and_applied() throws Exception {
        WebhookLoad.Result result = WebhookLoad.run(
                new WebhookLoad.Settings(ServeOnTestClasspath.command(), 200, 3, 4, Duration.ofMinutes(2), folder));

        assertThat(result.sent()).isEqualTo(600);
        assertThat(result.nothingLost()).as(result.toString()).isTrue();
        assertThat(result.p99()).isPositive().isLessThanOrEqualTo(result.max());
        assertThat(result.serverCommitP99()).isPresent();
    }
}
