package io.omnisync.adapters.kafka.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.kafka.codec.CommandRecord;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.codec.FactRecord;
import io.omnisync.adapters.kafka.codec.SessionRecord;
import io.omnisync.adapters.kafka.codec.Unreadable;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviours of SPEC 4 through the topology's topics, on Kafka's test driver: reports in, commands and
 * facts out, admin changes as configuration records, in the order each agent's records come.
 */
class TopologyTest {

    @TempDir
    Path state;

    TopologyHarness kafka;

    @BeforeEach
    void start() {
        kafka = new TopologyHarness(state);
    }

    @AfterEach
    void stop() {
        kafka.close();
    }

    @Nested
    class WithSyncOn {

        long version;

        @BeforeEach
        void running() {
            version = kafka.replace(ContactCenter.syncOn());
            kafka.drain();
        }

        @Test
        void a_talkdesk_change_becomes_one_omni_command_for_the_agent() {
            String event = kafka.talkdesk("maria", "lunch");

            List<CommandRecord> commands = kafka.omniCommands();
            assertThat(commands).hasSize(1);
            CommandRecord command = commands.get(0);
            assertThat(command.command())
                    .isEqualTo(new Command.SetOmniStatus(
                            AgentId.of("maria"), PresenceStatusId.of("Lunch_Break"), Because.MAPPING));
            assertThat(command.commandId()).isEqualTo("maria-1");
            assertThat(command.configurationVersion()).isEqualTo(version);
            assertThat(command.cause()).contains(event);
            assertThat(kafka.talkdeskCommands()).isEmpty();
            assertThat(kafka.facts())
                    .singleElement()
                    .isEqualTo(new FactRecord.Decided(new Fact.Synced(command.command()), version, kafka.lastAt()));
        }

        @Test
        void an_omni_change_becomes_one_talkdesk_command() {
            kafka.omni("maria", "Chat_Only");

            assertThat(kafka.talkdeskSent()).containsExactly("maria:chat_only");
            assertThat(kafka.omniSent()).isEmpty();
        }

        @Test
        void the_echo_of_a_command_sends_nothing() {
            kafka.talkdesk("maria", "lunch");
            kafka.omni("maria", "Lunch_Break");
            kafka.omni("joao", "Chat_Only");
            kafka.talkdesk("joao", "chat_only");

            assertThat(kafka.omniSent()).containsExactly("maria:Lunch_Break");
            assertThat(kafka.talkdeskSent()).containsExactly("joao:chat_only");
            assertThat(kafka.skipped()).containsExactly("maria:ECHO", "joao:ECHO");
        }

        @Test
        void a_redelivered_event_is_ignored() {
            kafka.talkdesk("maria", "lunch");
            EventRecord again = kafka.last();
            kafka.redeliver(again);

            assertThat(kafka.omniSent()).containsExactly("maria:Lunch_Break");
            assertThat(kafka.skipped()).containsExactly("maria:DUPLICATE");
        }

        @Test
        void an_event_older_than_the_latest_from_its_vendor_is_ignored() {
            kafka.talkdeskAt("maria", "lunch", TopologyHarness.NINE.plusSeconds(10));
            kafka.talkdeskAt("maria", "chat_only", TopologyHarness.NINE.plusSeconds(5));

            assertThat(kafka.omniSent()).containsExactly("maria:Lunch_Break");
            assertThat(kafka.skipped()).containsExactly("maria:STALE");
        }

        @Test
        void a_configuration_replacement_applies_from_the_agent_s_next_record_on() {
            kafka.talkdesk("maria", "lunch");
            long replaced = kafka.replace(ContactCenter.draft(
                    ContactCenter.syncOnText().replace("\"lunch\": \"Lunch_Break\"", "\"lunch\": \"Away_from_Desk\"")));
            kafka.talkdesk("maria", "available");
            kafka.talkdesk("maria", "lunch");

            List<CommandRecord> commands = kafka.omniCommands();
            assertThat(commands)
                    .extracting(command -> command.command().statusName())
                    .containsExactly("Lunch_Break", "Available_for_Calls", "Away_from_Desk");
            assertThat(commands)
                    .extracting(CommandRecord::configurationVersion)
                    .containsExactly(version, replaced, replaced);
            assertThat(commands).extracting(CommandRecord::commandId).containsExactly("maria-1", "maria-2", "maria-3");
            SessionRecord session = kafka.session("maria");
            assertThat(session.configurationVersion()).isEqualTo(replaced);
            assertThat(session.session().talkdeskStatus()).isEqualTo(TalkdeskStatusId.of("lunch"));
        }

