package io.omnisync.acceptance;

import com.google.inject.Module;
import io.omnisync.adapters.composition.Bootstrap;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.adapters.sandbox.SandboxVendorsModule;
import io.omnisync.adapters.sandbox.UnreliableSandboxVendorsModule;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The vendor adapter sets the same features run against, chosen by the system property {@value
 * #PROPERTY}. Each one builds a scenario's contact center: the sandboxes are one Guice module; the
 * {@code http} set is the service on loopback, Talkdesk's webhooks posted to it signed and its
 * commands sent to the Talkdesk stand-in ({@link HttpContactCenter}). Adding a set is adding a
 * constant here; the features do not change.
 */
enum VendorAdapters {

    /** In-memory Talkdesk and Salesforce that keep the vendors' rules. */
    SANDBOX("sandbox"),
    /** The same sandboxes failing calls and duplicating, delaying and reordering webhooks (seeded). */
    UNRELIABLE_SANDBOX("unreliable-sandbox"),
    /**
     * The HTTP service on loopback between the sandboxes: Talkdesk's reports come in as signed
     * webhooks ({@code POST /webhooks/talkdesk}), Talkdesk commands go out through the Presence API
     * client to the Talkdesk stand-in, which the Talkdesk sandbox answers. Omni-Channel stays in
     * process (its console bridge is the next issue's).
     */
    HTTP("http"),
    /**
     * The Kafka Streams topology of SPEC 13 on Kafka's {@code TopologyTestDriver} (no broker) between the
     * sandboxes: reports, admin changes and command answers are records of its topics, commands are read from its
     * commands topics and applied to the sandboxes, queries answer from its stores ({@link KafkaContactCenter}).
     * Scenarios tagged {@code @not-on-kafka} need what the Kafka adapter does not have yet and are left out.
     */
    KAFKA("kafka");

    static final String PROPERTY = "omnisync.vendors";

    private final String name;

    VendorAdapters(String name) {
        this.name = name;
    }

    /** A fresh contact center: each scenario gets an engine and vendors of its own. */
    ContactCenter.Rig start() {
        return switch (this) {
            case SANDBOX -> inProcess(new SandboxVendorsModule());
            case UNRELIABLE_SANDBOX -> inProcess(new UnreliableSandboxVendorsModule());
            case HTTP -> HttpContactCenter.start();
            case KAFKA -> KafkaContactCenter.start();
        };
    }

    /** The engine built by the composition root with these vendors and the in-memory store. */
    private static ContactCenter.Rig inProcess(Module vendors) {
        ContactCenter.Parts parts =
                new Bootstrap(vendors, new InMemoryStoreModule()).initialize(ContactCenter.Parts.class);
        return new ContactCenter.Rig() {
            @Override
            public ContactCenter.Parts parts() {
                return parts;
            }

            @Override
            public void close() {
                // nothing runs outside the scenario's thread
            }
        };
    }

    static VendorAdapters selected() {
        String wanted = System.getProperty(PROPERTY, SANDBOX.name).trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(set -> set.name.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("-D" + PROPERTY + "=" + wanted
                        + " names no vendor adapter set; one of "
                        + Arrays.stream(values()).map(set -> set.name).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return name;
    }
}
