package io.omnisync.adapters.jdbc.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.adapters.jdbc.StoreContract;
import io.omnisync.adapters.jdbc.StoreException;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL server (over TCP, no stand-in), each test in a schema of
 * its own; and what only a server store goes through: a server that does not answer, a wrong
 * password kept out of every message, the commit setting, and a schema per store.
 */
class PostgresStoreTest extends StoreContract<PostgresStore> {

    private static PostgresLocation database;
    private static int tests;
    private PostgresLocation location;

    @BeforeAll
    static void database() {
        database = TestPostgres.freshDatabase(PostgresStoreTest.class);
    }

    @BeforeEach
    void aStoreOfItsOwn() {
        location = database.inSchema("test_" + ++tests);
    }

    @Override
    protected PostgresStore open() {
        return PostgresStores.open(location, CODEC);
    }

    @Override
    protected String place() {
        return location.toString();
    }

    @Override
    protected long committedRows(String table) {
        try (Connection connection = TestPostgres.connect(location);
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void pretendANewerOmnisyncWroteIt() {
        try (Connection connection = TestPostgres.connect(location);
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__future.sql', 0, 'test', 0, true)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void every_commit_waits_for_the_server_s_disk() throws Exception {
        try (PostgresStore store = open();
                Connection connection = TestPostgres.connect(location);
                Statement statement = connection.createStatement()) {
            store.save(AgentSession.start(AgentId.of("maria"), TalkdeskStatusId.AWAY, OmniStatus.OFFLINE));
            try (ResultSet owner = statement.executeQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE " + "application_name LIKE 'omnisync "
                            + ProcessHandle.current().pid() + " %(owner)'")) {
                owner.next();
                assertThat(owner.getInt(1)).as("the owner's connection").isEqualTo(1);
            }
            assertThat(store.inTransaction(() -> synchronousCommit(store))).isEqualTo("on");
        }
    }

    private static String synchronousCommit(PostgresStore store) {
        return store.setting("synchronous_commit");
    }

    @Test
    void two_stores_in_two_schemas_of_one_database_are_two_stores_with_two_owners() throws Exception {
        try (PostgresStore first = PostgresStores.open(location.inSchema(location.schema() + "_a"), CODEC);
                PostgresStore second = PostgresStores.open(location.inSchema(location.schema() + "_b"), CODEC)) {
            first.save(AgentSession.start(AgentId.of("maria"), TalkdeskStatusId.AWAY, OmniStatus.OFFLINE));

            assertThat(first.all()).hasSize(1);
            assertThat(second.all()).isEmpty();
        }
    }

    @Test
    void a_server_that_does_not_answer_is_one_sentence_naming_the_place() {
        PostgresLocation nowhere = PostgresLocation.parse(
                "postgresql://omnisync_test:s3cret-pw@127.0.0.1:1/omnisync_test", Optional.empty());

        assertThatThrownBy(() -> PostgresStores.open(nowhere, CODEC))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("postgresql://omnisync_test@127.0.0.1:1/omnisync_test: ")
                .hasMessageContaining("does not answer at 127.0.0.1:1")
                .hasMessageNotContaining("s3cret-pw")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void a_wrong_password_is_refused_without_the_password_in_the_message() {
        PostgresLocation wrong = database.inSchema("unused");
        PostgresLocation withWrongPassword = PostgresLocation.parse(
                "jdbc:postgresql://" + wrong.host() + ":" + wrong.port() + "/" + wrong.database()
                        + "?user=omnisync_test&password=not-the-Password-42",
                Optional.empty());

        assertThatThrownBy(() -> PostgresStores.open(withWrongPassword, CODEC))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("refused the login")
                .hasMessageNotContaining("not-the-Password-42")
                .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain("not-the-Password-42"));
    }

    @Test
    void a_database_that_does_not_exist_is_named() {
        PostgresLocation missing = database.inDatabase("omnisync_no_such_database");

        assertThatThrownBy(() -> PostgresStores.open(missing, CODEC))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("the database 'omnisync_no_such_database' does not exist");
    }
}
