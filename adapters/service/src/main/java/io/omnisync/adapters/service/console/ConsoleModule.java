package io.omnisync.adapters.service.console;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import io.omnisync.adapters.service.ServiceLifecycle;
import io.omnisync.adapters.service.http.RouteGroup;
import io.omnisync.adapters.service.security.ServiceSecrets;
import io.omnisync.application.vendor.OmniChannelPresence;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Omni-Channel through the agents' consoles (SPEC 10.2 and 12), the service's Omni-Channel vendor module: the
 * engine's {@link OmniChannelPresence} port bound to {@link ConsoleCommands}, which hands each command to the agent's
 * console instead of a sandbox; the console endpoints ({@code GET /console/commands}, {@code POST /console/events})
 * as a route group; and the console tokens checked with the {@code consoleSecret}. Installed beside {@code
 * ServiceModule}, which binds the secrets.
 */
public final class ConsoleModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ConsoleCommands.class);
        bind(ConsoleDirectory.class);
        bind(ConsoleAccess.class);
        bind(ConsoleCors.class);
        bind(ConsoleEndpoints.class);
        bind(OmniChannelPresence.class).to(ConsoleCommands.class);
        Multibinder.newSetBinder(binder(), ServiceLifecycle.class).addBinding().to(ConsoleCommands.class);
        Multibinder.newSetBinder(binder(), RouteGroup.class).addBinding().to(ConsoleEndpoints.class);
    }

    @Provides
    @Singleton
    ConsoleTokens consoleTokens(ServiceSecrets secrets, Clock clock) {
        return new ConsoleTokens(secrets.consoleSecret(), clock);
    }
}
