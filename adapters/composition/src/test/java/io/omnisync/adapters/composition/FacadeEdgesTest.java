package io.omnisync.adapters.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.adapters.composition.OmnisyncFacadeTest.Vendors;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.application.admin.ReplacePolicy;
import io.omnisync.application.audit.AuditEntry;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, bug 9: the facade's edges. Bad arguments are an IllegalArgumentException naming the
 * argument (an empty event id too, as the command line refuses it); a status the configuration does
 * not know is recorded as UNKNOWN_STATUS and acts on nothing; admin calls before a configuration
 * runs say so in admin words.
 */
class FacadeEdgesTest {

    private static final Instant NINE = Instant.parse("2026-01-06T09:00:00Z");

    private final Vendors vendors = new Vendors();

    private static ConfigurationDraft example(String name) {
        return JsonConfigurationFile.read(Path.of("../../examples/" + name))
                .get()
                .draft();
    }

    private Omnisync running() {
        Omnisync omnisync = Omnisync.create(vendors, new InMemoryStoreModule());
        omnisync.start(example("contact-center.json"), ReplacePolicy.REFUSE_DIFFERENT);
        omnisync.turnSync(true, true);
        omnisync.deliverDue();
        vendors.calls.clear();
        return omnisync;
    }

    private static void refused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void every_argument_is_checked_and_named() {
        Omnisync omnisync = running();

        refused(() -> omnisync.talkdeskStatusChanged("maria", "lunch", "", NINE), "eventId must not be empty");
        refused(() -> omnisync.talkdeskStatusChanged("maria", "lunch", " ", NINE), "eventId must not be empty");
        refused(() -> omnisync.talkdeskStatusChanged(null, "lunch", "td-1", NINE), "agent must not be null");
        refused(() -> omnisync.talkdeskStatusChanged("maria", null, "td-1", NINE), "status must not be null");
        refused(() -> omnisync.talkdeskStatusChanged("maria", "lunch", "td-1", null), "occurredAt must not be null");
        refused(() -> omnisync.omniStatusChanged("maria", "", "sf-1", NINE), "status must not be empty");
        refused(() -> omnisync.callStarted("", "td-1", NINE), "agent must not be empty");
        refused(() -> omnisync.callEnded("maria", null, NINE), "eventId must not be null");
        refused(() -> omnisync.wrapUpEnded("maria", null, "td-1", NINE), "statusAfter must not be null");
        refused(
                () -> omnisync.wrapUpEnded("maria", Option.some("on_a_call"), "td-1", NINE),
                "statusAfter cannot be 'on_a_call': wrap-up does not end in a call status");
        refused(() -> omnisync.omniWorkloadChanged("maria", -1, "sf-1", NINE), "workload must be 0 or more, not -1");
        refused(() -> omnisync.omniWorkAccepted("maria", null, "sf-1", NINE), "channel must not be null");
        refused(() -> omnisync.turnRule(" ", true), "name must not be empty");
        refused(() -> omnisync.agent(null), "agent must not be null");
        refused(() -> omnisync.auditTrail(-1), "limit must be 0 or more, not -1");
        refused(() -> omnisync.auditTrail("maria", -5), "limit must be 0 or more, not -5");
        refused(() -> omnisync.load(null), "draft must not be null");
        refused(() -> omnisync.start(null, ReplacePolicy.REPLACE), "draft must not be null");
        refused(() -> omnisync.start(example("contact-center.json"), null), "policy must not be null");
        assertThat(omnisync.pendingCommands()).as("nothing was decided").isEmpty();
    }

    @Test
    void a_status_the_configuration_does_not_know_is_recorded_and_acts_on_nothing() {
        Omnisync omnisync = running();
        AgentSession before = omnisync.agent("maria").get();

        omnisync.talkdeskStatusChanged("maria", "nonexistent", "td-1", NINE);
        omnisync.omniStatusChanged("maria", "Not_A_Presence_Status", "sf-1", NINE.plusSeconds(1));
        omnisync.deliverDue();

        assertThat(omnisync.agent("maria")).contains(before);
        assertThat(vendors.calls).isEmpty();
        assertThat(omnisync.auditTrail("maria", 2))
                .extracting(AuditEntry::fact)
                .allSatisfy(fact -> assertThat(fact)
                        .isInstanceOfSatisfying(
                                Fact.Skipped.class,
                                skipped -> assertThat(skipped.reason()).isEqualTo(SkipReason.UNKNOWN_STATUS)))
                .extracting(fact -> ((Fact.Skipped) fact).detail())
                .containsExactly(
                        "Talkdesk status 'nonexistent' is not in the running configuration (a new status the admin "
                                + "has not mapped yet): nothing was done",
                        "Omni-Channel status 'Not_A_Presence_Status' is not in the running configuration (a new "
                                + "status the admin has not mapped yet): nothing was done");
        Fact.Skipped talkdesk =
                (Fact.Skipped) omnisync.auditTrail("maria", 2).head().fact();
        assertThat(talkdesk.system()).isEqualTo(VendorSystem.TALKDESK);
        assertThat(talkdesk.event()).contains(EventId.of("td-1"));
    }

    @Test
    void admin_calls_before_a_configuration_runs_say_so_in_admin_words() {
        Omnisync omnisync = Omnisync.create(vendors, new InMemoryStoreModule());

        assertThatThrownBy(() -> omnisync.turnSync(true, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no configuration is running yet: start the engine with one before changing its settings");
        assertThatThrownBy(() -> omnisync.talkdeskStatusChanged("maria", "lunch", "td-1", NINE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no configuration is running yet: start the engine with one before reporting events");
    }
}
