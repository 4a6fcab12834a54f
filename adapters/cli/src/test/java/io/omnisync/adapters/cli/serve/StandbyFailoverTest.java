package io.omnisync.adapters.cli.serve;

import static io.omnisync.adapters.cli.serve.AcknowledgedMeansDurableTest.auditReasons;
import static io.omnisync.adapters.cli.serve.AcknowledgedMeansDurableTest.pending;
import static io.omnisync.adapters.cli.serve.AcknowledgedMeansDurableTest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.talkdesk.PresenceBody;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn.RecordedPut;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 15, a standby: two {@code serve} processes on one PostgreSQL store. One is active, the other answers
 * {@code /readyz} 503 and refuses work with 503. The active one is killed (SIGKILL) in the middle of a stream of
 * acknowledged webhooks; the standby takes the lease, becomes ready on its port, sends what the outbox holds and serves
 * the rest of the stream. Every acknowledged event's command reaches Talkdesk exactly once, and the echoes Talkdesk
 * then reports trigger nothing. Talkdesk is down while the first process runs, so its commands are all in the outbox
 * when it dies: the standby must deliver them all.
 */
class StandbyFailoverTest {

    private static final Logger LOG = LoggerFactory.getLogger(StandbyFailoverTest.class);

    private static final int AGENTS = 16;
    private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 6;
    static final String SERVER = "postgresql://omnisync_test:omnisync_test@localhost:5432/";

    @TempDir
    Path folder;

