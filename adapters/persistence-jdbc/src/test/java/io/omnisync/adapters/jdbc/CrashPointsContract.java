package io.omnisync.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.util.Modules;
import io.omnisync.adapters.composition.OmnisyncModule;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.sandbox.FaultPlan;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.adapters.sandbox.SimulationClock;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.adapters.sandbox.VendorDeliveries;
import io.omnisync.application.admin.ChangeIntegrationSettings;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.audit.FactLog;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.reporting.ReportVendorEvent;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.store.Transactions;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.RetryPolicy;
import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.application.vendor.VendorCalls;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Fact;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Stops the engine at every step of handling an event (before and after each commit, before and
 * after each vendor call), builds a fresh engine on the same store with the same vendors, and
 * checks that every agent ends where an uninterrupted run ends, that the call memory is not lost,
 * and that no command outside the uninterrupted run's is ever sent (an echo never moves anyone).
 * Every durable store passes it: each store's test says how to open a store for a run.
 */
public abstract class CrashPointsContract {

    private static final ConfigurationDraft DRAFT = JsonConfigurationFile.read(
                    Path.of("../../examples/contact-center.json"))
            .get()
            .draft();
    private static final AgentId MARIA = AgentId.of("maria");
    private static final AgentId JOAO = AgentId.of("joao");

    /** A module that opens the store of the run named {@code run}: a new one for a new name, the same one again. */
    protected abstract Module store(String run);

    /** The store class the module binds (it implements Transactions and is closed at each crash). */
    protected abstract Class<? extends Transactions> storeClass();

    /** The process dies here. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash(String where) {
            super("crash " + where, null, false, false);
        }
    }

    /** Counts the steps of handling and crashes at the chosen one (0: never). */
    static final class CrashPlan {
        final int at;
        int steps;
        boolean crashed;

        CrashPlan(int at) {
            this.at = at;
        }

        void step(String where) {
            steps++;
            if (!crashed && steps == at) {
                crashed = true;
                throw new Crash(where + " (step " + at + ")");
            }
        }
    }

    /** The vendors: they outlive the engine's crashes. */
    static final class Vendors {
        final SimulationClock clock = new SimulationClock();
        final VendorDeliveries deliveries;
        final TalkdeskSandbox talkdesk;
        final SalesforceSandbox salesforce;
        final Set<String> sent = new LinkedHashSet<>();

        Vendors(FaultPlan faults) {
            deliveries = new VendorDeliveries(faults, clock);
            talkdesk = new TalkdeskSandbox(deliveries);
            salesforce = new SalesforceSandbox(deliveries);
            Configuration configuration = Configuration.validate(DRAFT).get();
            talkdesk.reset(configuration);
            salesforce.reset(configuration);
        }

        Map<String, String> statuses() {
            Map<String, String> statuses = new TreeMap<>();
            for (String agent : List.of("maria", "joao", "ana")) {
                statuses.put(
                        agent,
                        talkdesk.status(AgentId.of(agent)) + "/"
                                + salesforce.status(AgentId.of(agent)).wireName());
            }
            return statuses;
        }
    }

    /** One life of the engine, on the store, with the vendors, crashing where the plan says. */
    Injector engine(Supplier<Module> store, Vendors vendors, CrashPlan plan) {
        AbstractModule environment = new AbstractModule() {
            @Override
            protected void configure() {
                bind(TalkdeskPresence.class).toInstance(vendors.talkdesk);
                bind(OmniChannelPresence.class).toInstance(vendors.salesforce);
                bind(Clock.class).toInstance(vendors.clock);
                bind(ConfigurationCodec.class).to(JsonConfigurationCodec.class);
                OptionalBinder.newOptionalBinder(binder(), RetryPolicy.class)
                        .setBinding()
                        .toInstance(RetryPolicy.simulation());
            }
        };
        AbstractModule crashes = new AbstractModule() {
            @Provides
            @Singleton
            VendorCalls calls() {
                return new VendorCalls() {
                    @Override
                    public <T> T call(VendorSystem system, Supplier<T> call) {
                        plan.step("before a " + system.wireName() + " call");
                        T answer = call.get();
                        plan.step("after a " + system.wireName() + " call");
                        return answer;
                    }

                    @Override
                    public Duration backoff(int failures) {
                        return Duration.ZERO;
                    }
                };
            }

            @Override
            protected void configure() {
                Provider<? extends Transactions> real = getProvider(storeClass());
                bind(Transactions.class)
                        .toProvider(() -> new Transactions() {
                            @Override
                            public <T> T inTransaction(Supplier<T> work) {
                                T result = real.get().inTransaction(() -> {
                                    T done = work.get();
                                    plan.step("before a commit");
                                    return done;
                                });
                                plan.step("after a commit");
                                return result;
                            }
                        })
                        .in(Singleton.class);
            }
        };
        return Guice.createInjector(
                Modules.override(new OmnisyncModule(), environment, store.get()).with(crashes));
    }

