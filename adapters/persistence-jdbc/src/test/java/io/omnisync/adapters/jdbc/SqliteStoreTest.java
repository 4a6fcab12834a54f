package io.omnisync.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.rules.RuleBook;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.session.CallPhase;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Command;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {

    private static final JsonConfigurationCodec CODEC = new JsonConfigurationCodec();
    private static final AgentId MARIA = AgentId.of("maria");

    @TempDir
    Path folder;

    private SqliteStore open() {
        return SqliteStores.open(folder.resolve("omnisync.db"), CODEC);
    }

    private static Configuration chatCapacity() {
        return Configuration.validate(JsonConfigurationFile.read(Path.of("../../examples/chat-capacity.json"))
                        .get()
                        .draft())
                .get();
    }

    @Test
    void a_session_survives_a_reopen_with_its_call_memory_echoes_and_event_window() {
        AgentSession session = AgentSession.start(
                        MARIA, TalkdeskStatusId.AFTER_CALL_WORK, PresenceStatusId.of("After_Call_Work"))
                .withCallPhase(new CallPhase.WrapUp(Option.some(PresenceStatusId.of("Chat_Only"))))
                .expectingOmni(PresenceStatusId.of("On_a_Call"))
                .expectingTalkdesk(TalkdeskStatusId.of("lunch"))
                .applied(new AgentEvent.OmniWorkloadReported(
                        EventId.of("sf-1"), MARIA, Instant.parse("2026-01-06T09:00:00Z"), 2))
                .withWorkload(2);
        try (SqliteStore store = open()) {
            store.save(session);
        }

        try (SqliteStore reopened = open()) {
            assertThat(reopened.find(MARIA)).contains(session);
            assertThat(reopened.all()).containsExactly(session);
        }
    }

    @Test
    void an_agent_remembered_offline_comes_back_offline() {
        AgentSession session = AgentSession.start(MARIA, TalkdeskStatusId.ON_A_CALL, OmniStatus.OFFLINE)
                .withCallPhase(new CallPhase.OnCall(Option.some(OmniStatus.OFFLINE)));
        try (SqliteStore store = open()) {
            store.save(session);
        }

        try (SqliteStore reopened = open()) {
            assertThat(reopened.find(MARIA)).contains(session);
        }
    }

    @Test
    void pending_commands_keep_their_order_attempts_and_last_error_across_a_reopen() {
        try (SqliteStore store = open()) {
            store.add(List.of(
                    new Command.SetOmniStatus(MARIA, PresenceStatusId.of("Lunch_Break"), Because.MAPPING),
                    new Command.SetTalkdeskStatus(MARIA, TalkdeskStatusId.AWAY, Because.rule("Full chat load"))));
            CommandId first = store.pending().head().id();
            store.failed(first, "HTTP 503");
            store.failed(first, "connection reset");
        }

        try (SqliteStore reopened = open()) {
            var pending = reopened.pending();
            assertThat(pending).extracting(p -> p.command().statusName()).containsExactly("Lunch_Break", "away");
            assertThat(pending.head().attempts()).isEqualTo(2);
            assertThat(pending.head().lastError()).contains("connection reset");
            assertThat(pending.last().command().because()).isEqualTo(Because.rule("Full chat load"));
            reopened.done(pending.head().id());
            assertThat(reopened.pending()).hasSize(1);
        }
    }

    @Test
    void the_configuration_comes_back_with_the_settings_and_rule_toggles_changed_at_run_time() throws Exception {
        Configuration configuration = chatCapacity();
        Configuration changed = configuration
                .withSettings(new IntegrationSettings(false, true, false))
                .withRules(RuleBook.toggle(configuration.rules(), "Full chat load blocks calls", false)
                        .get());
        try (SqliteStore store = open()) {
            store.save(changed);
        }

        try (SqliteStore reopened = open()) {
            Configuration back = reopened.current().get();
            assertThat(back.settings()).isEqualTo(changed.settings());
            assertThat(back.rules()).isEqualTo(changed.rules());
            assertThat(back.draft()).isEqualTo(changed.draft());
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
    void work_that_fails_inside_a_transaction_leaves_nothing_behind() {
        try (SqliteStore store = open()) {
            assertThatThrownBy(() -> store.inTransaction(() -> {
                        store.save(AgentSession.start(MARIA, TalkdeskStatusId.AWAY, OmniStatus.OFFLINE));
                        store.add(
                                List.of(new Command.SetTalkdeskStatus(MARIA, TalkdeskStatusId.AWAY, Because.MAPPING)));
                        throw new IllegalStateException("the process died here");
                    }))
                    .hasMessage("the process died here");

            assertThat(store.find(MARIA)).isEmpty();
            assertThat(store.pending()).isEmpty();
        }
    }

    @Test
    void forgotten_agents_are_removed() {
        try (SqliteStore store = open()) {
            store.save(AgentSession.start(MARIA, TalkdeskStatusId.AWAY, OmniStatus.OFFLINE));
            store.save(AgentSession.start(AgentId.of("ana"), TalkdeskStatusId.AWAY, OmniStatus.OFFLINE));

            store.retainOnly(HashSet.of(MARIA));

            assertThat(store.all()).extracting(AgentSession::agent).containsExactly(MARIA);
        }
    }

    @Test
    void a_store_from_a_newer_omnisync_is_refused_and_left_unchanged() throws Exception {
        Path file = folder.resolve("omnisync.db");
        open().close();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__future.sql', 0, 'test', 0, 1)");
        }
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
    void a_store_is_owned_by_one_opener_at_a_time_and_free_again_once_closed() {
        Path file = folder.resolve("omnisync.db");
        try (SqliteStore first = open()) {
            assertThatThrownBy(this::open)
                    .isInstanceOf(StoreInUseException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(
                            "in use by process " + ProcessHandle.current().pid());
            assertThat(first.pending()).isEmpty();
        }

        open().close();
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
