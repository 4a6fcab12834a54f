package io.omnisync.adapters.kafka.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.kafka.admin.AdminChange;
import io.omnisync.adapters.kafka.codec.CommandCodec;
import io.omnisync.adapters.kafka.codec.CommandRecord;
import io.omnisync.adapters.kafka.codec.ConfigurationRecord;
import io.omnisync.adapters.kafka.codec.ConfigurationRecordCodec;
import io.omnisync.adapters.kafka.codec.EventCodec;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.codec.FactCodec;
import io.omnisync.adapters.kafka.codec.FactRecord;
import io.omnisync.adapters.kafka.codec.SessionRecord;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Fact;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
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
 * The topology on Kafka's {@link TopologyTestDriver}, spoken to through its topics only: vendor reports in
 * (each with its own id and instant), admin changes written the way the publisher writes them (the record the
 * domain decided, its offset the version, reconciliations after it), and commands and facts read back.
 */
final class TopologyHarness implements AutoCloseable {

    static final Instant NINE = Instant.parse("2026-01-05T21:00:00Z");

    private final Topics topics = Topics.OMNISYNC;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> events;
    private final TestInputTopic<String, byte[]> configuration;
    private final TestOutputTopic<String, byte[]> talkdesk;
    private final TestOutputTopic<String, byte[]> omni;
    private final TestOutputTopic<String, byte[]> facts;
    private final ConfigurationRecordCodec codec = new ConfigurationRecordCodec(new JsonConfigurationCodec());
    private RunningConfiguration.Versioned running = RunningConfiguration.NONE;
    private long configurationOffset;
    private int eventCount;
    private Instant clock = NINE;
    private EventRecord last;