        @Test
        void a_record_that_needs_a_newer_configuration_waits_and_the_agent_s_later_ones_wait_behind_it() {
            long next = kafka.nextVersion();
            kafka.talkdeskKnowing("maria", "lunch", next);
            kafka.talkdesk("maria", "available");
            kafka.talkdesk("joao", "lunch");

            assertThat(kafka.omniSent())
                    .as("only joao, whose records need nothing newer")
                    .containsExactly("joao:Lunch_Break");

            kafka.replace(ContactCenter.draft(
                    ContactCenter.syncOnText().replace("\"lunch\": \"Lunch_Break\"", "\"lunch\": \"Away_from_Desk\"")));
            kafka.waitABit();

            List<CommandRecord> commands = kafka.omniCommands();
            assertThat(commands)
                    .extracting(command ->
                            command.command().agent() + ":" + command.command().statusName())
                    .containsExactly("maria:Away_from_Desk", "maria:Available_for_Calls");
            assertThat(commands).extracting(CommandRecord::configurationVersion).containsOnly(next);
        }

        @Test
        void an_agent_s_records_wait_for_the_configuration_her_session_was_decided_under() {
            // a failover onto an instance whose copy of the configuration topic is behind the agent's session
            SessionRecord ahead = new SessionRecord(
                    kafka.session("joao").session(),
                    kafka.nextVersion(),
                    kafka.session("joao").commands());
            kafka.putSession("joao", ahead);
            kafka.talkdesk("joao", "lunch");

            assertThat(kafka.omniSent()).isEmpty();

            kafka.replace(ContactCenter.syncOn());
            kafka.waitABit();

            assertThat(kafka.omniSent()).containsExactly("joao:Lunch_Break");
        }

        @Test
        void a_vendor_s_refusal_ends_the_wait_for_the_echo() {
            kafka.talkdesk("maria", "lunch");
            Command asked = kafka.omniCommands().get(0).command();
            kafka.pipe(new EventRecord.CommandFailed(asked, "the agent's console refused it"));
            kafka.omni("maria", "Lunch_Break");

            assertThat(kafka.talkdeskSent())
                    .as("no longer an echo: the agent picked it herself, and Talkdesk follows")
                    .containsExactly("maria:away");
            assertThat(kafka.facts())
                    .filteredOn(FactRecord.Decided.class::isInstance)
                    .extracting(record ->
                            ((FactRecord.Decided) record).fact().getClass().getSimpleName())
                    .containsExactly("Synced", "CommandFailed", "Synced");
        }

        @Test
        void a_record_keyed_otherwise_is_keyed_by_its_agent_first() {
            kafka.pipe("td-1001", kafka.encoded("maria", "lunch"));
            kafka.pipe(null, kafka.encoded("maria", "chat_only"));

            assertThat(kafka.omniSent()).containsExactly("maria:Lunch_Break", "maria:Chat_Only");
        }

        @Test
        void an_unreadable_record_becomes_a_fact_and_the_agent_s_next_records_are_decided() {
            kafka.pipe("maria", "not json".getBytes(StandardCharsets.UTF_8));
            kafka.pipe(
                    "maria",
                    "{\"v\":2,\"type\":\"omni.mood\",\"id\":\"x\",\"agent\":\"maria\"}"
                            .getBytes(StandardCharsets.UTF_8));
            kafka.talkdesk("maria", "lunch");

            List<FactRecord> facts = kafka.facts();
            assertThat(facts)
                    .filteredOn(FactRecord.Unused.class::isInstance)
                    .extracting(fact -> ((FactRecord.Unused) fact).why().code())
                    .containsExactly(Unreadable.UNREADABLE_RECORD, Unreadable.UNKNOWN_EVENT_TYPE);
            FactRecord.Unused first = (FactRecord.Unused) facts.get(0);
            assertThat(first.topic()).isEqualTo("omnisync.events");
            assertThat(first.key()).contains("maria");
            assertThat(kafka.omniSent()).containsExactly("maria:Lunch_Break");
        }

        @Test
        void an_agent_the_configuration_does_not_have_is_recorded_and_nothing_is_sent() {
            kafka.talkdesk("zoe", "lunch");

            assertThat(kafka.skipped()).containsExactly("zoe:UNKNOWN_AGENT");
            assertThat(kafka.omniSent()).isEmpty();
            assertThat(kafka.session("zoe")).isNull();
        }

