package io.omnisync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnisync.application.delivery.CommandAnswer;
import io.omnisync.application.reporting.TalkdeskStatusChange;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AccessGrantDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AgentDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceStatusDraft;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.CommandFailure;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC 10, "Delivery": per agent and vendor one command in flight, in order, the newest
 * superseding what still waits; retries back off per command on the engine's clock (or as long
 * as the vendor asked); a vendor may answer later; the service's loop delivers on threads of its
 * own, so a slow vendor never slows reporting.
 */
class DeliveryTest {

    private static final AtomicLong IDS = new AtomicLong();
    private static final AgentId MARIA = AgentId.of("maria");
    private final TestEngine engine = new TestEngine();

    @AfterEach
    void stopTheLoop() {
        engine.loop.stop();
        engine.vendors.gate.countDown();
    }

    private static ConfigurationDraft draft() {
        return new ConfigurationDraft(
                new ConfigurationDraft.Talkdesk(List.empty(), false),
                new ConfigurationDraft.OmniChannel(
                        List.of(new ConfigurationDraft.ServiceChannelDraft("Phone", "Phone", true)),
                        List.of(
                                new PresenceStatusDraft("Online", "Online", PresenceOption.ONLINE, List.of("Phone")),
                                new PresenceStatusDraft("Away", "Away", PresenceOption.BUSY, List.empty())),
                        List.of(new AccessGrantDraft("Agent", List.of("Online", "Away"))),
                        List.empty(),
                        List.empty()),
                List.of(
                        new AgentDraft("maria", "td-1", "0051", "Agent", List.empty(), "available", "Online"),
                        new AgentDraft("joao", "td-2", "0052", "Agent", List.empty(), "available", "Online")),
                new ConfigurationDraft.Integration(
                        true,
                        false,
                        LinkedHashMap.of("Online", "available", "Away", "away"),
                        LinkedHashMap.of("available", "Online", "away", "Away"),
                        Option.none(),
                        List.empty()));
    }

    private void talkdesk(String agent, String status) {
        engine.reports.talkdeskStatusChanged(new TalkdeskStatusChange(
                AgentId.of(agent),
                TalkdeskStatusId.of(status),
                EventId.of("td-" + IDS.incrementAndGet()),
                Instant.ofEpochSecond(IDS.get())));
    }

    private PendingCommand only() {
        assertThat(engine.delivery.pending()).hasSize(1);
        return engine.delivery.pending().head();
    }

    @Test
    void a_failed_command_waits_its_backoff_on_the_engines_clock_and_the_wait_grows() {
        engine.admin.load(draft());
        engine.vendors.unreachable = true;
        talkdesk("maria", "away");

        engine.delivery.deliverDue();
        engine.delivery.deliverDue();
        assertThat(only().attempts()).as("not tried again before its time").isEqualTo(1);

        engine.clock.advance(Duration.ofMillis(999));
        engine.delivery.deliverDue();
        assertThat(only().attempts()).isEqualTo(1);

        engine.clock.advance(Duration.ofMillis(1));
        engine.delivery.deliverDue();
        assertThat(only().attempts()).as("one second after the first failure").isEqualTo(2);

        engine.clock.advance(Duration.ofSeconds(1));
        engine.delivery.deliverDue();
        assertThat(only().attempts()).as("the second wait is two seconds").isEqualTo(2);

        engine.vendors.unreachable = false;
        engine.clock.advance(Duration.ofSeconds(1));
        engine.delivery.deliverDue();
        assertThat(engine.vendors.calls).containsExactly("omni maria Away");
        assertThat(engine.delivery.pending()).isEmpty();
    }

    @Test
    void a_vendor_that_says_when_to_come_back_is_not_called_before() {
        engine.admin.load(draft());
        engine.vendors.unreachable = true;
        engine.vendors.retryAfter = Duration.ofSeconds(10);
        talkdesk("maria", "away");
        engine.delivery.deliverDue();

        engine.clock.advance(Duration.ofSeconds(9));
        engine.delivery.deliverDue();
        assertThat(only().attempts()).isEqualTo(1);

        engine.clock.advance(Duration.ofSeconds(1));
        engine.delivery.deliverDue();
        assertThat(only().attempts()).isEqualTo(2);
    }

    @Test
    void the_vendor_receives_the_commands_stable_id() {
        engine.admin.load(draft());
        talkdesk("maria", "away");
        CommandId id = only().id();

        engine.delivery.deliverDue();

        assertThat(engine.vendors.omniCommands).containsExactly(id);
    }

    @Test
    void a_command_answered_later_is_in_flight_and_the_agents_next_command_waits_for_the_answer() {
        engine.admin.load(draft());
        engine.vendors.answersOmniLater = true;
        talkdesk("maria", "away");
        engine.delivery.deliverDue();
        CommandId away = engine.vendors.omniCommands.get(0);
        talkdesk("maria", "available");
        talkdesk("joao", "away");

        engine.delivery.deliverDue();

        assertThat(engine.vendors.calls)
                .as("maria's next command waits; joao's lane is free")
                .containsExactly("omni maria Away", "omni joao Away");
        assertThat(engine.delivery.answered(MARIA, away, CommandAnswer.ACCEPTED))
                .isTrue();
        engine.delivery.deliverDue();
        assertThat(engine.vendors.calls).containsExactly("omni maria Away", "omni joao Away", "omni maria Online");
        assertThat(engine.delivery.pending())
                .extracting(pending -> pending.command().agent().value() + " "
                        + pending.command().statusName())
                .as("still waiting for the vendor's answers")
                .containsExactly("maria Online", "joao Away");
    }

