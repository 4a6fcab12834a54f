package io.omnisync.adapters.service;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.omnisync.adapters.service.admin.AgentsEndpoints;
import io.omnisync.adapters.service.admin.ConfigurationEndpoints;
import io.omnisync.adapters.service.admin.LiveAgents;
import io.omnisync.adapters.service.admin.SettingsEndpoints;
import io.omnisync.adapters.service.http.EventStreams;
import io.omnisync.adapters.service.http.JavalinServer;
import io.omnisync.adapters.service.http.RequestListener;
import io.omnisync.adapters.service.http.RouteGroup;
import io.omnisync.adapters.service.http.ServerOptions;
import io.omnisync.adapters.service.ops.OpsEndpoints;
import io.omnisync.adapters.service.ops.Readiness;
import io.omnisync.adapters.service.ops.ReadinessCheck;
import io.omnisync.adapters.service.ops.ServiceMetrics;
import io.omnisync.adapters.service.page.AdminPage;
import io.omnisync.adapters.service.security.AdminAccess;
import io.omnisync.adapters.service.security.ServiceSecrets;
import io.omnisync.adapters.service.security.WebhookAccess;
import io.omnisync.adapters.service.security.WebhookSignature;
import io.omnisync.adapters.service.webhook.TalkdeskWebhooks;
import io.omnisync.application.reporting.AcceptReportedChange;
import io.omnisync.application.reporting.DecideOnArrival;
import io.omnisync.application.reporting.ReportVendorEvent;
import io.omnisync.application.sync.BatchedReports;
import io.omnisync.application.watch.EngineWatcher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;

/**
 * The HTTP service (SPEC 10): the server and its route groups (Talkdesk webhooks, the admin API, operations, the
 * admin page), the metrics and the live view, both told by the engine what it did ({@link EngineWatcher}). A host
 * installs it beside the engine's modules with a vendor module for each side (Talkdesk over HTTP; Omni-Channel
 * through the consoles, {@code console.ConsoleModule}), a store, a clock and a {@code ConfigurationDocuments}, and
 * runs {@link OmnisyncService}.
 */
public final class ServiceModule extends AbstractModule {

    private final ServerOptions server;
    private final ServiceSecrets secrets;

    public ServiceModule(ServerOptions server, ServiceSecrets secrets) {
        this.server = Objects.requireNonNull(server, "server");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    protected void configure() {
        bind(ServerOptions.class).toInstance(server);
        bind(ServiceSecrets.class).toInstance(secrets);
        bind(OmnisyncService.class);
        bind(JavalinServer.class);
        bind(EventStreams.class);
        bind(Readiness.class);
        bind(ServiceMetrics.class);
        bind(LiveAgents.class);
        bind(ServiceWatcher.class);
        bind(RequestListener.class).to(ServiceMetrics.class);
        // webhooks and console events from many requests share a transaction: each 202 waits for its batch's commit
        OptionalBinder.newOptionalBinder(binder(), ReportVendorEvent.class)
                .setBinding()
                .to(BatchedReports.class);
        // how the ingress hands an event over: decided at once in process, unless a host hosts the engine elsewhere
        // (serve --kafka sets its own binding: the events topic)
        bind(DecideOnArrival.class);
        OptionalBinder.newOptionalBinder(binder(), AcceptReportedChange.class)
                .setDefault()
                .to(DecideOnArrival.class);
        OptionalBinder.newOptionalBinder(binder(), EngineWatcher.class)
                .setBinding()
                .to(ServiceWatcher.class);

        Multibinder<RouteGroup> routes = Multibinder.newSetBinder(binder(), RouteGroup.class);
        routes.addBinding().to(OpsEndpoints.class);
        routes.addBinding().to(TalkdeskWebhooks.class);
        routes.addBinding().to(AgentsEndpoints.class);
        routes.addBinding().to(ConfigurationEndpoints.class);
        routes.addBinding().to(SettingsEndpoints.class);
        routes.addBinding().to(AdminPage.class);
        Multibinder.newSetBinder(binder(), ServiceLifecycle.class).addBinding().to(LiveAgents.class);
        // none in process; serve --kafka adds Kafka Streams' and its deliveries' state
        Multibinder.newSetBinder(binder(), ReadinessCheck.class);
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    @Provides
    @Singleton
    MeterRegistry metrics(PrometheusMeterRegistry prometheus) {
        return prometheus;
    }

    @Provides
    @Singleton
    AdminAccess adminAccess() {
        return new AdminAccess(secrets.adminToken());
    }

    @Provides
    @Singleton
    WebhookAccess webhookAccess(Clock clock) {
        return new WebhookAccess(new WebhookSignature(secrets.webhookSecret(), clock));
    }
}