        @Test
        void an_agent_a_replacement_removed_is_forgotten_and_starts_afresh_when_she_comes_back() {
            kafka.talkdesk("joao", "lunch");
            kafka.replace(
                    ContactCenter.draft(ContactCenter.syncOnText().replace("\"id\": \"joao\"", "\"id\": \"jo\"")));
            kafka.talkdesk("joao", "available");
            assertThat(kafka.session("joao")).isNull();

            kafka.replace(ContactCenter.syncOn());
            kafka.talkdesk("joao", "lunch");

            assertThat(kafka.skipped()).containsExactly("joao:UNKNOWN_AGENT");
            assertThat(kafka.omniSent())
                    .as("each replacement adds an agent while sync is on, reconciled alone (SPEC 4.2): jo, then joao "
                            + "back as configured (away, Available_for_Calls); lunch is then a change again, not "
                            + "UNCHANGED")
                    .containsExactly(
                            "joao:Lunch_Break", "jo:Away_from_Desk", "joao:Away_from_Desk", "joao:Lunch_Break");
        }

        @Test
        void a_configuration_record_that_does_not_validate_is_not_applied() {
            String unknownStatus =
                    ContactCenter.syncOnText().replace("\"lunch\": \"Lunch_Break\"", "\"lunch\": \"Nap\"");
            kafka.writeConfiguration(("{\"v\":1,\"change\":\"replace\",\"configuration\":" + unknownStatus + "}")
                    .getBytes(StandardCharsets.UTF_8));
            kafka.talkdesk("maria", "lunch");

            List<CommandRecord> commands = kafka.omniCommands();
            assertThat(commands)
                    .extracting(command -> command.command().statusName())
                    .containsExactly("Lunch_Break");
            assertThat(commands.get(0).configurationVersion()).isEqualTo(version);
        }
    }

    @Nested
    class Activation {

        @Test
        void starting_with_sync_on_reconciles_every_agent_and_leaves_those_already_in_place_alone() {
            long version = kafka.replace(ContactCenter.syncOn());

            List<CommandRecord> commands = kafka.omniCommands();
            assertThat(commands)
                    .extracting(CommandRecord::command)
                    .containsExactly(new Command.SetOmniStatus(
                            AgentId.of("joao"), PresenceStatusId.of("Away_from_Desk"), Because.ACTIVATION));
            assertThat(commands.get(0).cause()).contains("activation-" + version);
            assertThat(kafka.skipped()).containsExactly("maria:CONSISTENT", "ana:OMNI_OFFLINE");
        }

        @Test
        void turning_sync_on_reconciles_each_agent_in_order_with_her_own_events() {
            kafka.replace(ContactCenter.syncOff());
            kafka.talkdesk("joao", "lunch");
            assertThat(kafka.skipped()).containsExactly("joao:SYNC_OFF");

            long on = kafka.change(new SettingsChange.ToggleSync(true, false, TopologyHarness.NINE));
            kafka.talkdesk("joao", "chat_only");

            List<CommandRecord> commands = kafka.omniCommands();
            assertThat(commands)
                    .extracting(command -> command.command().statusName() + " "
                            + command.command().because())
                    .containsExactly("Lunch_Break activation", "Chat_Only mapping");
            assertThat(commands).extracting(CommandRecord::configurationVersion).containsOnly(on);
            assertThat(kafka.skipped()).containsExactly("maria:CONSISTENT", "ana:OMNI_OFFLINE");
        }

        @Test
        void reconciliations_that_reach_an_instance_before_its_configuration_does_wait_for_it() {
            kafka.replace(ContactCenter.syncOff());
            kafka.changeSeenLate(new SettingsChange.ToggleSync(true, false, TopologyHarness.NINE));
            kafka.talkdesk("joao", "lunch");

            assertThat(kafka.omniSent())
                    .as("joao's reconciliation and his later report wait")
                    .isEmpty();

            kafka.waitABit();

            assertThat(kafka.omniSent()).containsExactly("joao:Away_from_Desk", "joao:Lunch_Break");
        }

        @Test
        void with_sync_off_reports_update_what_is_known_and_send_nothing() {
            kafka.replace(ContactCenter.syncOff());
            kafka.talkdesk("maria", "lunch");
            kafka.omni("joao", "Chat_Only");

            assertThat(kafka.omniSent()).isEmpty();
            assertThat(kafka.talkdeskSent()).isEmpty();
            assertThat(kafka.skipped()).containsExactly("maria:SYNC_OFF", "joao:SYNC_OFF");
            assertThat(kafka.session("maria").session().talkdeskStatus()).isEqualTo(TalkdeskStatusId.of("lunch"));
        }
    }

    @Test
    void before_any_configuration_every_agent_is_unknown() {
        kafka.talkdesk("maria", "lunch");

        assertThat(kafka.skipped()).containsExactly("maria:UNKNOWN_AGENT");
    }
}