    @Test
    void the_standby_takes_over_when_the_active_process_is_killed_and_loses_nothing_acknowledged() throws Exception {
        String store = SERVER + freshDatabase("omnisync_standby_failover");
        try (TalkdeskStandIn talkdesk = TalkdeskStandIn.start()) {
            Path config = Files.writeString(
                    folder.resolve("c.json"), AcknowledgedMeansDurableTest.configuration(talkdesk, AGENTS));
            String secrets = ServeProcess.secretsFile(folder, TalkdeskStandIn.CLIENT_ID, TalkdeskStandIn.CLIENT_SECRET)
                    .toString();
            String[] arguments = {
                "--config", config.toString(), "--secrets", secrets, "--store", store, "--port", "0", "--standby"
            };
            talkdesk.unavailable();

            try (ServeProcess active = ServeProcess.start(folder, arguments)) {
                int activePort = active.awaitListening();
                await().atMost(Duration.ofSeconds(30)).until(() -> status(active, activePort, "/readyz") == 200);
                try (ServeProcess standby = ServeProcess.start(folder, arguments)) {
                    int standbyPort = standby.awaitListening();
                    assertThat(status(standby, standbyPort, "/healthz")).isEqualTo(200);
                    assertThat(status(standby, standbyPort, "/readyz"))
                            .as("a load balancer sends nothing to the standby")
                            .isEqualTo(503);
                    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
                    assertThat(post(standby, standbyPort, "early", "call.started", at, user(1)))
                            .as("a webhook that reaches the standby anyway is refused, to be sent again")
                            .isEqualTo(503);

                    Set<Integer> acknowledged = new ConcurrentSkipListSet<>();
                    AtomicReference<Integer> interrupted = new AtomicReference<>();
                    CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_THE_KILL);
                    Thread stream = new Thread(() -> {
                        for (int i = 1; i <= AGENTS; i++) {
                            if (!callAndWrapUp(active, activePort, i, at)) {
                                interrupted.set(i);
                                return;
                            }
                            acknowledged.add(i);
                            enough.countDown();
                        }
                    });
                    stream.start();
                    assertThat(enough.await(60, TimeUnit.SECONDS)).isTrue();
                    active.kill();
                    long killedAt = System.nanoTime();
                    stream.join(TimeUnit.SECONDS.toMillis(30));
                    assertThat(interrupted.get())
                            .as("the kill came in the middle of the stream")
                            .isNotNull();

                    await().atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(50))
                            .until(() -> status(standby, standbyPort, "/readyz") == 200);
                    recordFailover((System.nanoTime() - killedAt) / 1_000_000);
                    talkdesk.healthy();
                    // the rest of the stream, and the agent it was cut at again (a sender retries what got no 202)
                    for (int i = interrupted.get(); i <= AGENTS; i++) {
                        assertThat(callAndWrapUp(standby, standbyPort, i, at)).isTrue();
                        acknowledged.add(i);
                    }

                    await().atMost(Duration.ofSeconds(60))
                            .until(() ->
                                    pending(standby, standbyPort, "talkdesk").isEmpty());
                    List<RecordedPut> accepted = talkdesk.acceptedPuts();
                    assertThat(accepted)
                            .as("every acknowledged event's command, each once")
                            .extracting(RecordedPut::talkdeskUserId)
                            .containsExactlyInAnyOrderElementsOf(
                                    acknowledged.stream().map(i -> "td-" + i).toList());
                    assertThat(accepted)
                            .extracting(RecordedPut::presence)
                            .containsOnly(PresenceBody.of("away", "chat_only"));

                    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                    for (int i = 1; i <= AGENTS; i++) {
                        assertThat(post(
                                        standby,
                                        standbyPort,
                                        "echo-" + i,
                                        "agent.status_changed",
                                        now,
                                        "{\"user_id\":\"td-" + i + "\",\"status\":\"chat_only\"}"))
                                .isEqualTo(202);
                        List<String> trail = auditReasons(standby, standbyPort, "agent-" + i);
                        assertThat(trail.get(trail.size() - 1)).isEqualTo("skipped:ECHO");
                    }
                    assertThat(pending(standby, standbyPort, "talkdesk")).isEmpty();
                    assertThat(talkdesk.acceptedPuts()).hasSize(AGENTS);

                    standby.terminate();
                    assertThat(standby.awaitExit()).isZero();
                }
            }
        }
    }

    @Test
    void without_standby_a_store_another_process_holds_is_exit_2_and_a_sqlite_standby_is_refused() throws Exception {
        String store = SERVER + freshDatabase("omnisync_standby_refused");
        try (TalkdeskStandIn talkdesk = TalkdeskStandIn.start()) {
            Path config = Files.writeString(
                    folder.resolve("c.json"), AcknowledgedMeansDurableTest.configuration(talkdesk, 2));
            String secrets = ServeProcess.secretsFile(folder, TalkdeskStandIn.CLIENT_ID, TalkdeskStandIn.CLIENT_SECRET)
                    .toString();
            try (ServeProcess active = ServeProcess.start(
                    folder, "--config", config.toString(), "--secrets", secrets, "--store", store, "--port", "0")) {
                active.awaitListening();
                try (ServeProcess second = ServeProcess.start(
                        folder, "--config", config.toString(), "--secrets", secrets, "--store", store, "--port", "0")) {
                    assertThat(second.awaitExit()).isEqualTo(2);
                    assertThat(String.join("\n", second.err())).contains("omnisync_standby_refused");
                }
            }
            try (ServeProcess sqlite = ServeProcess.start(
                    folder, "--config", config.toString(), "--secrets", secrets, "--port", "0", "--standby")) {
                assertThat(sqlite.awaitExit()).isEqualTo(2);
                assertThat(String.join("\n", sqlite.err())).contains("--standby needs");
            }
        }
    }

    /**
     * The failover time, from the SIGKILL to the standby's first 200 on {@code /readyz} (polled every 50 ms), in the
     * log and in target/measurements/failover.txt, where benchmarks/run.sh reads it.
     */
    private static void recordFailover(long millis) throws IOException {
        String line = "failover (SIGKILL of the active process to the standby ready, PostgreSQL store, " + AGENTS
                + " agents): " + millis + " ms";
        LOG.warn(line);
        Path measurements = Files.createDirectories(Path.of("target", "measurements"));
        Files.writeString(measurements.resolve("failover.txt"), line + System.lineSeparator());
    }

    /** A call and its wrap-up for agent {@code i}: whether all three webhooks were acknowledged. */
    private static boolean callAndWrapUp(ServeProcess serve, int port, int i, Instant at) {
        try {
            return post(serve, port, "call-" + i, "call.started", at.plusSeconds(1), user(i)) == 202
                    && post(serve, port, "hangup-" + i, "call.ended", at.plusSeconds(2), user(i)) == 202
                    && post(serve, port, "wrapup-" + i, "wrapup.ended", at.plusSeconds(3), user(i)) == 202;
        } catch (UncheckedIOException gone) {
            return false;
        }
    }

    private static String user(int i) {
        return "{\"user_id\":\"td-" + i + "\"}";
    }

    private static int status(ServeProcess serve, int port, String path) {
        try {
            HttpResponse<String> answer = serve.get(port, path, null);
            return answer.statusCode();
        } catch (UncheckedIOException notYet) {
            return -1;
        }
    }

    /** A new, empty database on the tests' server (scripts/ensure-postgresql.sh made sure it answers). */
    static String freshDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:5432/omnisync_test", "omnisync_test", "omnisync_test");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }
}
