package io.omnisync.adapters.kafka.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.topology.ContactCenter;
import io.omnisync.adapters.kafka.topology.RunningConfiguration;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ProblemCode;
import io.omnisync.domain.settings.RefusalCode;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.sync.Fact;
import io.vavr.control.Either;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdminChangeTest {

    /** A Monday, 10:00 in Lisbon: inside the contact center's business hours. */
    private static final Instant MONDAY_TEN = Instant.parse("2026-01-05T10:00:00Z");

    private static final Instant MONDAY_NIGHT = Instant.parse("2026-01-05T21:00:00Z");

    private final RunningConfiguration.Versioned off = new RunningConfiguration.Versioned(
            7, Configuration.validate(ContactCenter.syncOff()).get());

    @Test
    void turning_sync_on_writes_the_new_configuration_and_one_reconciliation_per_agent_in_order() {
        AdminChange change = AdminChange.change(off, new SettingsChange.ToggleSync(true, false, MONDAY_NIGHT))
                .get();

        assertThat(change.activates()).isTrue();
        assertThat(change.record().basedOn()).isEqualTo(7);
        assertThat(change.record().change()).isEqualTo("sync");
        assertThat(change.configuration().settings().omniChannelSync()).isTrue();
        assertThat(change.fact())
                .isEqualTo(new Fact.SettingsChanged(change.configuration().settings()));
        assertThat(change.reconciliations(8))
                .extracting(EventRecord.Reconcile::agent)
                .extracting(Object::toString)
                .containsExactly("maria", "joao", "ana");
        assertThat(change.reconciliations(8))
                .extracting(EventRecord::configurationVersion)
                .containsOnly(8L);
    }

    @Test
    void a_replacement_while_sync_is_on_reconciles_the_agents_it_adds_and_them_alone() {
        ConfigurationDraft on = ContactCenter.syncOn();
        RunningConfiguration.Versioned withoutAna = new RunningConfiguration.Versioned(
                7,
                Configuration.validate(new ConfigurationDraft(
                                on.talkdesk(),
                                on.omniChannel(),
                                on.agents().filter(agent -> !agent.id().equals("ana")),
                                on.integration(),
                                on.vendors()))
                        .get());

        AdminChange change = AdminChange.replace(withoutAna, on).get();

        assertThat(change.activates()).isFalse();
        assertThat(change.reconciliations(8))
                .extracting(EventRecord.Reconcile::agent)
                .extracting(Object::toString)
                .containsExactly("ana");
        assertThat(AdminChange.replace(withoutAna, ContactCenter.syncOff())
                        .get()
                        .reconciliations(8))
                .as("with sync off nobody is reconciled")
                .isEmpty();
    }

    @Test
    void other_toggles_reconcile_nobody() {
        AdminChange change = AdminChange.change(off, new SettingsChange.ToggleReturnToPrevious(true, MONDAY_TEN))
                .get();

        assertThat(change.activates()).isFalse();
        assertThat(change.reconciliations(8)).isEmpty();
        assertThat(change.configuration().settings().returnToPreviousStatusAfterCall())
                .isTrue();
    }

    @Test
    void the_domain_s_refusals_write_nothing_but_their_fact() {
        Either<Fact, AdminChange> inHours =
                AdminChange.change(off, new SettingsChange.ToggleSync(true, false, MONDAY_TEN));
        RunningConfiguration.Versioned returning = new RunningConfiguration.Versioned(
                7,
                AdminChange.change(off, new SettingsChange.ToggleReturnToPrevious(true, MONDAY_TEN))
                        .get()
                        .configuration());
        Either<Fact, AdminChange> conflicting =
                AdminChange.change(returning, new SettingsChange.ToggleNextAgentStatus(true, MONDAY_TEN));

        assertThat(((Fact.Refused) inHours.getLeft()).refusal().code()).isEqualTo(RefusalCode.INSIDE_BUSINESS_HOURS);
        assertThat(((Fact.Refused) conflicting.getLeft()).refusal().code())
                .isEqualTo(RefusalCode.CONFLICTING_AFTER_CALL_SETTINGS);
        assertThat(AdminChange.change(off, new SettingsChange.ToggleSync(true, true, MONDAY_TEN))
                        .isRight())
                .as("forced")
                .isTrue();
    }

    @Test
    void a_replacement_with_errors_is_rejected_with_every_problem() {
        Either<Fact, AdminChange> rejected = AdminChange.replace(
                off,
                ContactCenter.draft(ContactCenter.text()
                        .replace("\"lunch\": \"Lunch_Break\"", "\"lunch\": \"Nap\"")
                        .replace(
                                "\"returnToPreviousStatusAfterCall\": false",
                                "\"returnToPreviousStatusAfterCall\": true")
                        .replace("\"nextAgentStatus\": false", "\"nextAgentStatus\": true")));

        assertThat(((Fact.ConfigurationRejected) rejected.getLeft()).problems())
                .extracting(problem -> problem.code())
                .contains(ProblemCode.UNKNOWN_STATUS, ProblemCode.CONFLICTING_AFTER_CALL_SETTINGS);
    }

    @Test
    void a_replacement_that_turns_sync_on_is_an_activation() {
        AdminChange change = AdminChange.replace(off, ContactCenter.syncOn()).get();

        assertThat(change.activates()).isTrue();
        assertThat(change.fact()).isInstanceOf(Fact.ConfigurationApplied.class);
        assertThat(change.reconciliations(8)).hasSize(3);
    }
}
