package io.omnisync.application.admin;

import io.omnisync.application.store.ConfigurationFingerprint;
import io.omnisync.application.sync.AgentLocks;
import io.omnisync.application.sync.EngineStore;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.engine.Engine;
import io.omnisync.domain.engine.EngineState;
import io.omnisync.domain.engine.Outcome;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The admin's use cases: starting the engine on its store (fresh, resumed or replaced), settings
 * toggles (turning sync on reconciles every agent at once) and loading or replacing the
 * configuration. They touch every agent, so agent events wait for them.
 */
@Singleton
public class IntegrationAdmin implements ChangeIntegrationSettings, LoadConfiguration, StartEngine {

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
        if (change == null) {
            throw new IllegalArgumentException("change must not be null");
        }
        return locks.forEveryone(() -> {
            if (!store.hasConfiguration()) {
                throw new IllegalStateException(
                        "no configuration is running yet: start the engine with one before changing its settings");
            }
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

    @Override
    public StartResult start(ConfigurationDraft draft, ReplacePolicy policy) {
        return start(draft, policy, Option.none());
    }

    @Override
    public StartResult start(ConfigurationDraft draft, ReplacePolicy policy, ConfigurationFingerprint file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        return start(draft, policy, Option.some(file));
    }

    @Override
    public Option<StartResult.Resumed> resume(ConfigurationFingerprint file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        return locks.forEveryone(() -> {
            if (!store.hasConfiguration() || !store.startedFrom().contains(file)) {
                return Option.none();
            }
            return Option.some(new StartResult.Resumed(
                    store.configuration(), store.pending().size()));
        });
    }

    private StartResult start(ConfigurationDraft draft, ReplacePolicy policy, Option<ConfigurationFingerprint> file) {
        if (draft == null) {
            throw new IllegalArgumentException("draft must not be null");
        }
        if (policy == null) {
            throw new IllegalArgumentException("policy must not be null");
        }
        return locks.forEveryone(() -> {
            Validation<Seq<Problem>, Configuration> validated = Configuration.validate(draft);
            if (validated.isInvalid()) {
                store.record(List.of(new Fact.ConfigurationRejected(validated.getError())));
                return new StartResult.Rejected(validated.getError());
            }
            if (!store.hasConfiguration()) {
                Outcome started = Engine.start(validated.get());
                store.saveStarted(started, EngineState.empty(), file);
                return new StartResult.StartedFresh(started.state().configuration(), started.commands());
            }
            Configuration running = store.configuration();
            Seq<String> differences = ConfigurationDifferences.between(running.draft(), draft);
            if (differences.isEmpty() || policy == ReplacePolicy.KEEP_STORED) {
                if (differences.isEmpty()
                        && file.isDefined()
                        && !store.startedFrom().equals(file)) {
                    // the same configuration in other bytes (or a store that did not know): the next start resumes at
                    // once
                    store.recordStartedFrom(file.get());
                }
                return new StartResult.Resumed(running, store.pending().size());
            }
            if (policy == ReplacePolicy.REFUSE_DIFFERENT) {
                return new StartResult.Refused(differences);
            }
            EngineState before = store.storedState();
            Outcome replaced = Engine.replace(before, validated.get());
            store.saveStarted(replaced, before, file);
            return new StartResult.Replaced(replaced.state().configuration(), differences, replaced.commands());
        });
    }

    /** The first configuration replaces the empty engine's: one path for loading and replacing. */
    @Override
    public LoadResult load(ConfigurationDraft draft) {
        if (draft == null) {
            throw new IllegalArgumentException("draft must not be null");
        }
        return locks.forEveryone(() -> {
            EngineState before = store.hasConfiguration() ? store.state() : EngineState.empty();
            return Engine.replace(before, draft, clock.instant())
                    .fold(
                            problems -> {
                                store.record(List.of(new Fact.ConfigurationRejected(problems)));
                                return new LoadResult.Rejected(problems);
                            },
                            outcome -> {
                                // a replacement that no file started: a restart with any file reads and compares it
                                store.saveStarted(outcome, before, Option.none());
                                return new LoadResult.Applied(outcome.state().configuration(), outcome.commands());
                            });
        });
    }
}
