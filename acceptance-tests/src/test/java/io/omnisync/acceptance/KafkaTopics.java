package io.omnisync.acceptance;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.kafka.admin.AdminChange;
import io.omnisync.adapters.kafka.codec.CommandCodec;
import io.omnisync.adapters.kafka.codec.CommandRecord;
import io.omnisync.adapters.kafka.codec.ConfigurationRecordCodec;
import io.omnisync.adapters.kafka.codec.EventCodec;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.codec.FactCodec;
import io.omnisync.adapters.kafka.codec.FactRecord;
import io.omnisync.adapters.kafka.codec.SessionRecord;
import io.omnisync.adapters.kafka.topology.RunningConfiguration;
import io.omnisync.adapters.kafka.topology.StoreNames;
import io.omnisync.adapters.kafka.topology.Topics;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.adapters.sandbox.SimulationClock;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.application.admin.ChangeIntegrationSettings;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.admin.LoadResult;
import io.omnisync.application.admin.SettingsResult;
import io.omnisync.application.audit.AuditEntry;
import io.omnisync.application.audit.AuditTrail;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.delivery.DeliveryReport;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.reporting.OmniPresenceChange;
import io.omnisync.application.reporting.ReportOmniPresenceChange;
import io.omnisync.application.reporting.ReportTalkdeskStatusChange;
import io.omnisync.application.reporting.ReportVendorEvent;
import io.omnisync.application.reporting.TalkdeskStatusChange;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.sync.Activation;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The topics of SPEC 13 on a {@link TopologyTestDriver}, and the driving ports of the {@code kafka} set built on
 * them: each one reads and writes records, as a service on Kafka does.
 *
 * <ul>
 *   <li>{@link Ingress}: a report is a record of {@code omnisync.events}, keyed by its agent and stamped with the
 *       configuration version the instance runs ({@code KafkaIngress}).
 *   <li>{@link Admin}: a change is decided by the domain first ({@link AdminChange}, as {@code ConfigurationPublisher}
 *       does), then written: the configuration record (its offset is the version), its fact, and an activation's
 *       reconciliations after them; a refusal writes only its fact ({@code KafkaAdmin}'s answers).
 *   <li>{@link Delivery}: commands read from {@code omnisync.commands.talkdesk} and {@code omnisync.commands.omni}
 *       are applied to the sandboxes as {@code TalkdeskDelivery} (a newer command for the agent behind it supersedes
 *       it; a refusal or an agent no longer configured is {@code command.failed}) and {@code OmniCommandFeed} (a
 *       refusal is {@code command.failed}) apply them; those answers are records of the events topic.
 *   <li>The audit trail is {@code omnisync.facts} read back through its codec; what the engine knows of agents is
 *       the {@code sessions} store and the global {@code configuration} store ({@code StreamsAgents}).
 * </ul>
 */
final class KafkaTopics {

    static final Topics TOPICS = Topics.OMNISYNC;

    private final TopologyTestDriver driver;
    private final SimulationClock clock;
    private final ConfigurationRecordCodec configurationCodec =
            new ConfigurationRecordCodec(new JsonConfigurationCodec());
    private final TestInputTopic<String, byte[]> events;
    private final TestInputTopic<String, byte[]> configurationTopic;
    private final TestOutputTopic<String, byte[]> talkdeskCommands;
    private final TestOutputTopic<String, byte[]> omniCommands;
    private final TestOutputTopic<String, byte[]> factsTopic;

    /** The facts topic as read so far (the topology's facts and the admin's), in order. */
    private final java.util.List<FactRecord> facts = new ArrayList<>();
    /** Commands read from the commands topics and not yet applied to a vendor, in order. */
    private final Deque<CommandRecord> commands = new ArrayDeque<>();
    /** The next offset of the configuration topic: the version the next configuration record gets. */
    private long nextConfigurationOffset;

    KafkaTopics(TopologyTestDriver driver, SimulationClock clock) {
        this.driver = driver;
        this.clock = clock;
        StringSerializer keys = new StringSerializer();
        ByteArraySerializer values = new ByteArraySerializer();
        events = driver.createInputTopic(TOPICS.events(), keys, values);
        configurationTopic = driver.createInputTopic(TOPICS.configuration(), keys, values);
        StringDeserializer readKeys = new StringDeserializer();
        ByteArrayDeserializer readValues = new ByteArrayDeserializer();
        talkdeskCommands = driver.createOutputTopic(TOPICS.talkdeskCommands(), readKeys, readValues);
        omniCommands = driver.createOutputTopic(TOPICS.omniCommands(), readKeys, readValues);
        factsTopic = driver.createOutputTopic(TOPICS.facts(), readKeys, readValues);
    }

    Ingress ingress() {
        return new Ingress();
    }

    Admin admin() {
        return new Admin();
    }

    Delivery delivery(TalkdeskSandbox talkdesk, SalesforceSandbox salesforce) {
        return new Delivery(talkdesk, salesforce);
    }

    QueryAgents agents() {
        return new Agents();
    }

    AuditTrail audit() {
        return new Audit();
    }

    // ---- writing and reading records -------------------------------------------------------------------------

    /** Writes a record of the events topic (key: its agent) and reads what the topology wrote for it. */
    private Written write(EventRecord record) {
        events.pipeInput(record.agent().value(), EventCodec.encode(record), clock.instant());
        return readOutputs();
    }

    /** What the topology wrote since the last read: its commands wait for delivery, its facts join the audit. */
    private Written readOutputs() {
        java.util.List<CommandRecord> decided = new ArrayList<>();
        decided.addAll(read(talkdeskCommands));
        decided.addAll(read(omniCommands));
        // an agent's commands of one decision are numbered in the order decided; the two topics lose that order
        decided.sort(Comparator.comparingLong(KafkaTopics::sequence));
        commands.addAll(decided);
        java.util.List<FactRecord> written = new ArrayList<>();
        for (KeyValue<String, byte[]> record : factsTopic.readKeyValuesToList()) {
            written.add(FactCodec.decode(record.value)
                    .getOrElseThrow(
                            problem -> new AssertionError("a record of the facts topic does not read: " + problem)));
        }
        facts.addAll(written);
        return new Written(List.ofAll(decided).map(CommandRecord::command), List.ofAll(written));
    }

    /**
     * A fact written to the facts topic by someone other than the topology (the admin, the ingress), after what
     * the topology wrote so far; it is read back through the codec as every record of the topic is.
     */
    private void writeFact(FactRecord fact) {
        readOutputs();
        facts.add(FactCodec.decode(FactCodec.encode(fact))
                .getOrElseThrow(problem -> new AssertionError("a fact does not read back: " + problem)));
    }

    private static java.util.List<CommandRecord> read(TestOutputTopic<String, byte[]> topic) {
        java.util.List<CommandRecord> read = new ArrayList<>();
        for (KeyValue<String, byte[]> record : topic.readKeyValuesToList()) {
            CommandRecord command = CommandCodec.decode(record.value)
                    .getOrElseThrow(problem -> new AssertionError("a command does not read: " + problem));
            if (!command.command().agent().value().equals(record.key)) {
                throw new AssertionError("command " + command.commandId() + " is keyed " + record.key
                        + ", not by its agent " + command.command().agent());
            }
            read.add(command);
        }
        return read;
    }

    /** The count in a command id ({@code maria-3}), which orders an agent's commands. */
    private static long sequence(CommandRecord command) {
        String id = command.commandId();
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }

    /** The commands and facts the topology wrote for one record. */
    private record Written(Seq<Command> commands, Seq<FactRecord> facts) {
        Seq<Fact> decidedFacts() {
            return facts.filter(FactRecord.Decided.class::isInstance)
                    .map(record -> ((FactRecord.Decided) record).fact());
        }
    }

    // ---- the configuration, from the global store ------------------------------------------------------------

    /**
     * The configuration the topology runs: the global store's one entry, the version (the record's offset)
     * followed by the configuration record, read back and validated as {@code RunningConfiguration} does.
     */
    private RunningConfiguration.Versioned running() {
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(StoreNames.CONFIGURATION);
        byte[] stored = store.get("configuration");
        if (stored == null) {
            return RunningConfiguration.NONE;
        }
        long version = ByteBuffer.wrap(stored, 0, Long.BYTES).getLong();
        Configuration configuration = configurationCodec
                .decode(Arrays.copyOfRange(stored, Long.BYTES, stored.length))
                .flatMap(record ->
                        Configuration.validate(record.draft()).toEither().mapLeft(problems -> problems.mkString("; ")))
                .getOrElseThrow(problem -> new AssertionError(
                        "the configuration store holds version " + version + ", which does not read back: " + problem));
        return new RunningConfiguration.Versioned(version, configuration);
    }

    // ---- the driving ports -----------------------------------------------------------------------------------

    /** The vendors' webhooks as records of the events topic, stamped with the version the instance runs. */
    final class Ingress implements ReportVendorEvent, ReportTalkdeskStatusChange, ReportOmniPresenceChange {

        @Override
        public Either<Fact.Skipped, AgentDecision> report(AgentEvent event) {
            Written written = write(new EventRecord.Reported(event, running().version()));
            Option<AgentSession> session = new Agents().agent(event.agent());
            if (session.isEmpty()) {
                return Either.left(written.decidedFacts()
                        .filter(Fact.Skipped.class::isInstance)
                        .map(Fact.Skipped.class::cast)
                        .headOption()
                        .getOrElseThrow(() -> new AssertionError("no fact about " + event.id() + " for " + event.agent()
                                + ", whom the configuration does not have")));
            }
            return Either.right(new AgentDecision(session.get(), written.commands(), written.decidedFacts()));
        }

        @Override
        public void talkdeskStatusChanged(TalkdeskStatusChange change) {
            report(change.toEvent());
        }

        @Override
        public void omniPresenceChanged(OmniPresenceChange change) {
            report(change.toEvent());
        }
    }

    /** Admin changes as configuration records, decided by the domain before anything is written. */
    final class Admin implements LoadConfiguration, ChangeIntegrationSettings {

        @Override
        public LoadResult load(ConfigurationDraft draft) {
            Either<Fact, AdminChange> decided = AdminChange.replace(latest(), draft);
            if (decided.isLeft()) {
                refused(decided.getLeft());
                return new LoadResult.Rejected(((Fact.ConfigurationRejected) decided.getLeft()).problems());
            }
            return new LoadResult.Applied(publish(decided.get()), List.empty());
        }

        @Override
        public SettingsResult change(SettingsChange change) {
            Either<Fact, AdminChange> decided = AdminChange.change(latest(), change);
            if (decided.isLeft()) {
                refused(decided.getLeft());
                return new SettingsResult.Refused(((Fact.Refused) decided.getLeft()).refusal());
            }
            return new SettingsResult.Applied(publish(decided.get()).settings(), List.empty());
        }

        /** The dry run, from what the stores know of each agent (as {@code KafkaAdmin} plans it). */
        @Override
        public Seq<AgentDecision> planActivation() {
            QueryAgents agents = new Agents();
            Configuration configuration = agents.configuration();
            return agents.agents()
                    .map(session -> Activation.reconcile(
                            configuration, configuration.agent(session.agent()).get(), session));
        }

        /**
         * The last configuration record of the topic, as the publisher reads it before deciding: the global store
         * has it too, since the driver applies each record as it is written.
         */
        private RunningConfiguration.Versioned latest() {
            return running();
        }

        /** The refusal's fact, the only record a refused change writes. */
        private void refused(Fact fact) {
            writeFact(new FactRecord.Decided(fact, latest().version(), clock.instant()));
        }

        /** The configuration record, its fact, then an activation's reconciliations, each decided in turn. */
        private Configuration publish(AdminChange change) {
            long version = nextConfigurationOffset++;
            configurationTopic.pipeInput("configuration", configurationCodec.encode(change.record()), clock.instant());
            readOutputs();
            writeFact(new FactRecord.Decided(change.fact(), version, clock.instant()));
            change.reconciliations(version).forEach(KafkaTopics.this::write);
            return change.configuration();
        }
    }

    /** The commands topics' consumers: Talkdesk's delivery and the consoles' feed, on the sandboxes. */
    final class Delivery implements DeliverCommands {

        private final TalkdeskSandbox talkdesk;
        private final SalesforceSandbox salesforce;
        private long omniOffset;

        Delivery(TalkdeskSandbox talkdesk, SalesforceSandbox salesforce) {
            this.talkdesk = talkdesk;
            this.salesforce = salesforce;
        }

        @Override
        public DeliveryReport deliverDue() {
            DeliveryReport report = DeliveryReport.NOTHING;
            while (!commands.isEmpty()) {
                CommandRecord head = commands.removeFirst();
                report = report.plus(deliver(head.command()));
            }
            return report;
        }

        @Override
        public DeliveryReport resendNow() {
            return deliverDue();
        }

        @Override
        public Seq<PendingCommand> pending() {
            return List.ofAll(commands)
                    .zipWithIndex()
                    .map(waiting ->
                            new PendingCommand(CommandId.of(waiting._2), waiting._1.command(), 0, Option.none()));
        }

        private DeliveryReport deliver(Command command) {
            Option<Agent> agent = running().configuration().agent(command.agent());
            if (command instanceof Command.SetTalkdeskStatus toTalkdesk) {
                Option<Command> newer = newerFor(command);
                if (newer.isDefined()) {
                    write(new EventRecord.CommandSuperseded(command, newer.get()));
                    return new DeliveryReport(0, 0, 0, 1, commands.size());
                }
                if (agent.isEmpty()) {
                    write(new EventRecord.CommandFailed(command, "no agent '" + command.agent() + "' to send it to"));
                    return new DeliveryReport(0, 1, 0, 0, commands.size());
                }
                return answered(command, talkdesk.setAgentStatus(agent.get(), toTalkdesk.status()));
            }
            Command.SetOmniStatus toOmni = (Command.SetOmniStatus) command;
            if (agent.isEmpty()) {
                // the feed hands nothing to a console of an agent the running configuration no longer has
                return DeliveryReport.NOTHING;
            }
            CommandId id = CommandId.of(omniOffset++);
            return answered(command, salesforce.setPresenceStatus(id, agent.get(), toOmni.status()));
        }

        private DeliveryReport answered(Command command, VendorAnswer answer) {
            if (answer instanceof VendorAnswer.Refused refused) {
                write(EventRecord.CommandFailed.of(command, refused));
                return new DeliveryReport(0, 1, 0, 0, commands.size());
            }
            return new DeliveryReport(1, 0, 0, 0, commands.size());
        }

        /** The latest command for the same agent to the same vendor read after {@code command}, if any. */
        private Option<Command> newerFor(Command command) {
            Option<Command> newer = Option.none();
            for (CommandRecord waiting : commands) {
                if (waiting.command() instanceof Command.SetTalkdeskStatus
                        && waiting.command().agent().equals(command.agent())) {
                    newer = Option.some(waiting.command());
                }
            }
            return newer;
        }
    }

    /** What the engine knows of agents: the sessions store, and the configuration from the global store. */
    final class Agents implements QueryAgents {

        @Override
        public Configuration configuration() {
            RunningConfiguration.Versioned running = running();
            if (running.version() == RunningConfiguration.NONE.version()) {
                throw new IllegalStateException("the configuration topic has no configuration yet");
            }
            return running.configuration();
        }

        @Override
        public Option<AgentSession> agent(AgentId agent) {
            return configuration().agent(agent).map(this::session);
        }

        @Override
        public Seq<AgentSession> agents() {
            return configuration().agents().values().toList().map(this::session);
        }

        private AgentSession session(Agent agent) {
            KeyValueStore<String, SessionRecord> sessions = driver.getKeyValueStore(StoreNames.SESSIONS);
            SessionRecord stored = sessions.get(agent.id().value());
            return stored == null ? AgentSession.of(agent) : stored.session();
        }
    }

    /** The facts topic, read back through its codec; the ingress's own facts are written there too. */
    final class Audit implements AuditTrail {

        @Override
        public void record(Seq<Fact> recorded) {
            long version = running().version();
            recorded.forEach(fact -> writeFact(new FactRecord.Decided(fact, version, clock.instant())));
        }

        @Override
        public Seq<AuditEntry> recent(int limit) {
            return entries(Option.none()).takeRight(limit);
        }

        @Override
        public Seq<AuditEntry> of(AgentId agent, int limit) {
            return entries(Option.some(agent)).takeRight(limit);
        }

        private Seq<AuditEntry> entries(Option<AgentId> about) {
            readOutputs();
            return List.ofAll(facts)
                    .filter(FactRecord.Decided.class::isInstance)
                    .map(FactRecord.Decided.class::cast)
                    .filter(decided -> about.isEmpty() || decided.fact().about().equals(about))
                    .map(decided -> new AuditEntry(decided.at(), decided.fact()));
        }
    }
}
