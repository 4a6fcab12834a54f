package io.omnisync.adapters.service.console;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnisync.adapters.service.ServiceLifecycle;
import io.omnisync.application.delivery.CommandAnswer;
import io.omnisync.application.delivery.CommandAnswered;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.status.PresenceStatusId;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Omni-Channel side of the service until the console bridge (SPEC 10.2, 12) is built on it: Salesforce lets only
 * the agent's own console set her presence, so a command is kept as the agent's one outstanding command (the latest)
 * and answered {@link VendorAnswer#DISPATCHED}; it waits for her console, which is to take it and say what became of
 * it ({@link CommandAnswered}). A command no console took within 60 s expires ({@code EXPIRED}) and the engine stops
 * waiting for its echo. No console connects yet, so commands wait and expire: Talkdesk-to-Omni-Channel commands are
 * decided, stored and shown, not applied.
 */
@Singleton
public final class ConsoleCommands implements OmniChannelPresence, ServiceLifecycle {

    /** SPEC 10.2: a command waits for a console at most 60 s. */
    public static final Duration EXPIRY = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleCommands.class);

    /** An agent's outstanding command: what her console is to apply. */
    public record Outstanding(CommandId command, AgentId agent, PresenceStatusId status, Instant since) {
        public Outstanding {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(since, "since");
        }
    }

    private final Provider<CommandAnswered> answers;
    private final Clock clock;
    private final Map<AgentId, Outstanding> outstanding = new ConcurrentHashMap<>();
    private final ScheduledExecutorService expiries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "omnisync-console-expiry");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public ConsoleCommands(Provider<CommandAnswered> answers, Clock clock, MeterRegistry metrics) {
        this.answers = answers;
        this.clock = clock;
        Gauge.builder("omnisync.console.streams.open", this, ConsoleCommands::openStreams)
                .description("agents' consoles connected to the command stream")
                .register(metrics);
    }

    @Override
    public VendorAnswer setPresenceStatus(CommandId command, Agent agent, PresenceStatusId status) {
        Outstanding latest = new Outstanding(command, agent.id(), status, clock.instant());
        outstanding.put(agent.id(), latest);
        ScheduledFuture<?> unused = expiries.schedule(() -> expire(latest), EXPIRY.toMillis(), TimeUnit.MILLISECONDS);
        LOG.debug("{} waits for the agent's console: set '{}'", command, status);
        return VendorAnswer.DISPATCHED;
    }

    /** The command the agent's console is to apply, if one waits. */
    public Optional<Outstanding> outstanding(AgentId agent) {
        return Optional.ofNullable(outstanding.get(agent));
    }

    /** Consoles connected (none until the console bridge is built). */
    public int openStreams() {
        return 0;
    }

    @Override
    public void stop() {
        expiries.shutdownNow();
    }

    private void expire(Outstanding command) {
        if (outstanding.remove(command.agent(), command)) {
            LOG.info(
                    "{} for {} expired: no console took it within {} s",
                    command.command(),
                    command.agent(),
                    EXPIRY.toSeconds());
            answers.get().answered(command.agent(), command.command(), CommandAnswer.EXPIRED);
        }
    }
}
