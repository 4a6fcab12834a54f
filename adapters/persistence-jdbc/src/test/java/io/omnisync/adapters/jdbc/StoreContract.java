package io.omnisync.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.application.store.AgentSessions;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.store.Outbox;
import io.omnisync.application.store.Transactions;
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
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every durable store promises, whatever holds it (a SQLite file, a PostgreSQL server): the
 * sessions, the configuration with its run-time settings and the outbox survive a reopen; a unit of
 * work is committed whole or not at all, and only then seen by anyone else; one opener owns a store
 * at a time; a store written by a newer Omnisync is refused. Each store's test class extends it with
 * how to open its store and how to look at it from a connection of its own.
 *
 * @param <S> the store under test
 */
// "try": a store's close() throws nothing, but S is only known to be AutoCloseable
@SuppressWarnings("try")
public abstract class StoreContract<
        S extends AgentSessions & ConfigurationStore & Outbox & Transactions & AutoCloseable> {

    protected static final JsonConfigurationCodec CODEC = new JsonConfigurationCodec();
    private static final AgentId MARIA = AgentId.of("maria");

    /** Opens the test's store (the same one each time within a test; a new, empty one for each test). */
    protected abstract S open();

    /** How the store is named in messages (its file, or its location without the password). */
    protected abstract String place();

    /** Rows of {@code table} as a connection of the test's own sees them: only what was committed. */
    protected abstract long committedRows(String table);

    /** Writes into the store's migration history a schema version from the future. */
    protected abstract void pretendANewerOmnisyncWroteIt();

    protected static Configuration chatCapacity() {
        return Configuration.validate(JsonConfigurationFile.read(Path.of("../../examples/chat-capacity.json"))
                        .get()
                        .draft())
                .get();
    }

    @Test
    void a_session_survives_a_reopen_with_its_call_memory_echoes_and_event_window() throws Exception {
        AgentSession session = AgentSession.start(
                        MARIA, TalkdeskStatusId.AFTER_CALL_WORK, PresenceStatusId.of("After_Call_Work"))
                .withCallPhase(new CallPhase.WrapUp(Option.some(PresenceStatusId.of("Chat_Only"))))
                .expectingOmni(PresenceStatusId.of("On_a_Call"))
                .expectingTalkdesk(TalkdeskStatusId.of("lunch"))
                .applied(new AgentEvent.OmniWorkloadReported(
                        EventId.of("sf-1"), MARIA, Instant.parse("2026-01-06T09:00:00Z"), 2))
                .withWorkload(2);
        try (S store = open()) {
            store.save(session);
        }

        try (S reopened = open()) {
            assertThat(reopened.find(MARIA)).contains(session);
            assertThat(reopened.all()).containsExactly(session);
        }
    }

    @Test
    void an_agent_remembered_offline_comes_back_offline() throws Exception {
        AgentSession session = AgentSession.start(MARIA, TalkdeskStatusId.ON_A_CALL, OmniStatus.OFFLINE)
                .withCallPhase(new CallPhase.OnCall(Option.some(OmniStatus.OFFLINE)));
        try (S store = open()) {
            store.save(session);
        }

        try (S reopened = open()) {
            assertThat(reopened.find(MARIA)).contains(session);
        }
    }

    @Test
    void many_sessions_saved_at_once_are_all_kept_and_a_second_save_replaces_the_first() throws Exception {
        List<AgentSession> first = List.range(0, 300)
                .map(i -> AgentSession.start(AgentId.of("agent-" + i), TalkdeskStatusId.AWAY, OmniStatus.OFFLINE));
        List<AgentSession> second =
                first.map(session -> session.withCallPhase(new CallPhase.OnCall(Option.some(OmniStatus.OFFLINE))));
        try (S store = open()) {
            store.saveAll(first);
            store.saveAll(second.take(100));
        }

        try (S reopened = open()) {
            assertThat(reopened.findAll(
                            HashSet.of(AgentId.of("agent-7"), AgentId.of("agent-200"), AgentId.of("nobody"))))
                    .as("several agents' sessions read at once; an unknown agent has none")
                    .containsExactlyInAnyOrder(second.get(7), first.get(200));
            assertThat(reopened.all()).hasSize(300);
            assertThat(reopened.find(AgentId.of("agent-7"))).contains(second.get(7));
            assertThat(reopened.find(AgentId.of("agent-200"))).contains(first.get(200));
        }
    }

    @Test
    void pending_commands_keep_their_order_attempts_and_last_error_across_a_reopen() throws Exception {
        try (S store = open()) {
            store.add(List.of(
                    new Command.SetOmniStatus(MARIA, PresenceStatusId.of("Lunch_Break"), Because.MAPPING),
                    new Command.SetTalkdeskStatus(MARIA, TalkdeskStatusId.AWAY, Because.rule("Full chat load"))));
            CommandId first = store.pending().head().id();
            store.failed(first, "HTTP 503");
            store.failed(first, "connection reset");
        }

        try (S reopened = open()) {
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
        try (S store = open()) {
            store.save(configuration);
            store.save(changed);
        }

        try (S reopened = open()) {
            Configuration back = reopened.current().get();
            assertThat(back.settings()).isEqualTo(changed.settings());
            assertThat(back.rules()).isEqualTo(changed.rules());
            assertThat(back.draft()).isEqualTo(changed.draft());
        }
    }

    @Test
    void work_that_fails_inside_a_transaction_leaves_nothing_behind() throws Exception {
        try (S store = open()) {
            Configuration configuration = chatCapacity();
            store.save(configuration);
            assertThatThrownBy(() -> store.inTransaction(() -> {
                        store.save(AgentSession.start(MARIA, TalkdeskStatusId.AWAY, OmniStatus.OFFLINE));
                        store.add(
                                List.of(new Command.SetTalkdeskStatus(MARIA, TalkdeskStatusId.AWAY, Because.MAPPING)));
                        store.save(configuration.withSettings(new IntegrationSettings(false, true, true)));
                        throw new IllegalStateException("the process died here");
                    }))
                    .hasMessage("the process died here");

            assertThat(store.find(MARIA)).isEmpty();
            assertThat(store.pending()).isEmpty();
            assertThat(store.current().get().settings())
                    .as("the configuration of the failed transaction is not the running one")
                    .isEqualTo(configuration.settings());
            assertThat(committedRows("agent_session")).isZero();
            assertThat(committedRows("outbox")).isZero();
        }
    }

    @Test
    void a_unit_of_work_is_seen_by_others_only_once_it_is_committed_and_then_all_of_it() throws Exception {
        try (S store = open()) {
            long[] seenInside = new long[2];
            store.inTransaction(() -> {
                store.save(AgentSession.start(MARIA, TalkdeskStatusId.AWAY, OmniStatus.OFFLINE));
                store.add(List.of(
                        new Command.SetTalkdeskStatus(MARIA, TalkdeskStatusId.AWAY, Because.MAPPING),
                        new Command.SetOmniStatus(MARIA, PresenceStatusId.of("Lunch_Break"), Because.MAPPING)));
                assertThat(store.find(MARIA))
                        .as("the unit of work reads what it wrote")
                        .isNotEmpty();
                seenInside[0] = committedRows("agent_session");
                seenInside[1] = committedRows("outbox");
                return null;
            });

            assertThat(seenInside)
                    .as("seen by another connection before the commit")
                    .containsExactly(0, 0);
            assertThat(committedRows("agent_session")).isEqualTo(1);
            assertThat(committedRows("outbox")).isEqualTo(2);
        }
    }

    @Test
    void forgotten_agents_are_removed() throws Exception {
        try (S store = open()) {
            store.save(AgentSession.start(MARIA, TalkdeskStatusId.AWAY, OmniStatus.OFFLINE));
            store.save(AgentSession.start(AgentId.of("ana"), TalkdeskStatusId.AWAY, OmniStatus.OFFLINE));
            store.save(AgentSession.start(AgentId.of("joao"), TalkdeskStatusId.AWAY, OmniStatus.OFFLINE));

            store.retainOnly(HashSet.of(MARIA, AgentId.of("joao")));

            assertThat(store.all())
                    .extracting(AgentSession::agent)
                    .containsExactlyInAnyOrder(MARIA, AgentId.of("joao"));
        }
    }

    @Test
    void a_store_is_owned_by_one_opener_at_a_time_and_free_again_once_closed() throws Exception {
        try (S first = open()) {
            assertThatThrownBy(this::open)
                    .isInstanceOfSatisfying(
                            StoreInUseException.class,
                            e -> assertThat(e.owner())
                                    .hasValue(ProcessHandle.current().pid()))
                    .hasMessageContaining(place())
                    .hasMessageContaining(
                            "in use by process " + ProcessHandle.current().pid());
            assertThat(first.pending()).isEmpty();
        }

        open().close();
    }

    @Test
    void a_store_from_a_newer_omnisync_is_refused_and_what_it_holds_is_kept() throws Exception {
        try (S store = open()) {
            store.save(AgentSession.start(MARIA, TalkdeskStatusId.AWAY, OmniStatus.OFFLINE));
        }
        pretendANewerOmnisyncWroteIt();

        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(place())
                .hasMessageContaining("newer Omnisync")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(committedRows("agent_session")).isEqualTo(1);
    }
}
