package io.omnisync.acceptance;

import io.cucumber.guice.ScenarioScoped;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.adapters.sandbox.Simulation;
import io.omnisync.adapters.sandbox.SimulationClock;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.application.admin.ChangeIntegrationSettings;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.audit.AuditTrail;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.reporting.ReportOmniPresenceChange;
import io.omnisync.application.reporting.ReportTalkdeskStatusChange;
import jakarta.inject.Inject;

/**
 * One contact center per scenario: the engine built by the composition root (the {@code
 * Bootstrap}) with the chosen vendor adapters and the in-memory store ({@link VendorAdapters}). Its
 * own engine, so that nothing a scenario does (agents' statuses, the audit trail, the simulation
 * clock) survives into the next one. What step definitions may hold of it are its {@link Parts};
 * what it started (a server) stops when the scenario ends ({@link ContactCenterHooks}).
 */
@ScenarioScoped
final class ContactCenter {

    /** The driving ports, the audit trail, and the stateful vendor sandboxes the agents act on. */
    static final class Parts {
        final LoadConfiguration configurations;
        final ChangeIntegrationSettings settings;
        final QueryAgents agents;
        final ReportTalkdeskStatusChange talkdeskWebhooks;
        final ReportOmniPresenceChange omniWebhooks;
        final AuditTrail auditTrail;
        final TalkdeskSandbox talkdesk;
        final SalesforceSandbox salesforce;
        final Simulation simulation;
        final SimulationClock clock;

        @Inject
        Parts(
                LoadConfiguration configurations,
                ChangeIntegrationSettings settings,
                QueryAgents agents,
                ReportTalkdeskStatusChange talkdeskWebhooks,
                ReportOmniPresenceChange omniWebhooks,
                AuditTrail auditTrail,
                TalkdeskSandbox talkdesk,
                SalesforceSandbox salesforce,
                Simulation simulation,
                SimulationClock clock) {
            this.configurations = configurations;
            this.settings = settings;
            this.agents = agents;
            this.talkdeskWebhooks = talkdeskWebhooks;
            this.omniWebhooks = omniWebhooks;
            this.auditTrail = auditTrail;
            this.talkdesk = talkdesk;
            this.salesforce = salesforce;
            this.simulation = simulation;
            this.clock = clock;
        }
    }

    /** A contact center as an adapter set builds it: its parts, and what to stop when the scenario ends. */
    interface Rig extends AutoCloseable {
        Parts parts();

        @Override
        void close();
    }

    private final Rig rig;

    @Inject
    ContactCenter(VendorAdapters vendors) {
        this.rig = vendors.start();
    }

    Parts parts() {
        return rig.parts();
    }

    void close() {
        rig.close();
    }
}
