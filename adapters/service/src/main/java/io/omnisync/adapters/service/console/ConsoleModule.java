package io.omnisync.adapters.service.console;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.omnisync.adapters.service.ServiceLifecycle;
import io.omnisync.application.vendor.OmniChannelPresence;

/**
 * Omni-Channel through the agents' consoles (SPEC 10.2 and 12): the engine's {@link OmniChannelPresence} port bound to
 * {@link ConsoleCommands}. The console endpoints ({@code GET /console/commands}, {@code POST /console/events}) are to
 * join here as a route group.
 */
public final class ConsoleModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ConsoleCommands.class);
        bind(OmniChannelPresence.class).to(ConsoleCommands.class);
        Multibinder.newSetBinder(binder(), ServiceLifecycle.class).addBinding().to(ConsoleCommands.class);
    }
}
