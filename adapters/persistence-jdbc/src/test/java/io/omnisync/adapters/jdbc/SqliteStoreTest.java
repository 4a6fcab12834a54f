package io.omnisync.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.rules.RuleBook;
import io.omnisync.domain.settings.IntegrationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a SQLite file, and what only a file can go through (damage, no folder, schema 1). */
class SqliteStoreTest extends StoreContract<SqliteStore> {

    @TempDir
    Path folder;

    @Override
    protected SqliteStore open() {
        return SqliteStores.open(folder.resolve("omnisync.db"), CODEC);
    }

    @Override
    protected String place() {
        return folder.resolve("omnisync.db").toString();
    }

    @Override
    protected long committedRows(String table) {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("omnisync.db"));
                var count = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void pretendANewerOmnisyncWroteIt() {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("omnisync.db"));
                var statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__future.sql', 0, 'test', 0, 1)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_settings_live_in_the_draft_and_nowhere_else() throws Exception {
        Configuration configuration = chatCapacity();
        Configuration changed = configuration
                .withSettings(new IntegrationSettings(false, true, false))
                .withRules(RuleBook.toggle(configuration.rules(), "Full chat load blocks calls", false)
                        .get());
        try (SqliteStore store = open()) {
            store.save(changed);
        }

        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("omnisync.db"));
                var columns = connection
                        .createStatement()
                        .executeQuery("SELECT name FROM pragma_table_info('configuration')")) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (columns.next()) {
                names.add(columns.getString(1));
            }
            assertThat(names).as("the settings live in the draft, nowhere else").containsExactly("id", "draft");
        }
    }

    @Test
    void a_store_of_schema_1_keeps_the_settings_and_rule_toggles_it_kept_beside_the_draft() throws Exception {
        Path file = folder.resolve("omnisync.db");
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + file, "", "")
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        Configuration configuration = chatCapacity();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var insert = connection.prepareStatement("INSERT INTO configuration (id, draft, omni_channel_sync, "
                        + "return_to_previous, next_agent_status, rules_enabled) VALUES (1, ?, 0, 1, 0, ?)")) {
            insert.setString(1, CODEC.encode(configuration.draft()));
            insert.setString(2, "-Full chat load blocks calls\n+Capacity freed resumes calls");
            insert.executeUpdate();
        }

        try (SqliteStore migrated = open()) {
            Configuration back = migrated.current().get();
            assertThat(back.settings()).isEqualTo(new IntegrationSettings(false, true, false));
            assertThat(back.rules()
                            .rules()
                            .find(rule -> rule.name().equals("Full chat load blocks calls"))
                            .map(rule -> rule.enabled()))
                    .containsExactly(false);
            assertThat(back.draft().integration().returnToPreviousStatusAfterCall())
                    .isTrue();
        }
    }

    @Test
    void a_store_from_a_newer_omnisync_is_left_byte_for_byte_unchanged() throws Exception {
        Path file = folder.resolve("omnisync.db");
        open().close();
        pretendANewerOmnisyncWroteIt();
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("newer Omnisync");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void a_file_that_is_not_a_store_is_refused_and_left_untouched() throws Exception {
        Path file = folder.resolve("omnisync.db");
        Files.writeString(file, "agent,status\nmaria,away\n");

        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not an Omnisync store");
        assertThat(Files.readString(file)).isEqualTo("agent,status\nmaria,away\n");
    }

    @Test
    void a_store_where_no_file_can_be_created_is_refused_naming_the_place() {
        Path nowhere = folder.resolve("no-such-folder").resolve("omnisync.db");

        assertThatThrownBy(() -> SqliteStores.open(nowhere, CODEC))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(nowhere.toString());
        assertThat(Files.exists(nowhere.getParent())).isFalse();
    }

    @Test
    void a_store_whose_schema_pages_are_damaged_is_one_sentence_naming_the_file() throws Exception {
        Path file = folder.resolve("omnisync.db");
        open().close();
        byte[] bytes = Files.readAllBytes(file);
        // page 1 after the 100-byte header holds the schema: a scribble there, the header kept
        for (int i = 100; i < 4096 && i < bytes.length; i++) {
            bytes[i] = (byte) 0x5A;
        }
        Files.write(file, bytes);

        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("corrupt")
                .hasMessageNotContaining("SQL State")
                .hasMessageNotContaining("Exception")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        aRefusedOpenLetsGo();
    }

    private void aRefusedOpenLetsGo() {
        // the refused open let go of the store: the next one is refused for the same reason, not as "in use"
        assertThatThrownBy(this::open).isNotInstanceOf(StoreInUseException.class);
    }
}
