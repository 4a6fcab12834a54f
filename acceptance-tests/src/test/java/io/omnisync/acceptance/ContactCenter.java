package io.omnisync.acceptance;

import io.cucumber.guice.ScenarioScoped;
import io.omnisync.adapters.composition.Bootstrap;
import io.omnisync.adapters.memory.InMemoryStoreModule;
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
 * One contact center per scenario: the engine built by the composition root ({@link Bootstrap})
 * with the chosen vendor adapters and the in-memory store. Its own engine, so that nothing a
 * scenario does (agents' statuses, the audit trail, the simulation clock) survives into the next
 * one. What step definitions may hold of it are its {@link Parts}.
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

    private final Parts parts;

    @Inject
    ContactCenter(VendorAdapters vendors) {
        this.parts = new Bootstrap(vendors.module(), new InMemoryStoreModule()).initialize(Parts.class);
    }

    Parts parts() {
        return parts;
    }
}
