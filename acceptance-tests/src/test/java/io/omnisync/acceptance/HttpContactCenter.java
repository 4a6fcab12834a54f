package io.omnisync.acceptance;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.util.Modules;
import io.omnisync.adapters.composition.Bootstrap;
import io.omnisync.adapters.configjson.JsonConfigurationDocuments;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.adapters.sandbox.SandboxVendorsModule;
import io.omnisync.adapters.sandbox.Simulation;
import io.omnisync.adapters.sandbox.SimulationClock;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.adapters.sandbox.VendorDeliveries;
import io.omnisync.adapters.service.ServiceModule;
import io.omnisync.adapters.service.http.JavalinServer;
import io.omnisync.adapters.service.http.ServerOptions;
import io.omnisync.adapters.service.security.Secret;
import io.omnisync.adapters.service.security.ServiceSecrets;
import io.omnisync.adapters.talkdesk.TalkdeskEndpoints;
import io.omnisync.adapters.talkdesk.TalkdeskTimeouts;
import io.omnisync.adapters.talkdesk.port.TalkdeskHttpModule;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn;
import io.omnisync.application.admin.ConfigurationDocuments;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * A scenario's contact center in the {@code http} set: the engine with the HTTP service in front of
 * it on a loopback port ({@code adapters/service}, its Talkdesk webhook endpoint checking
 * signatures as in production) and the real Talkdesk adapter behind it ({@code
 * adapters/talkdesk-http}: OAuth2 token, {@code PUT /users/{id}/presence/status}) talking to the
 * Talkdesk stand-in, which the scenario's Talkdesk sandbox answers. The configuration an admin
 * saves says where that stand-in is ({@code vendors.talkdesk}), as a real one says where Talkdesk
 * is. The simulation still paces the world on the scenario's thread: each report is posted and
 * answered before the next, and commands are delivered after the webhook that decided them, so
 * scenarios read the same in every set.
 */
final class HttpContactCenter implements ContactCenter.Rig {

    static final String WEBHOOK_SECRET = "acceptance-webhook-secret-0123456789abcdef";

    /** One stand-in for the run, backed by each scenario's Talkdesk sandbox in turn (scenarios run one at a time). */
    private static TalkdeskStandIn standIn;

    private final ContactCenter.Parts parts;
    private final JavalinServer server;

    private HttpContactCenter(ContactCenter.Parts parts, JavalinServer server) {
        this.parts = parts;
        this.server = server;
    }

    static ContactCenter.Rig start() {
        TalkdeskStandIn talkdesk = standIn();
        Wired wired = new Bootstrap(new HttpVendorsModule(talkdesk), new InMemoryStoreModule()).initialize(Wired.class);
        wired.server.start();
        wired.webhooks.postTo(wired.server.port());
        talkdesk.backedBy(new SandboxPresenceApi(wired.parts.talkdesk, wired.parts.agents));
        ContactCenter.Parts given = wired.parts;
        ContactCenter.Parts parts = new ContactCenter.Parts(
                new SayingWhereTalkdeskIs(given.configurations, talkdesk.endpoints()),
                given.settings,
                given.agents,
                wired.webhooks,
                given.omniWebhooks,
                given.auditTrail,
                given.talkdesk,
                given.salesforce,
                given.simulation,
                given.clock);
        return new HttpContactCenter(parts, wired.server);
    }

    @Override
    public ContactCenter.Parts parts() {
        return parts;
    }

    @Override
    public void close() {
        standIn().backedBy(null);
        server.stop();
    }

    private static synchronized TalkdeskStandIn standIn() {
        if (standIn == null) {
            standIn = TalkdeskStandIn.start();
        }
        return standIn;
    }

    /** The run is over: the stand-in stops (its threads would keep a JVM that is not surefire's alive). */
    static synchronized void stopTheStandIn() {
        if (standIn != null) {
            standIn.close();
            standIn = null;
        }
    }

    /** What the composition root builds for the set. */
    static final class Wired {
        final ContactCenter.Parts parts;
        final JavalinServer server;
        final HttpWebhooks webhooks;

        @Inject
        Wired(ContactCenter.Parts parts, JavalinServer server, HttpWebhooks webhooks) {
            this.parts = parts;
            this.server = server;
            this.webhooks = webhooks;
        }
    }

    /**
     * The sandboxes, but Talkdesk reached through its HTTP adapter and its reports posted as
     * webhooks; the service's modules with secrets of the test's own.
     */
    private static final class HttpVendorsModule extends AbstractModule {

        private final TalkdeskStandIn talkdesk;

        HttpVendorsModule(TalkdeskStandIn talkdesk) {
            this.talkdesk = talkdesk;
        }

        @Override
        protected void configure() {
            install(Modules.override(new SandboxVendorsModule()).with(new AbstractModule() {
                @Override
                protected void configure() {
                    install(new TalkdeskHttpModule(talkdesk.credentials(), TalkdeskTimeouts.standard()));
                }

                @Provides
                @Singleton
                Simulation simulation(
                        VendorDeliveries deliveries,
                        HttpWebhooks webhooks,
                        DeliverCommands commands,
                        TalkdeskSandbox talkdeskSandbox,
                        SalesforceSandbox salesforce,
                        SimulationClock clock) {
                    return new Simulation(deliveries, webhooks, commands, talkdeskSandbox, salesforce, clock);
                }
            }));
            // the scenario is over when the server stops: nothing is in flight to wait for
            install(new ServiceModule(new ServerOptions("127.0.0.1", 0, Duration.ZERO), secrets()));
            bind(ConfigurationDocuments.class).to(JsonConfigurationDocuments.class);
            bind(HttpWebhooks.class).in(Singleton.class);
            bind(ContactCenter.Parts.class);
        }

        private static ServiceSecrets secrets() {
            return new ServiceSecrets(
                    Secret.of("talkdeskClientId", TalkdeskStandIn.CLIENT_ID),
                    Secret.of("talkdeskClientSecret", TalkdeskStandIn.CLIENT_SECRET),
                    Secret.of("webhookSecret", WEBHOOK_SECRET),
                    Secret.of("consoleSecret", "acceptance-console-secret-0123456789abcdef"),
                    Secret.of("adminToken", "acceptance-admin-token-0123456789abcdefghij"));
        }
    }

    /** Every configuration the admin saves says where Talkdesk is: the stand-in. */
    private record SayingWhereTalkdeskIs(LoadConfiguration engine, TalkdeskEndpoints talkdesk)
            implements LoadConfiguration {

        @Override
        public io.omnisync.application.admin.LoadResult load(ConfigurationDraft draft) {
            return engine.load(new ConfigurationDraft(
                    draft.talkdesk(),
                    draft.omniChannel(),
                    draft.agents(),
                    draft.integration(),
                    Option.some(new ConfigurationDraft.VendorsDraft(
                            Option.some(new ConfigurationDraft.TalkdeskVendorDraft(
                                    talkdesk.apiBaseUrl().toString(),
                                    talkdesk.tokenUrl().toString(),
                                    List.ofAll(talkdesk.scopes()))),
                            Option.none()))));
        }
    }
}
