package io.omnisync.adapters.jdbc.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.jdbc.StoreException;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A standby pair on one PostgreSQL store: exactly one holder of the lease at a time; the standby
 * waits in the server and takes over the moment the active one's session ends (closed, its
 * connection killed, its process killed with SIGKILL); the one that lost it writes nothing more.
 */
class StandbyLeaseTest {

    private static final JsonConfigurationCodec CODEC = new JsonConfigurationCodec();
    private static final ExecutorService STANDBYS = Executors.newCachedThreadPool();
    private static PostgresLocation database;
    private static int tests;
    private PostgresLocation location;

    @BeforeAll
    static void database() {
        database = TestPostgres.freshDatabase(StandbyLeaseTest.class);
    }

    @AfterAll
    static void stopTheStandbys() {
        STANDBYS.shutdownNow();
    }

    @BeforeEach
    void aStoreOfItsOwn() {
        location = database.inSchema("lease_" + ++tests);
    }

    private CompletableFuture<PostgresStore> standby() {
        return CompletableFuture.supplyAsync(() -> PostgresStores.openWhenFree(location, CODEC), STANDBYS);
    }

    /** Sessions waiting in the server for this store's lock (a standby's). */
    private long waiting() {
        return count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                + "AND objid = hashtext('" + location.schema() + "')::oid");
    }

    private long count(String sql) {
        try (Connection connection = TestPostgres.connect(location);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the active one's session from the server's side, as a network failure or an administrator would. */
    private void killTheActiveSession() {
        assertThat(count("SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' "
                        + "AND granted AND objid = hashtext('" + location.schema() + "')::oid"))
                .isEqualTo(1);
    }

    @Test
    void the_standby_waits_while_the_active_one_holds_the_store_and_takes_over_when_it_closes() throws Exception {
        PostgresStore active = PostgresStores.open(location, CODEC);
        active.save(AgentSession.start(AgentId.of("maria"), TalkdeskStatusId.AWAY, OmniStatus.OFFLINE));
        CompletableFuture<PostgresStore> standby = standby();
        await("the standby waits in the server").atMost(Duration.ofSeconds(30)).until(() -> waiting() == 1);
        assertThat(standby).isNotDone();
        assertThat(active.held()).isTrue();

        active.close();

        try (PostgresStore taken = standby.get(30, TimeUnit.SECONDS)) {
            assertThat(taken.held()).isTrue();
            assertThat(taken.find(AgentId.of("maria")))
                    .as("what the active one committed")
                    .isNotEmpty();
        }
    }

    @Test
    void a_lost_connection_is_a_lost_lease_the_standby_takes_over_and_the_old_one_writes_nothing() throws Exception {
        try (PostgresStore active = PostgresStores.open(location, CODEC)) {
            CompletableFuture<PostgresStore> standby = standby();
            await("the standby waits in the server")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> waiting() == 1);

            killTheActiveSession();

            try (PostgresStore taken = standby.get(30, TimeUnit.SECONDS)) {
                assertThat(taken.held()).isTrue();
                assertThat(active.held())
                        .as("the old active one knows it lost the lease")
                        .isFalse();
                assertThatThrownBy(() -> active.save(
                                AgentSession.start(AgentId.of("maria"), TalkdeskStatusId.AWAY, OmniStatus.OFFLINE)))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("no longer owns the store");
                assertThat(taken.all())
                        .as("nothing written by the one that lost the lease")
                        .isEmpty();
            }
        }
    }

    @Test
    void a_standby_that_is_interrupted_stops_waiting_and_holds_nothing() throws Exception {
        try (PostgresStore active = PostgresStores.open(location, CODEC)) {
            Thread[] waiter = new Thread[1];
            CompletableFuture<StoreException> cancelled = CompletableFuture.supplyAsync(
                    () -> {
                        waiter[0] = Thread.currentThread();
                        try {
                            PostgresStores.openWhenFree(location, CODEC).close();
                            return null;
                        } catch (StoreException e) {
                            return e;
                        }
                    },
                    STANDBYS);
            await().atMost(Duration.ofSeconds(30)).until(() -> waiting() == 1);

            waiter[0].interrupt();

            assertThat(cancelled.get(30, TimeUnit.SECONDS)).hasMessageContaining("cancelled");
            await().atMost(Duration.ofSeconds(30)).until(() -> waiting() == 0);
            assertThat(active.held()).isTrue();
        }
    }

    @Test
    void the_active_process_killed_with_sigkill_hands_the_store_to_the_standby() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder holder = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                        HoldTheStore.class.getName(),
                        location.toString())
                .redirectErrorStream(true);
        location.password().ifPresent(password -> holder.environment().put("PGPASSWORD", password));
        Process active = holder.start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(active.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("active true");
            CompletableFuture<PostgresStore> standby = standby();
            await("the standby waits in the server")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> waiting() == 1);
            assertThat(standby).isNotDone();

            long killed = System.nanoTime();
            active.destroyForcibly();
            try (PostgresStore taken = standby.get(30, TimeUnit.SECONDS)) {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
                assertThat(taken.held()).isTrue();
                System.getLogger(StandbyLeaseTest.class.getName())
                        .log(System.Logger.Level.INFO, "from SIGKILL to the standby owning the store: {0} ms", millis);
            }
        } finally {
            active.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
