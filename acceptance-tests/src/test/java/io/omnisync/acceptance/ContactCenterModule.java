package io.omnisync.acceptance;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
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

/**
 * What step definitions may hold, bound in scenario scope from that scenario's {@link ContactCenter}:
 * the driving ports, the audit trail, and the stateful vendor sandboxes the agents act on.
 */
final class ContactCenterModule extends AbstractModule {

    private final VendorAdapters vendors;

    ContactCenterModule(VendorAdapters vendors) {
        this.vendors = vendors;
    }

    @Override
    protected void configure() {
        binder().disableCircularProxies();
        bind(VendorAdapters.class).toInstance(vendors);
    }

    // ---- driving ports --------------------------------------------------------------------

    @Provides
    @ScenarioScoped
    LoadConfiguration loadConfiguration(ContactCenter center) {
        return center.parts().configurations;
    }

    @Provides
    @ScenarioScoped
    ChangeIntegrationSettings changeIntegrationSettings(ContactCenter center) {
        return center.parts().settings;
    }

    @Provides
    @ScenarioScoped
    QueryAgents queryAgents(ContactCenter center) {
        return center.parts().agents;
    }

    @Provides
    @ScenarioScoped
    ReportTalkdeskStatusChange reportTalkdeskStatusChange(ContactCenter center) {
        return center.parts().talkdeskWebhooks;
    }

    @Provides
    @ScenarioScoped
    ReportOmniPresenceChange reportOmniPresenceChange(ContactCenter center) {
        return center.parts().omniWebhooks;
    }

    /** The audit trail, read to see what Omnisync did and why it did not. */
    @Provides
    @ScenarioScoped
    AuditTrail auditTrail(ContactCenter center) {
        return center.parts().auditTrail;
    }

    // ---- the vendors, as their users and webhooks see them ---------------------------------

    @Provides
    @ScenarioScoped
    TalkdeskSandbox talkdesk(ContactCenter center) {
        return center.parts().talkdesk;
    }

    @Provides
    @ScenarioScoped
    SalesforceSandbox salesforce(ContactCenter center) {
        return center.parts().salesforce;
    }

    @Provides
    @ScenarioScoped
    Simulation simulation(ContactCenter center) {
        return center.parts().simulation;
    }

    @Provides
    @ScenarioScoped
    SimulationClock clock(ContactCenter center) {
        return center.parts().clock;
    }
}
