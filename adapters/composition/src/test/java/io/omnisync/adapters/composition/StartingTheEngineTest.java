package io.omnisync.adapters.composition;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.composition.OmnisyncFacadeTest.Vendors;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.application.admin.ReplacePolicy;
import io.omnisync.application.admin.StartResult;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.collection.List;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Starting the engine on a store (SPEC 6), as every host does through the facade: fresh, resumed
 * (the store's configuration and run-time settings win, nothing reconciled), refused when the
 * configuration differs, replaced when asked (agents the store knows keep what it knows), rejected
 * when invalid. The same store (in memory here) is started twice, as a process restarted would.
 */
class StartingTheEngineTest {

    private static final Instant NINE = Instant.parse("2026-01-06T09:00:00Z");

    private final Vendors vendors = new Vendors();
    private final Omnisync omnisync = Omnisync.create(vendors, new InMemoryStoreModule());

    private static ConfigurationDraft contactCenter() {
        return JsonConfigurationFile.read(Path.of("../../examples/contact-center.json"))
                .get()
                .draft();
    }

    @Test
    void a_store_without_configuration_starts_fresh_and_with_sync_on_that_is_an_activation() {
        StartResult started = omnisync.start(
                contactCenter().withSettings(new IntegrationSettings(true, false, false)),
                ReplacePolicy.REFUSE_DIFFERENT);

        assertThat(started)
                .isInstanceOfSatisfying(
                        StartResult.StartedFresh.class,
                        fresh -> assertThat(fresh.commands())
                                .extracting(command -> command.agent() + " " + command.statusName())
                                .containsExactly("joao Away_from_Desk"));
    }

    @Test
    void the_same_configuration_resumes_with_the_settings_changed_at_run_time_and_reconciles_nothing() {
        omnisync.start(contactCenter(), ReplacePolicy.REFUSE_DIFFERENT);
        omnisync.turnSync(true, true);
        omnisync.deliverDue();
        omnisync.talkdeskStatusChanged("joao", "lunch", "td-1", NINE);

        StartResult again = omnisync.start(contactCenter(), ReplacePolicy.REFUSE_DIFFERENT);

        assertThat(again).isInstanceOfSatisfying(StartResult.Resumed.class, resumed -> {
            assertThat(resumed.configuration().settings().omniChannelSync()).isTrue();
            assertThat(resumed.pendingCommands())
                    .as("joao's move waits in the outbox")
                    .isEqualTo(1);
        });
        assertThat(omnisync.agent("joao").get().talkdeskStatus()).isEqualTo(TalkdeskStatusId.of("lunch"));
    }

    @Test
    void a_different_configuration_is_refused_naming_what_differs_unless_a_replacement_is_asked_for() {
        omnisync.start(contactCenter(), ReplacePolicy.REFUSE_DIFFERENT);
        omnisync.talkdeskStatusChanged("maria", "lunch", "td-1", NINE);
        ConfigurationDraft withoutAna = new ConfigurationDraft(
                contactCenter().talkdesk(),
                contactCenter().omniChannel(),
                contactCenter().agents().filter(agent -> !agent.id().equals("ana")),
                contactCenter().integration(),
                contactCenter().vendors());

        StartResult refused = omnisync.start(withoutAna, ReplacePolicy.REFUSE_DIFFERENT);
        StartResult replaced = omnisync.start(withoutAna, ReplacePolicy.REPLACE);

        assertThat(refused)
                .isInstanceOfSatisfying(
                        StartResult.Refused.class,
                        no -> assertThat(no.reason())
                                .isEqualTo("the store already runs a different configuration (it differs in agents "
                                        + "(1 removed)); nothing was changed"));
        assertThat(replaced)
                .isInstanceOfSatisfying(
                        StartResult.Replaced.class,
                        yes -> assertThat(yes.differences()).containsExactly("agents (1 removed)"));
        assertThat(omnisync.agents())
                .extracting(session -> session.agent().value())
                .containsExactly("maria", "joao");
        assertThat(omnisync.agent("maria").get().talkdeskStatus())
                .as("what the store knew of her")
                .isEqualTo(TalkdeskStatusId.of("lunch"));
    }

    @Test
    void a_standby_taking_over_keeps_the_stores_configuration_whatever_its_file_says() {
        ConfigurationDraft withoutAna = new ConfigurationDraft(
                contactCenter().talkdesk(),
                contactCenter().omniChannel(),
                contactCenter().agents().filter(agent -> !agent.id().equals("ana")),
                contactCenter().integration(),
                contactCenter().vendors());
        omnisync.start(withoutAna, ReplacePolicy.REFUSE_DIFFERENT);

        StartResult takenOver = omnisync.start(contactCenter(), ReplacePolicy.KEEP_STORED);

        assertThat(takenOver)
                .as("the active process replaced its configuration since the standby read its file")
                .isInstanceOf(StartResult.Resumed.class);
        assertThat(omnisync.agents())
                .extracting(session -> session.agent().value())
                .containsExactly("maria", "joao");
    }

    @Test
    void a_standby_on_an_empty_store_starts_its_own_configuration() {
        StartResult started = omnisync.start(contactCenter(), ReplacePolicy.KEEP_STORED);

        assertThat(started).isInstanceOf(StartResult.StartedFresh.class);
        assertThat(omnisync.agents())
                .extracting(session -> session.agent().value())
                .contains("ana");
    }

    @Test
    void an_invalid_configuration_is_rejected_with_every_problem_and_nothing_starts() {
        ConfigurationDraft broken = JsonConfigurationFile.read(Path.of("../../examples/broken.json"))
                .get()
                .draft();

        StartResult rejected = omnisync.start(broken, ReplacePolicy.REPLACE);

        assertThat(rejected)
                .isInstanceOfSatisfying(
                        StartResult.Rejected.class,
                        no -> assertThat(no.problems()).hasSizeGreaterThan(3));
        assertThat(omnisync.agents()).isEqualTo(List.empty());
    }
}
