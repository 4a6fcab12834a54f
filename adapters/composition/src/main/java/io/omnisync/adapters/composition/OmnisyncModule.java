package io.omnisync.adapters.composition;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import io.omnisync.adapters.resilience.VendorResilienceModule;
import io.omnisync.application.admin.ChangeIntegrationSettings;
import io.omnisync.application.admin.IntegrationAdmin;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.admin.StartEngine;
import io.omnisync.application.audit.AuditTrail;
import io.omnisync.application.audit.FactLog;
import io.omnisync.application.delivery.CommandAnswered;
import io.omnisync.application.delivery.CommandDelivery;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.delivery.DeliveryLoop;
import io.omnisync.application.query.AgentQueries;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.reporting.ReportCallEvent;
import io.omnisync.application.reporting.ReportOmniPresenceChange;
import io.omnisync.application.reporting.ReportOmniWork;
import io.omnisync.application.reporting.ReportTalkdeskStatusChange;
import io.omnisync.application.reporting.ReportVendorEvent;
import io.omnisync.application.sync.AgentLocks;
import io.omnisync.application.sync.BatchedReports;
import io.omnisync.application.sync.DeliverySignal;
import io.omnisync.application.sync.EngineStore;
import io.omnisync.application.sync.GroupCommit;
import io.omnisync.application.sync.ReportedChanges;
import io.omnisync.application.watch.EngineWatcher;

/**
 * The engine: every driving port bound to its use case, the audit trail kept in memory, and
 * vendor calls with a circuit breaker and backoff ({@link VendorResilienceModule}). A host
 * installs it (the {@link Bootstrap} does) with one vendor module (sandboxes or real vendors),
 * one store module and a {@link java.time.Clock} binding ({@link SystemClockModule} for real time).
 */
public class OmnisyncModule extends AbstractModule {

    @Override
    protected void configure() {
        install(new VendorResilienceModule());
        bind(EngineStore.class);
        bind(AgentLocks.class);
        bind(ReportedChanges.class);
        // many callers' events in one transaction each batch; idle (no thread) until the first report
        bind(GroupCommit.class);
        bind(BatchedReports.class);
        bind(IntegrationAdmin.class);
        bind(AgentQueries.class);
        bind(CommandDelivery.class);
        bind(DeliveryLoop.class);
        bind(DeliverySignal.class);
        bind(FactLog.class);
        bind(Omnisync.class);
        bind(ReportTalkdeskStatusChange.class).to(ReportedChanges.class);
        bind(ReportCallEvent.class).to(ReportedChanges.class);
        bind(ReportOmniPresenceChange.class).to(ReportedChanges.class);
        bind(ReportOmniWork.class).to(ReportedChanges.class);
        // one event, one transaction, unless a host with many concurrent callers sets BatchedReports (the service does)
        OptionalBinder.newOptionalBinder(binder(), ReportVendorEvent.class)
                .setDefault()
                .to(ReportedChanges.class);
        bind(ChangeIntegrationSettings.class).to(IntegrationAdmin.class);
        bind(LoadConfiguration.class).to(IntegrationAdmin.class);
        bind(StartEngine.class).to(IntegrationAdmin.class);
        bind(QueryAgents.class).to(AgentQueries.class);
        bind(DeliverCommands.class).to(CommandDelivery.class);
        bind(CommandAnswered.class).to(CommandDelivery.class);
        bind(AuditTrail.class).to(FactLog.class);
        // nobody watches the engine unless a host module sets a watcher (the service's metrics and live view)
        OptionalBinder.newOptionalBinder(binder(), EngineWatcher.class)
                .setDefault()
                .toInstance(EngineWatcher.NOBODY);
    }
}