    @Test
    void a_later_refusal_or_expiry_ends_the_wait_for_the_echo() {
        engine.admin.load(draft());
        engine.vendors.answersOmniLater = true;
        talkdesk("maria", "away");
        talkdesk("joao", "away");
        engine.delivery.deliverDue();

        assertThat(engine.delivery.answered(
                        MARIA, engine.vendors.omniCommands.get(0), new CommandAnswer.Refused("OMNI_OFFLINE")))
                .isTrue();
        assertThat(engine.delivery.answered(
                        AgentId.of("joao"), engine.vendors.omniCommands.get(1), CommandAnswer.EXPIRED))
                .isTrue();

        assertThat(engine.delivery.pending()).isEmpty();
        assertThat(engine.queries.agents())
                .allSatisfy(session -> assertThat(session.expectedOmni()).isEmpty());
        assertThat(engine.facts())
                .filteredOn(fact -> fact instanceof Fact.CommandFailed || fact instanceof Fact.Expired)
                .extracting(fact -> fact.getClass().getSimpleName())
                .containsExactly("CommandFailed", "Expired");
    }

    @Test
    void a_status_the_vendor_no_longer_knows_is_said_so_and_its_echo_no_longer_awaited() {
        engine.admin.load(draft());
        engine.vendors.refuseWith = "Omni-Channel has no presence status 'Away' (renamed or deleted)";
        engine.vendors.refusesAsUnknown = true;
        talkdesk("maria", "away");

        engine.delivery.deliverDue();

        assertThat(engine.delivery.pending()).isEmpty();
        assertThat(engine.queries.agents())
                .allSatisfy(session -> assertThat(session.expectedOmni()).isEmpty());
        assertThat(engine.facts())
                .filteredOn(Fact.CommandFailed.class::isInstance)
                .singleElement()
                .satisfies(fact -> {
                    Fact.CommandFailed failed = (Fact.CommandFailed) fact;
                    assertThat(failed.failure()).isEqualTo(CommandFailure.UNKNOWN_AT_VENDOR);
                    assertThat(failed.command().statusName()).isEqualTo("Away");
                    assertThat(failed.reason()).contains("renamed or deleted");
                });
    }

    @Test
    void a_later_refusal_can_say_the_status_is_unknown_too() {
        engine.admin.load(draft());
        engine.vendors.answersOmniLater = true;
        talkdesk("maria", "away");
        engine.delivery.deliverDue();

        engine.delivery.answered(
                MARIA,
                engine.vendors.omniCommands.get(0),
                new CommandAnswer.Refused("no such status", VendorAnswer.Refused.Kind.UNKNOWN_STATUS));

        assertThat(engine.facts())
                .filteredOn(Fact.CommandFailed.class::isInstance)
                .extracting(fact -> ((Fact.CommandFailed) fact).failure())
                .containsExactly(CommandFailure.UNKNOWN_AT_VENDOR);
    }

    @Test
    void an_answer_for_a_command_that_is_not_the_agents_in_flight_changes_nothing() {
        engine.admin.load(draft());
        engine.vendors.answersOmniLater = true;
        talkdesk("maria", "away");
        engine.delivery.deliverDue();
        CommandId away = engine.vendors.omniCommands.get(0);

        assertThat(engine.delivery.answered(AgentId.of("joao"), away, CommandAnswer.ACCEPTED))
                .as("someone else's command")
                .isFalse();
        assertThat(engine.delivery.answered(MARIA, CommandId.of(9_999), CommandAnswer.ACCEPTED))
                .as("no such command")
                .isFalse();
        assertThat(engine.delivery.pending()).hasSize(1);
        assertThat(engine.delivery.answered(MARIA, away, CommandAnswer.ACCEPTED))
                .isTrue();
        assertThat(engine.delivery.answered(MARIA, away, CommandAnswer.ACCEPTED))
                .as("already answered")
                .isFalse();
    }

    @Test
    void the_loop_sends_what_waits_when_it_starts_and_what_a_commit_adds_afterwards() {
        engine.admin.load(draft());
        talkdesk("maria", "away");

        engine.loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.vendors.calls.contains("omni maria Away"));
        talkdesk("joao", "away");

        await().atMost(Duration.ofSeconds(5)).until(() -> engine.vendors.calls.contains("omni joao Away"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> engine.delivery.pending().isEmpty());
    }

    @Test
    void a_slow_vendor_never_slows_reporting() {
        engine.admin.load(draft());
        engine.vendors.gate = new CountDownLatch(1);
        engine.loop.start();

        talkdesk("maria", "away");
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.vendors.omniCommands.size() == 1);
        for (int i = 0; i < 10; i++) {
            talkdesk("joao", i % 2 == 0 ? "away" : "available");
        }

        assertThat(engine.queries.agent(AgentId.of("joao")).get().talkdeskStatus())
                .as("every report was decided and stored while the vendor held its first call")
                .isEqualTo(TalkdeskStatusId.AVAILABLE);
        assertThat(engine.vendors.calls).isEmpty();
        engine.vendors.gate.countDown();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> engine.delivery.pending().isEmpty());
        assertThat(engine.vendors.calls).contains("omni maria Away").last().isEqualTo("omni joao Online");
    }

    @Test
    void the_loop_tries_a_failed_command_again_once_its_backoff_is_over() {
        engine.admin.load(draft());
        engine.vendors.unreachable = true;
        engine.loop.start();
        talkdesk("maria", "away");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !engine.delivery.pending().isEmpty()
                        && engine.delivery.pending().head().attempts() == 1);

        engine.vendors.unreachable = false;
        engine.clock.advance(Duration.ofSeconds(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> engine.vendors.calls.contains("omni maria Away"));
    }
}
