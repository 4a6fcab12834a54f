package io.omnisync.application.admin;

import io.omnisync.application.sync.AgentLocks;
import io.omnisync.application.sync.EngineStore;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.engine.Engine;
import io.omnisync.domain.engine.EngineState;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The admin's use cases: settings toggles (turning sync on reconciles every agent at once) and
 * loading or replacing the configuration. They touch every agent, so agent events wait for them.
 */
@Singleton
public class IntegrationAdmin implements ChangeIntegrationSettings, LoadConfiguration {

    private final EngineStore store;
    private final AgentLocks locks;
    private final Clock clock;

    @Inject
    public IntegrationAdmin(EngineStore store, AgentLocks locks, Clock clock) {
        this.store = store;
        this.locks = locks;
        this.clock = clock;
    }

    @Override
    public SettingsResult change(SettingsChange change) {
        return locks.forEveryone(() -> {
            EngineState before = store.state();
            return Engine.change(before, change)
                    .fold(
                            refusal -> {
                                store.record(List.of(new Fact.Refused(refusal)));
                                return new SettingsResult.Refused(refusal);
                            },
                            outcome -> {
                                store.save(outcome, before);
                                return new SettingsResult.Applied(
                                        outcome.state().configuration().settings(), outcome.commands());
                            });
        });
    }

    @Override
    public Seq<AgentDecision> planActivation() {
        return locks.forEveryone(() -> store.hasConfiguration() ? Engine.plan(store.state()) : List.empty());
    }

    /** The first configuration replaces the empty engine's: one path for loading and replacing. */
    @Override
    public LoadResult load(ConfigurationDraft draft) {
        return locks.forEveryone(() -> {
            EngineState before = store.hasConfiguration() ? store.state() : EngineState.empty();
            return Engine.replace(before, draft, clock.instant())
                    .fold(
                            problems -> {
                                store.record(List.of(new Fact.ConfigurationRejected(problems)));
                                return new LoadResult.Rejected(problems);
                            },
                            outcome -> {
                                store.save(outcome, before);
                                return new LoadResult.Applied(outcome.state().configuration(), outcome.commands());
                            });
        });
    }
}
