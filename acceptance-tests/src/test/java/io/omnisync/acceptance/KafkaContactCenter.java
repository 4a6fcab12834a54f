package io.omnisync.acceptance;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.kafka.topology.OmnisyncStreams;
import io.omnisync.adapters.kafka.topology.OmnisyncTopology;
import io.omnisync.adapters.sandbox.FaultPlan;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.adapters.sandbox.Simulation;
import io.omnisync.adapters.sandbox.SimulationClock;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.adapters.sandbox.VendorDeliveries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A scenario's contact center in the {@code kafka} set: the Kafka Streams topology of SPEC 13 ({@code
 * adapters/kafka-streams}) on Kafka's {@link TopologyTestDriver}, no broker, between the sandboxes. Every part
 * talks to it through its topics only ({@link KafkaTopics}): the vendors' reports are records of the events topic
 * stamped with the configuration version the ingress knew; the admin's changes are decided by the domain first
 * and written as configuration records (refusals write only their fact), with an activation's reconciliations
 * after them; commands come out of the two commands topics and are applied to the sandboxes the way {@code
 * TalkdeskDelivery} and {@code OmniCommandFeed} apply them (their answers back onto the events topic), so the
 * vendors' echoes come back as events; the audit trail is the facts topic; what the engine knows of agents is
 * the sessions store and the global configuration store. The simulation paces it on the scenario's thread, as
 * in the other sets.
 */
final class KafkaContactCenter implements ContactCenter.Rig {

    private final ContactCenter.Parts parts;
    private final TopologyTestDriver driver;
    private final Path stateDirectory;

    private KafkaContactCenter(ContactCenter.Parts parts, TopologyTestDriver driver, Path stateDirectory) {
        this.parts = parts;
        this.driver = driver;
        this.stateDirectory = stateDirectory;
    }

    static ContactCenter.Rig start() {
        Path state;
        try {
            state = Files.createTempDirectory("omnisync-acceptance-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("no state directory for the topology", e);
        }
        SimulationClock clock = new SimulationClock();
        TopologyTestDriver driver = new TopologyTestDriver(
                OmnisyncTopology.build(KafkaTopics.TOPICS, new JsonConfigurationCodec()),
                OmnisyncStreams.config("acceptance:9092", state),
                clock.instant());
        KafkaTopics topics = new KafkaTopics(driver, clock);
        VendorDeliveries deliveries = new VendorDeliveries(FaultPlan.NONE, clock);
        TalkdeskSandbox talkdesk = new TalkdeskSandbox(deliveries);
        SalesforceSandbox salesforce = new SalesforceSandbox(deliveries);
        KafkaTopics.Delivery delivery = topics.delivery(talkdesk, salesforce);
        KafkaTopics.Ingress ingress = topics.ingress();
        KafkaTopics.Admin admin = topics.admin();
        Simulation simulation = new Simulation(deliveries, ingress, delivery, talkdesk, salesforce, clock);
        ContactCenter.Parts parts = new ContactCenter.Parts(
                admin,
                admin,
                topics.agents(),
                ingress,
                ingress,
                topics.audit(),
                talkdesk,
                salesforce,
                simulation,
                clock);
        return new KafkaContactCenter(parts, driver, state);
    }

    @Override
    public ContactCenter.Parts parts() {
        return parts;
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            deleteQuietly(stateDirectory);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary directory left behind is not the scenario's failure
        }
    }
}
