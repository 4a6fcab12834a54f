package io.omnisync.adapters.composition;

import com.google.inject.Binding;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.Message;
import com.google.inject.util.Modules;
import io.omnisync.application.store.AgentSessions;
import io.omnisync.application.store.ConfigurationStore;
import io.omnisync.application.store.Outbox;
import io.omnisync.application.store.Transactions;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.TalkdeskPresence;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The composition root of every Omnisync process: the one place an injector is built, as
 * airlift's {@code Bootstrap} builds it. {@link OmnisyncModule} and the host's modules (vendors,
 * store, clock); production stage, so every singleton is made at start-up and a wiring mistake
 * stops the start, not the first webhook; explicit bindings only, so what runs is what a module
 * says; no circular proxies. What the engine cannot run without is checked first and named in one
 * line, rather than left to a page of Guice errors.
 */
public final class Bootstrap {

    /** What a host must install, and the bindings that tell it did. */
    private static final Map<String, List<Class<?>>> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put(
                "a vendor module (your TalkdeskPresence and OmniChannelPresence adapters, or SandboxVendorsModule)",
                List.of(TalkdeskPresence.class, OmniChannelPresence.class));
        REQUIRED.put(
                "a store module (InMemoryStoreModule, or SqliteStoreModule with a ConfigurationCodec)",
                List.of(AgentSessions.class, ConfigurationStore.class, Outbox.class, Transactions.class));
        REQUIRED.put("a Clock (SystemClockModule for real time)", List.of(Clock.class));
    }

    private final List<Module> modules;

    public Bootstrap(Module... modules) {
        this.modules = new ArrayList<>();
        this.modules.add(new OmnisyncModule());
        this.modules.addAll(List.of(modules));
    }

    private Bootstrap(List<Module> modules) {
        this.modules = modules;
    }

    /**
     * The same process with some bindings replaced by {@code overrides}: a host that runs the decision elsewhere
     * ({@code serve --kafka}: Kafka Streams) answers the engine's ports itself, and what it does not replace stays
     * as the modules bind it.
     */
    public Bootstrap overriddenBy(Module... overrides) {
        return new Bootstrap(new ArrayList<>(List.of(Modules.override(modules).with(overrides))));
    }

    /**
     * Builds the injector and returns the object the process runs ({@code root}: the facade, the
     * command line's runner, a benchmark's rig), bound explicitly if no module binds it.
     *
     * @throws IllegalStateException naming what to install when a vendor, store or clock is missing
     */
    public <T> T initialize(Class<T> root) {
        Set<Key<?>> bound = boundKeys(modules);
        String missing = REQUIRED.entrySet().stream()
                .filter(required -> required.getValue().stream().anyMatch(type -> !bound.contains(Key.get(type))))
                .map(Map.Entry::getKey)
                .collect(Collectors.joining("; "));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Omnisync cannot start: install " + missing);
        }
        List<Module> all = new ArrayList<>(modules);
        all.add(binder -> {
            binder.requireExplicitBindings();
            binder.disableCircularProxies();
            if (!bound.contains(Key.get(root))) {
                binder.bind(root);
            }
        });
        try {
            return Guice.createInjector(Stage.PRODUCTION, all).getInstance(root);
        } catch (CreationException e) {
            throw causeOrItself(e, e.getErrorMessages());
        } catch (ProvisionException e) {
            throw causeOrItself(e, e.getErrorMessages());
        }
    }

    /**
     * A module that failed while building the engine (a store that cannot be opened, say) is that
     * failure, with its own message, not a page of Guice's; a wiring mistake stays Guice's.
     */
    private static RuntimeException causeOrItself(RuntimeException guice, Collection<Message> errors) {
        if (errors.size() == 1) {
            Throwable cause = errors.iterator().next().getCause();
            if (cause instanceof RuntimeException failure) {
                return failure;
            }
        }
        return guice;
    }

    private static Set<Key<?>> boundKeys(List<Module> modules) {
        Set<Key<?>> keys = new HashSet<>();
        for (Element element : Elements.getElements(modules)) {
            if (element instanceof Binding<?> binding) {
                keys.add(binding.getKey());
            }
        }
        return keys;
    }
}
