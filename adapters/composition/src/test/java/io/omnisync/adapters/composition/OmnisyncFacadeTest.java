package io.omnisync.adapters.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.AbstractModule;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.memory.ImmediateTransactions;
import io.omnisync.adapters.memory.InMemoryAgentSessions;
import io.omnisync.adapters.memory.InMemoryConfigurationStore;
import io.omnisync.adapters.memory.InMemoryOutbox;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.application.audit.AuditEntry;
import io.omnisync.application.store.AgentSessions;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.store.Outbox;
import io.omnisync.application.store.Transactions;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.collection.List;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The facade a host holds: what the vendors said reaches the engine as they said it, and nothing is sent behind the host's back. */
class OmnisyncFacadeTest {

    private static final Instant NOW = Instant.parse("2026-01-05T22:00:00Z");
    private static final Instant NINE = Instant.parse("2026-01-06T09:00:00Z");

    /** Vendors that remember what they were asked, on whatever thread asks. */
    static final class Vendors extends AbstractModule implements TalkdeskPresence, OmniChannelPresence {
        final java.util.List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void configure() {
            bind(TalkdeskPresence.class).toInstance(this);
            bind(OmniChannelPresence.class).toInstance(this);
            bind(Clock.class).toInstance(Clock.fixed(NOW, ZoneOffset.UTC));
        }

        @Override
        public VendorAnswer setAgentStatus(Agent agent, TalkdeskStatusId status) {
            calls.add("talkdesk " + agent.id() + " " + status);
            return VendorAnswer.ACCEPTED;
        }

        @Override
        public VendorAnswer setPresenceStatus(CommandId command, Agent agent, PresenceStatusId status) {
            calls.add("omni " + agent.id() + " " + status);
            return VendorAnswer.ACCEPTED;
        }
    }

    private final Vendors vendors = new Vendors();

    private static ConfigurationDraft example(String name) {
        return JsonConfigurationFile.read(Path.of("../../examples/" + name))
                .get()
                .draft();
    }

    private Omnisync contactCenter() {
        Omnisync omnisync = Omnisync.create(vendors, new InMemoryStoreModule());
        omnisync.load(example("contact-center.json"));
        omnisync.turnSync(true, true);
        omnisync.deliverDue();
        vendors.calls.clear();
        return omnisync;
    }

    @Test
    void a_late_webhook_is_recognised_as_stale_by_the_time_the_vendor_gave() {
        Omnisync omnisync = contactCenter();

        omnisync.talkdeskStatusChanged("joao", "lunch", "td-2", NINE.plusSeconds(10));
        omnisync.talkdeskStatusChanged("joao", "away", "td-1", NINE.plusSeconds(5));
        omnisync.deliverDue();

        assertThat(omnisync.agent("joao").get().talkdeskStatus()).isEqualTo(TalkdeskStatusId.of("lunch"));
        assertThat(vendors.calls).containsExactly("omni joao Lunch_Break");
        assertThat(omnisync.auditTrail("joao", 1))
                .singleElement()
                .extracting(AuditEntry::fact)
                .isInstanceOfSatisfying(Fact.Skipped.class, stale -> {
                    assertThat(stale.reason()).isEqualTo(SkipReason.STALE);
                    assertThat(stale.event()).contains(EventId.of("td-1"));
                    assertThat(stale.because()).isEqualTo(Because.DELIVERY);
                });
    }

    @Test
    void workload_and_accepted_work_reach_the_engine_with_the_vendors_time() {
        Omnisync omnisync = Omnisync.create(vendors, new InMemoryStoreModule());
        omnisync.load(example("chat-capacity.json"));
        omnisync.deliverDue();
        vendors.calls.clear();
        omnisync.omniStatusChanged("maria", "Chat_Only", "sf-1", NINE);
        omnisync.deliverDue();
        omnisync.talkdeskStatusChanged("maria", "blended", "td-1", NINE.plusSeconds(1)); // the echo

        omnisync.omniWorkAccepted("maria", "Chat", "sf-2", NINE.plusSeconds(60));
        omnisync.omniWorkloadChanged("maria", 3, "sf-3", NINE.plusSeconds(120));
        omnisync.omniWorkloadChanged("maria", 1, "sf-0", NINE.plusSeconds(90));
        omnisync.deliverDue();

        assertThat(omnisync.agent("maria").get().workload()).isEqualTo(3);
        assertThat(vendors.calls)
                .as("the rule on a full chat load acted")
                .containsExactly("talkdesk maria blended", "talkdesk maria at_capacity");
        assertThat(omnisync.auditTrail("maria", 1).head().fact())
                .as("older than the workload Omni-Channel reported since")
                .isInstanceOfSatisfying(
                        Fact.Skipped.class, stale -> assertThat(stale.reason()).isEqualTo(SkipReason.STALE));
    }

    @Test
    void audit_entries_carry_the_instant_the_engine_recorded_them_and_are_read_per_agent() {
        Omnisync omnisync = contactCenter();

        omnisync.talkdeskStatusChanged("joao", "lunch", "td-1", NINE);
        omnisync.omniStatusChanged("maria", "Chat_Only", "sf-1", NINE);

        assertThat(omnisync.auditTrail(2))
                .extracting(entry -> entry.at() + " " + entry.fact().about().get())
                .containsExactly(NOW + " joao", NOW + " maria");
        assertThat(omnisync.auditTrail("joao", 200))
                .extracting(AuditEntry::fact)
                .allSatisfy(fact -> assertThat(fact.about()).contains(AgentId.of("joao")));
    }

    @Test
    void building_the_facade_sends_nothing_and_the_host_delivers_what_a_previous_run_left_waiting() {
        Configuration configuration =
                Configuration.validate(example("contact-center.json")).get();
        InMemoryConfigurationStore configurations = new InMemoryConfigurationStore();
        configurations.save(configuration);
        InMemoryOutbox outbox = new InMemoryOutbox();
        outbox.add(List.of(
                new Command.SetOmniStatus(AgentId.of("joao"), PresenceStatusId.of("Lunch_Break"), Because.MAPPING)));
        AbstractModule leftByAPreviousRun = new AbstractModule() {
            @Override
            protected void configure() {
                bind(ConfigurationStore.class).toInstance(configurations);
                bind(Outbox.class).toInstance(outbox);
                bind(AgentSessions.class).to(InMemoryAgentSessions.class);
                bind(Transactions.class).to(ImmediateTransactions.class);
            }
        };

        Omnisync omnisync = Omnisync.create(vendors, leftByAPreviousRun);

        assertThat(vendors.calls).isEmpty();
        assertThat(omnisync.pendingCommands()).hasSize(1);
        omnisync.deliverDue();
        assertThat(vendors.calls).containsExactly("omni joao Lunch_Break");
        assertThat(omnisync.pendingCommands()).isEmpty();
    }

    @Test
    void a_service_delivers_on_the_engines_own_threads_until_it_stops() {
        Omnisync omnisync = contactCenter();

        omnisync.startDelivery();
        try {
            omnisync.talkdeskStatusChanged("joao", "lunch", "td-1", NINE);
            await().atMost(Duration.ofSeconds(5)).until(() -> vendors.calls.contains("omni joao Lunch_Break"));
        } finally {
            omnisync.stopDelivery();
        }
        omnisync.talkdeskStatusChanged("joao", "away", "td-2", NINE.plusSeconds(1));

        assertThat(omnisync.pendingCommands())
                .as("stopped: the command waits in the outbox")
                .hasSize(1);
    }
}
