package io.omnisync.adapters.service.ops;

import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.store.ActiveLease;
import io.omnisync.domain.configuration.Configuration;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the service should get traffic (SPEC 10.4): it has started and is not stopping, it is the active process
 * (with a standby on a shared store, the one holding the lease), what else its host needs runs ({@link
 * ReadinessCheck}), a configuration is loaded, and the store answers a read. Each probe reads one agent's session, so a store that went away shows at once.
 */
@Singleton
public final class Readiness {

    private enum State {
        STARTING,
        SERVING,
        STOPPING
    }

    private final Provider<QueryAgents> engine;
    private final ActiveLease lease;
    private final Set<ReadinessCheck> checks;
    private volatile State state = State.STARTING;

    public Readiness(Provider<QueryAgents> engine, ActiveLease lease) {
        this(engine, lease, Set.of());
    }

    /** @param checks what else the host needs running ({@link ReadinessCheck}), asked after the lease */
    @Inject
    public Readiness(Provider<QueryAgents> engine, ActiveLease lease, Set<ReadinessCheck> checks) {
        this.engine = engine;
        this.lease = lease;
        this.checks = Set.copyOf(checks);
    }

    public void serving() {
        state = State.SERVING;
    }

    public void stopping() {
        state = State.STOPPING;
    }

    /** Why the service is not ready, or empty when it is. */
    public Optional<String> notReady() {
        if (state != State.SERVING) {
            return Optional.of(state == State.STARTING ? "the service is starting" : "the service is stopping");
        }
        if (!lease.held()) {
            return Optional.of("this process is not the active one: another holds the store's lease");
        }
        for (ReadinessCheck check : checks) {
            Optional<String> why = check.notReady();
            if (why.isPresent()) {
                return why;
            }
        }
        QueryAgents agents = engine.get();
        Configuration configuration;
        try {
            configuration = agents.configuration();
        } catch (IllegalStateException none) {
            return Optional.of("no configuration is loaded");
        } catch (RuntimeException broken) {
            return Optional.of("the store cannot be read (" + broken.getClass().getSimpleName() + ")");
        }
        try {
            configuration.agents().keySet().headOption().forEach(agents::agent);
            return Optional.empty();
        } catch (RuntimeException broken) {
            return Optional.of("the store cannot be read (" + broken.getClass().getSimpleName() + ")");
        }
    }
}
