package io.omnisync.adapters.kafka.admin;

import io.omnisync.adapters.kafka.codec.ConfigurationRecord;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.topology.RunningConfiguration;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.engine.SettingsPolicy;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.settings.Refusal;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.sync.Activation;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * What an admin change writes, decided by the domain before anything is written (SPEC 4.9): a new configuration
 * record and the fact that says so, and, when the change turns sync on (SPEC 4.2), one reconciliation per agent
 * for the events topic; or the fact of a refusal (a toggle the domain refuses, a configuration with errors), in
 * which case the configuration topic is not written. The same composition as the in-process engine's
 * {@code Engine.change} and {@code Engine.replace}: the business-hours guard when sync is turned on, the
 * settings policy, whole validation.
 */
public record AdminChange(
        ConfigurationRecord record,
        Configuration configuration,
        Fact fact,
        boolean activates,
        io.vavr.collection.Set<AgentId> added) {

    public AdminChange {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(added, "added");
    }

    /** A change that adds no agent. */
    public AdminChange(ConfigurationRecord record, Configuration configuration, Fact fact, boolean activates) {
        this(record, configuration, fact, activates, io.vavr.collection.HashSet.empty());
    }

    /** A new configuration replaces the running one, validated whole; turning sync on with it is an activation. */
    public static Either<Fact, AdminChange> replace(RunningConfiguration.Versioned running, ConfigurationDraft draft) {
        return Configuration.validate(draft)
                .toEither()
                .<Fact>mapLeft(Fact.ConfigurationRejected::new)
                .map(configuration -> new AdminChange(
                        new ConfigurationRecord(configuration.draft(), running.version(), "replace"),
                        configuration,
                        new Fact.ConfigurationApplied(configuration.warnings()),
                        activates(running.configuration(), configuration),
                        configuration
                                .agents()
                                .keySet()
                                .removeAll(running.configuration().agents().keySet())));
    }

    /** A run-time toggle; turning sync on is refused inside business hours unless forced. */
    public static Either<Fact, AdminChange> change(RunningConfiguration.Versioned running, SettingsChange change) {
        Configuration before = running.configuration();
        if (change instanceof SettingsChange.ToggleSync sync
                && sync.enabled()
                && !before.settings().omniChannelSync()) {
            Option<Refusal> refused = Activation.guard(before, sync.at(), sync.force());
            if (refused.isDefined()) {
                return Either.left(new Fact.Refused(refused.get()));
            }
        }
        return SettingsPolicy.apply(before, change)
                .<Fact>mapLeft(Fact.Refused::new)
                .map(after -> new AdminChange(
                        new ConfigurationRecord(after.draft(), running.version(), name(change)),
                        after,
                        change instanceof SettingsChange.ToggleRule rule
                                ? new Fact.RuleToggled(rule.name(), rule.enabled())
                                : new Fact.SettingsChanged(after.settings()),
                        activates(before, after)));
    }

    /**
     * The reconciliations a change writes after its configuration record (version {@code version}), each naming that
     * version so it is decided under it or a newer one: an activation, one per agent in the configuration's order;
     * a replacement while sync stays on (SPEC 4.2), one per agent it adds, reconciled alone; otherwise none.
     */
    public Seq<EventRecord.Reconcile> reconciliations(long version) {
        if (activates) {
            EventId id = EventId.of("activation-" + version);
            return configuration.agents().keySet().toList().map(agent -> new EventRecord.Reconcile(agent, id, version));
        }
        if (!configuration.settings().omniChannelSync() || added.isEmpty()) {
            return io.vavr.collection.List.empty();
        }
        EventId id = EventId.of("added-" + version);
        return configuration
                .agents()
                .keySet()
                .toList()
                .filter(added::contains)
                .map(agent -> new EventRecord.Reconcile(agent, id, version));
    }

    private static boolean activates(Configuration before, Configuration after) {
        return !before.settings().omniChannelSync() && after.settings().omniChannelSync();
    }

    private static String name(SettingsChange change) {
        if (change instanceof SettingsChange.ToggleSync) {
            return "sync";
        }
        if (change instanceof SettingsChange.ToggleReturnToPrevious) {
            return "returnToPreviousStatusAfterCall";
        }
        return change instanceof SettingsChange.ToggleNextAgentStatus ? "nextAgentStatus" : "rule";
    }
}
