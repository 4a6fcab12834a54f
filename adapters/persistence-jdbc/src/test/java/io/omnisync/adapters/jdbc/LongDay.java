package io.omnisync.adapters.jdbc;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import io.omnisync.adapters.composition.OmnisyncModule;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.application.admin.ChangeIntegrationSettings;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.reporting.ReportVendorEvent;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.RetryPolicy;
import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.settings.SettingsChange;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A long, deterministic day at the guide's contact center, run in its own JVM against a store file
 * and durable vendors, so that a test can kill it with SIGKILL and start it again. Prints
 * {@code step N} after each step and {@code final …} at the end.
 * <p>Arguments: store (a file here; each store's own day says what), vendors file, configuration
 * file, number of steps.
 */
public final class LongDay {

    private static final List<AgentId> AGENTS = List.of(AgentId.of("maria"), AgentId.of("joao"), AgentId.of("ana"));
    private static final List<String> TALKDESK = List.of("available", "away", "lunch", "chat_only");
    private static final List<String> OMNI =
            List.of("Available_for_Calls", "Away_from_Desk", "Lunch_Break", "Chat_Only", "Offline");

    private LongDay() {}

    public static void main(String[] args) throws Exception {
        run(args, store -> new SqliteStoreModule(Path.of(store)));
    }

    /** The day on the store that {@code stores} opens from the first argument. */
    public static void run(String[] args, Function<String, Module> stores) throws Exception {
        Module store = stores.apply(args[0]);
        ConfigurationDraft draft =
                JsonConfigurationFile.read(Path.of(args[2])).get().draft();
        int steps = Integer.parseInt(args[3]);
        try (DurableVendors vendors = new DurableVendors(Path.of(args[1]))) {
            Injector engine = Guice.createInjector(new OmnisyncModule(), store, new AbstractModule() {
                @Override
                protected void configure() {
                    bind(TalkdeskPresence.class).toInstance(vendors);
                    bind(OmniChannelPresence.class).toInstance(vendors);
                    bind(ConfigurationCodec.class).to(JsonConfigurationCodec.class);
                    bind(Clock.class).toInstance(Clock.fixed(Instant.parse("2026-01-05T22:00:00Z"), ZoneOffset.UTC));
                    OptionalBinder.newOptionalBinder(binder(), RetryPolicy.class)
                            .setBinding()
                            .toInstance(RetryPolicy.simulation());
                }
            });
            if (engine.getInstance(ConfigurationStore.class).current().isEmpty()) {
                engine.getInstance(LoadConfiguration.class).load(draft);
            }
            var settings = engine.getInstance(ChangeIntegrationSettings.class);
            settings.change(new SettingsChange.ToggleSync(true, true, Instant.EPOCH));
            settings.change(new SettingsChange.ToggleReturnToPrevious(true, Instant.EPOCH));
            engine.getInstance(DeliverCommands.class).resendNow();
            deliverAll(engine, vendors);
            for (int step = vendors.progress() + 1; step <= steps; step++) {
                act(vendors, step);
                deliverAll(engine, vendors);
                System.out.println("step " + step);
                System.out.flush();
            }
            TreeMap<String, String> ending = new TreeMap<>();
            engine.getInstance(QueryAgents.class)
                    .agents()
                    .forEach(session -> ending.put(
                            session.agent().value(),
                            vendors.status(session.agent(), VendorSystem.TALKDESK, "offline") + "/"
                                    + vendors.status(session.agent(), VendorSystem.OMNI, "Offline") + " knows "
                                    + session.talkdeskStatus() + "/"
                                    + session.omniStatus().wireName() + " "
                                    + session.callPhase()));
            System.out.println("final " + ending);
        }
    }

    /** What happens at this step: an agent acts in one of the systems, or Talkdesk's call moves on. */
    private static void act(DurableVendors vendors, int step) {
        Random random = new Random(step);
        AgentId agent = AGENTS.get(random.nextInt(AGENTS.size()));
        String talkdesk = vendors.status(agent, VendorSystem.TALKDESK, "available");
        double roll = random.nextDouble();
        if (roll < 0.3 || talkdesk.equals("on_a_call") || talkdesk.equals("after_call_work")) {
            String next = talkdesk.equals("on_a_call")
                    ? "after_call_work"
                    : talkdesk.equals("after_call_work") ? "available" : "on_a_call";
            vendors.change(agent, VendorSystem.TALKDESK, next, step);
        } else if (roll < 0.65) {
            vendors.change(agent, VendorSystem.TALKDESK, TALKDESK.get(random.nextInt(TALKDESK.size())), step);
        } else {
            String pick = OMNI.get(random.nextInt(OMNI.size()));
            if (pick.equals("Chat_Only") && agent.value().equals("ana")) {
                vendors.skip(step); // the widget does not offer ana a status she is not granted
            } else {
                vendors.change(agent, VendorSystem.OMNI, pick, step);
            }
        }
    }

    private static void deliverAll(Injector engine, DurableVendors vendors) {
        for (int round = 0; round < 10_000; round++) {
            Optional<AgentEvent> owed = vendors.owed();
            if (owed.isPresent()) {
                engine.getInstance(ReportVendorEvent.class).report(owed.get());
                vendors.acknowledged(owed.get());
            } else if (!engine.getInstance(DeliverCommands.class).pending().isEmpty()) {
                engine.getInstance(DeliverCommands.class).resendNow();
            } else {
                return;
            }
        }
        throw new IllegalStateException("the day did not settle");
    }
}