    TopologyHarness(Path stateDirectory) {
        Properties config = OmnisyncStreams.config("dummy:9092", stateDirectory);
        driver = new TopologyTestDriver(
                OmnisyncTopology.build(topics, new JsonConfigurationCodec()), config, NINE.minusSeconds(3600));
        events = driver.createInputTopic(topics.events(), new StringSerializer(), new ByteArraySerializer());
        configuration =
                driver.createInputTopic(topics.configuration(), new StringSerializer(), new ByteArraySerializer());
        talkdesk = driver.createOutputTopic(
                topics.talkdeskCommands(), new StringDeserializer(), new ByteArrayDeserializer());
        omni = driver.createOutputTopic(topics.omniCommands(), new StringDeserializer(), new ByteArrayDeserializer());
        facts = driver.createOutputTopic(topics.facts(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    // ---- admin changes, as the publisher writes them -----------------------------------------------------------

    /** Replaces the configuration; the version it gets (its offset). */
    long replace(ConfigurationDraft draft) {
        return apply(AdminChange.replace(running, draft));
    }

    long change(SettingsChange change) {
        return apply(AdminChange.change(running, change));
    }

    private long apply(Either<Fact, AdminChange> decided) {
        AdminChange change = accepted(decided);
        long version = configurationOffset++;
        configuration.pipeInput("configuration", codec.encode(change.record()), clock);
        running = new RunningConfiguration.Versioned(version, change.configuration());
        change.reconciliations(version).forEach(this::pipe);
        return version;
    }

    /**
     * The same change, as an instance whose copy of the configuration topic is behind sees it: the records
     * written after the configuration record (the reconciliations) reach its stream thread first.
     */
    long changeSeenLate(SettingsChange settings) {
        AdminChange change = accepted(AdminChange.change(running, settings));
        long version = configurationOffset++;
        change.reconciliations(version).forEach(this::pipe);
        configuration.pipeInput("configuration", codec.encode(change.record()), clock);
        running = new RunningConfiguration.Versioned(version, change.configuration());
        return version;
    }

    /** The version the next configuration record will have (its offset). */
    long nextVersion() {
        return configurationOffset;
    }

    /** Writes a configuration record the domain did not validate (somebody else's). */
    void writeConfiguration(byte[] value) {
        configurationOffset++;
        configuration.pipeInput("configuration", value, clock);
    }

    private static AdminChange accepted(Either<Fact, AdminChange> decided) {
        assertThat(decided.isRight())
                .as("the domain accepts the admin change: %s", decided)
                .isTrue();
        return decided.get();
    }

    // ---- vendor reports ----------------------------------------------------------------------------------------

    String talkdesk(String agent, String status) {
        return report(id -> new AgentEvent.TalkdeskStatusReported(
                EventId.of(id), AgentId.of(agent), tick(), TalkdeskStatusId.of(status)));
    }

    String omni(String agent, String status) {
        return report(id ->
                new AgentEvent.OmniStatusReported(EventId.of(id), AgentId.of(agent), tick(), OmniStatus.parse(status)));
    }

    /** A report that happened at {@code at} (a vendor's clock), delivered now. */
    String talkdeskAt(String agent, String status, Instant at) {
        return report(
                id -> new AgentEvent.TalkdeskStatusReported(
                        EventId.of(id), AgentId.of(agent), at, TalkdeskStatusId.of(status)),
                ConfigurationRecord.NONE);
    }

    /** A report taken by an ingress that knew configuration version {@code version}. */
    String talkdeskKnowing(String agent, String status, long version) {
        return report(
                id -> new AgentEvent.TalkdeskStatusReported(
                        EventId.of(id), AgentId.of(agent), tick(), TalkdeskStatusId.of(status)),
                version);
    }

    private String report(Function<String, AgentEvent> event) {
        return report(event, ConfigurationRecord.NONE);
    }

    private String report(Function<String, AgentEvent> event, long version) {
        String id = "evt-" + ++eventCount;
        pipe(new EventRecord.Reported(event.apply(id), version));
        return id;
    }

    /** The same record again: a vendor's redelivery. */
    void redeliver(EventRecord record) {
        pipe(record);
    }

    void pipe(EventRecord record) {
        last = record;
        events.pipeInput(record.agent().value(), EventCodec.encode(record), clock);
    }

    /** The last record written to the events topic. */
    EventRecord last() {
        return last;
    }

    /** The instant of the last record written (facts carry it). */
    Instant lastAt() {
        return clock;
    }

    /** A Talkdesk report's value, to write with some other key. */
    byte[] encoded(String agent, String status) {
        return EventCodec.encode(new EventRecord.Reported(
                new AgentEvent.TalkdeskStatusReported(
                        EventId.of("evt-" + ++eventCount), AgentId.of(agent), tick(), TalkdeskStatusId.of(status)),
                ConfigurationRecord.NONE));
    }

    /** A value written with some other key (a relay keyed by the vendor's user id, or no key). */
    void pipe(String key, byte[] value) {
        events.pipeInput(key, value, clock);
    }

    /** Lets wall-clock time pass (the parked records are looked at again). */
    void waitABit() {
        driver.advanceWallClockTime(Duration.ofMillis(200));
    }

    private Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    // ---- what came out -----------------------------------------------------------------------------------------

    List<CommandRecord> omniCommands() {
        return commands(omni);
    }

    List<CommandRecord> talkdeskCommands() {
        return commands(talkdesk);
    }

    /** The commands for Omni-Channel as {@code agent:status}, for short assertions. */
    List<String> omniSent() {
        return omniCommands().stream()
                .map(command ->
                        command.command().agent() + ":" + command.command().statusName())
                .toList();
    }

    List<String> talkdeskSent() {
        return talkdeskCommands().stream()
                .map(command ->
                        command.command().agent() + ":" + command.command().statusName())
                .toList();
    }

    List<FactRecord> facts() {
        return facts.readKeyValuesToList().stream()
                .map(record -> FactCodec.decode(record.value)
                        .getOrElseThrow(problem -> new AssertionError("a fact does not read: " + problem)))
                .toList();
    }

    /** The facts about agents' skipped events as {@code agent:REASON}. */
    List<String> skipped() {
        return facts().stream()
                .filter(FactRecord.Decided.class::isInstance)
                .map(record -> ((FactRecord.Decided) record).fact())
                .filter(Fact.Skipped.class::isInstance)
                .map(fact -> ((Fact.Skipped) fact).agent() + ":" + ((Fact.Skipped) fact).reason())
                .toList();
    }

    void drain() {
        omni.readKeyValuesToList();
        talkdesk.readKeyValuesToList();
        facts.readKeyValuesToList();
    }

    /** Puts a session into the store directly (what a failover onto a lagging instance would find). */
    void putSession(String agent, SessionRecord session) {
        KeyValueStore<String, SessionRecord> sessions = driver.getKeyValueStore(StoreNames.SESSIONS);
        sessions.put(agent, session);
    }

    SessionRecord session(String agent) {
        KeyValueStore<String, SessionRecord> sessions = driver.getKeyValueStore(StoreNames.SESSIONS);
        return sessions.get(agent);
    }

    private static List<CommandRecord> commands(TestOutputTopic<String, byte[]> topic) {
        return topic.readKeyValuesToList().stream()
                .map(TopologyHarness::command)
                .toList();
    }

    private static CommandRecord command(KeyValue<String, byte[]> record) {
        CommandRecord command = CommandCodec.decode(record.value)
                .getOrElseThrow(problem -> new AssertionError("a command does not read: " + problem));
        assertThat(record.key)
                .as("a command is keyed by its agent")
                .isEqualTo(command.command().agent().value());
        return command;
    }

    @Override
    public void close() {
        driver.close();
    }
}
