package io.omnisync.adapters.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.store.ActiveLease;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Readiness means what it says: started, not stopping, a configuration, a store that answers. */
class ReadinessTest {

    @Test
    void a_starting_or_stopping_service_is_not_ready() {
        Readiness readiness = new Readiness(() -> new Engine(true, true), ActiveLease.SOLE_OWNER);

        assertThat(readiness.notReady()).contains("the service is starting");
        readiness.stopping();
        assertThat(readiness.notReady()).contains("the service is stopping");
    }

    @Test
    void without_a_configuration_it_is_not_ready() {
        Readiness readiness = new Readiness(() -> new Engine(false, true), ActiveLease.SOLE_OWNER);
        readiness.serving();

        assertThat(readiness.notReady()).contains("no configuration is loaded");
    }

    @Test
    void a_process_that_does_not_hold_the_stores_lease_is_not_ready_and_is_again_once_it_does() {
        AtomicBoolean held = new AtomicBoolean(false);
        Readiness readiness = new Readiness(() -> new Engine(false, true), held::get);
        readiness.serving();

        assertThat(readiness.notReady())
                .contains("this process is not the active one: another holds the store's lease");
        held.set(true);
        assertThat(readiness.notReady()).contains("no configuration is loaded");
    }

    @Test
    void a_part_the_host_needs_that_stopped_takes_the_service_out_of_rotation_until_it_runs_again() {
        AtomicBoolean feedRuns = new AtomicBoolean(false);
        ReadinessCheck feed = () -> feedRuns.get() ? Optional.empty() : Optional.of("the Omni command feed stopped");
        Readiness readiness = new Readiness(() -> new Engine(false, true), ActiveLease.SOLE_OWNER, Set.of(feed));
        readiness.serving();

        assertThat(readiness.notReady()).contains("the Omni command feed stopped");
        feedRuns.set(true);
        assertThat(readiness.notReady()).contains("no configuration is loaded");
    }

    /** The engine as readiness sees it: a configuration or none, a store that answers or fails. */
    private static final class Engine implements QueryAgents {
        private final boolean configured;
        private final boolean storeAnswers;

        Engine(boolean configured, boolean storeAnswers) {
            this.configured = configured;
            this.storeAnswers = storeAnswers;
        }

        @Override
        public Option<AgentSession> agent(AgentId agent) {
            if (!storeAnswers) {
                throw new IllegalStateException("closed");
            }
            return Option.none();
        }

        @Override
        public Seq<AgentSession> agents() {
            return List.empty();
        }

        @Override
        public Configuration configuration() {
            if (!configured) {
                throw new IllegalStateException("no configuration is loaded");
            }
            throw new UnsupportedOperationException("not needed by these tests");
        }
    }
}
