package io.omnisync.adapters.service;

import io.omnisync.adapters.service.http.EventStreams;
import io.omnisync.adapters.service.http.JavalinServer;
import io.omnisync.adapters.service.ops.Readiness;
import io.omnisync.application.delivery.DeliveryLoop;
import io.omnisync.application.sync.GroupCommit;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: the engine's delivery threads, the parts with threads of their own, and the HTTP server.
 * {@link #start()} brings them up in that order and declares the service ready; {@link #stop()} is SIGTERM's graceful
 * end: not ready, event streams closed, no new request taken and those in flight finished (their batches committed),
 * delivery stopped after the
 * call it is making (what waits stays in the outbox for the next start). The host then closes the store.
 */
@Singleton
public final class OmnisyncService {

    private static final Logger LOG = LoggerFactory.getLogger(OmnisyncService.class);

    private final JavalinServer server;
    private final DeliveryLoop delivery;
    private final EventStreams streams;
    private final Readiness readiness;
    private final GroupCommit commits;
    private final Set<ServiceLifecycle> parts;

    @Inject
    public OmnisyncService(
            JavalinServer server,
            DeliveryLoop delivery,
            EventStreams streams,
            Readiness readiness,
            GroupCommit commits,
            Set<ServiceLifecycle> parts) {
        this.server = server;
        this.delivery = delivery;
        this.streams = streams;
        this.readiness = readiness;
        this.commits = commits;
        this.parts = parts;
    }

    /**
     * Starts delivering (what the outbox holds goes out at once), then serving; returns once the port is bound.
     *
     * @throws RuntimeException when the port cannot be bound (everything started is stopped again)
     */
    public synchronized void start() {
        parts.forEach(ServiceLifecycle::start);
        delivery.start();
        try {
            server.start();
        } catch (RuntimeException cannotBind) {
            delivery.stop();
            parts.forEach(ServiceLifecycle::stop);
            throw cannotBind;
        }
        readiness.serving();
        LOG.info("serving on port {}", server.port());
    }

    /** The port the service listens on. */
    public int port() {
        return server.port();
    }

    /** Stops gracefully; stopping twice does nothing. */
    public synchronized void stop() {
        if (!server.isRunning()) {
            return;
        }
        LOG.info("stopping: no new requests, event streams closed, requests in flight finish");
        readiness.stopping();
        streams.closeAll();
        server.stop();
        commits.close(); // the requests have finished, so no batch waits: this only stops the committer
        delivery.stop();
        parts.forEach(ServiceLifecycle::stop);
        streams.close();
        LOG.info("stopped");
    }
}