    /** A day, step by step; each step is applied to the vendors once, whatever happens to the engine. */
    private static List<Consumer<Vendors>> day() {
        return List.of(
                v -> v.salesforce.agentPicks(MARIA, OmniStatus.parse("Chat_Only"), Optional.empty()),
                v -> v.talkdesk.answerCall(MARIA, Optional.empty()),
                v -> v.talkdesk.hangUp(MARIA, Optional.empty()),
                v -> v.talkdesk.endWrapUp(MARIA, Optional.empty(), Optional.empty()),
                v -> v.talkdesk.agentPicks(JOAO, TalkdeskStatusId.of("lunch"), Optional.empty()),
                v -> v.salesforce.agentPicks(JOAO, OmniStatus.parse("Available_for_Calls"), Optional.empty()),
                v -> v.talkdesk.answerCall(JOAO, Optional.empty()),
                v -> v.salesforce.agentPicks(JOAO, OmniStatus.parse("Lunch_Break"), Optional.empty()),
                v -> v.talkdesk.hangUp(JOAO, Optional.empty()),
                v -> v.talkdesk.endWrapUp(JOAO, Optional.empty(), Optional.empty()));
    }

    /** What a run ended with: the vendors' statuses, the engine's knowledge, and every distinct command sent. */
    record Ending(
            Map<String, String> vendors,
            Map<String, String> engine,
            Set<String> commands,
            int steps,
            boolean crashed) {}

    private Ending run(String name, int crashAt) {
        return run(() -> store(name), crashAt, FaultPlan.NONE);
    }

    Ending run(Supplier<Module> store, int crashAt, FaultPlan faults) {
        Vendors vendors = new Vendors(faults);
        CrashPlan plan = new CrashPlan(crashAt);
        Injector[] engine = {engine(store, vendors, plan)};
        Runnable restart = () -> {
            record(engine[0], vendors);
            // the process that crashed is gone, and its hold on the store with it
            close(engine[0]);
            engine[0] = engine(store, vendors, plan);
            engine[0].getInstance(DeliverCommands.class).deliverDue();
        };
        List<Runnable> setup = List.of(
                () -> engine[0].getInstance(LoadConfiguration.class).load(DRAFT),
                () -> engine[0]
                        .getInstance(ChangeIntegrationSettings.class)
                        .change(new SettingsChange.ToggleSync(true, true, vendors.clock.instant())),
                () -> engine[0]
                        .getInstance(ChangeIntegrationSettings.class)
                        .change(new SettingsChange.ToggleReturnToPrevious(true, vendors.clock.instant())));
        for (Runnable admin : setup) {
            retrying(admin, restart);
            settle(engine, vendors, restart);
        }
        for (Consumer<Vendors> step : day()) {
            step.accept(vendors);
            settle(engine, vendors, restart);
        }
        record(engine[0], vendors);
        TreeMap<String, String> known = new TreeMap<>();
        engine[0]
                .getInstance(QueryAgents.class)
                .agents()
                .forEach(session -> known.put(
                        session.agent().value(),
                        session.talkdeskStatus() + "/" + session.omniStatus().wireName() + " " + session.callPhase()));
        close(engine[0]);
        return new Ending(vendors.statuses(), known, vendors.sent, plan.steps, plan.crashed);
    }

    private void close(Injector engine) {
        try {
            ((AutoCloseable) engine.getInstance(storeClass())).close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the store failed", e);
        }
    }

    private static void retrying(Runnable work, Runnable restart) {
        try {
            work.run();
        } catch (Crash crash) {
            restart.run();
            work.run();
        }
    }

    /** Deliver every webhook; a webhook whose handling crashed is not acknowledged, so the vendor sends it again. */
    private static void settle(Injector[] engine, Vendors vendors, Runnable restart) {
        for (int rounds = 0; rounds < 1_000; rounds++) {
            Optional<AgentEvent> next = vendors.deliveries.next();
            if (next.isEmpty()) {
                try {
                    if (engine[0].getInstance(DeliverCommands.class).pending().isEmpty()) {
                        return;
                    }
                    engine[0].getInstance(DeliverCommands.class).resendNow();
                } catch (Crash crash) {
                    restart.run();
                }
                continue;
            }
            try {
                engine[0].getInstance(ReportVendorEvent.class).report(next.get());
            } catch (Crash crash) {
                vendors.deliveries.redeliver(next.get());
                restart.run();
            }
        }
        throw new AssertionError("the day did not settle");
    }

    private static void record(Injector engine, Vendors vendors) {
        engine.getInstance(FactLog.class).recent(FactLog.CAPACITY).forEach(entry -> {
            if (entry.fact() instanceof Fact.Synced synced) {
                vendors.sent.add(synced.command().agent() + " "
                        + synced.command().system().wireName() + " "
                        + synced.command().statusName() + " ("
                        + synced.command().because() + ")");
            }
        });
    }

    @Test
    void a_crash_at_any_step_of_handling_an_event_loses_nothing_and_moves_nobody_by_an_echo() {
        Ending uninterrupted = run("uninterrupted", 0);
        assertThat(uninterrupted.vendors())
                .containsEntry("maria", "chat_only/Chat_Only")
                .containsEntry("joao", "away/Lunch_Break");

        List<String> differences = new ArrayList<>();
        for (int step = 1; step <= uninterrupted.steps(); step++) {
            Ending crashed = run("crash-" + step, step);
            if (!crashed.crashed()
                    || !crashed.vendors().equals(uninterrupted.vendors())
                    || !crashed.engine().equals(uninterrupted.engine())
                    || !uninterrupted.commands().containsAll(crashed.commands())) {
                differences.add("crash at step " + step + (crashed.crashed() ? "" : " (never crashed)") + ": vendors "
                        + crashed.vendors() + ", engine " + crashed.engine() + ", commands " + crashed.commands());
            }
        }

        assertThat(uninterrupted.steps()).as("steps to crash at").isGreaterThan(50);
        assertThat(differences)
                .as("runs that ended differently from the uninterrupted one")
                .isEmpty();
    }
}
