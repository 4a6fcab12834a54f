package io.omnisync.adapters.service.console;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnisync.adapters.service.ServiceLifecycle;
import io.omnisync.adapters.service.http.EventStream;
import io.omnisync.adapters.service.http.EventStreams;
import io.omnisync.adapters.service.http.Json;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
 * The Omni-Channel side of the service (SPEC 10.2, 12): the engine's {@link OmniChannelPresence} port, whose commands
 * go to the agent's own console, the only place Salesforce lets anyone set her presence.
 *
 * <p>A command becomes the agent's one outstanding command (the latest) and is answered {@link
 * VendorAnswer#DISPATCHED}: it is sent on her command stream at once if her console is connected, else when it
 * connects (and again on every reconnection until it is settled, so a console that drops misses nothing). It is
 * settled by her console's {@code commandResult} (accepted, or refused: the engine stops waiting for its echo), by its
 * echo (a {@code statusChanged} naming its status, if that comes first), or after 60 s without either: it expires
 * ({@code EXPIRED}) and the engine stops waiting for its echo. The engine hears of each through {@link
 * CommandAnswered}.
 *
 * <p>One stream per agent: a new one replaces the old, which gets {@code event: replaced} and is closed. A stream
 * closes when its token expires (the console mints a new one and reconnects). Time is the service's clock, read by a
 * sweep once a second, so tests move it instead of waiting.
 *
 * <p>Echoes (SPEC 10.2): a {@code statusChanged} naming the status of the outstanding command, or of one accepted in
 * the last 30 s, is an echo. The engine decides what it does with a report by its own expectation (the statuses it
 * asked for and has not seen echoed), never by the toolkit's reason; here the window decides which report settles the
 * outstanding command and what the log calls an echo. A refusal or an expiry ends the engine's expectation at once;
 * an accepted command's status stays expected until its echo comes, which the toolkit sends at once. Ending that
 * expectation 30 s after an acceptance whose echo never came needs a port the application does not have yet
 * ({@link CommandAnswered} settles commands in flight only).
 *
 * <p>Nothing here is called on the agent's state lock that could wait for the engine: the delivery calls {@link
 * #setPresenceStatus} while it holds its own lock, so the engine is told of results only after the state is left.
 */
@Singleton
public final class ConsoleCommands implements OmniChannelPresence, ServiceLifecycle {

    /** SPEC 10.2: a command waits for a console at most 60 s. */
    public static final Duration EXPIRY = Duration.ofSeconds(60);

    /** SPEC 10.2: a status accepted in the last 30 s is still echoed. */
    public static final Duration ECHO_WINDOW = Duration.ofSeconds(30);

    /** How often the clock is read for expiries. */
    public static final Duration SWEEP = Duration.ofSeconds(1);

    /** Settled commands remembered per agent, so a late result for one of them is not a stranger's (404). */
    static final int REMEMBERED = 32;

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleCommands.class);

    /** An agent's outstanding command: what her console is to apply. */
    public record Outstanding(
            CommandId command, AgentId agent, PresenceStatusId status, String salesforceId, Instant since) {
        public Outstanding {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(salesforceId, "salesforceId");
            Objects.requireNonNull(since, "since");
        }

        /** The stream's event data: one line of compact JSON. */
        String data() {
            return new String(
                    Json.bytes(Json.object()
                            .put("commandId", command.toString())
                            .put("statusId", salesforceId)
                            .put("statusApiName", status.apiName())),
                    StandardCharsets.UTF_8);
        }
    }

    /** How a command ended. */
    public enum Settlement {
        /** The console applied it. */
        ACCEPTED,
        /** Its echo came before the console's result. */
        ECHOED,
        /** The console could not apply it. */
        REFUSED,
        /** No console settled it within 60 s. */
        EXPIRED,
        /** A newer command took its place at the console before it was settled. */
        REPLACED
    }

    /** A command no longer outstanding, remembered for a while. */
    private record Settled(CommandId command, PresenceStatusId status, Settlement how, Instant at) {}

    /** What the engine must be told once the agent's state is left. */
    private record Answer(AgentId agent, CommandId command, CommandAnswer answer) {}

    /** A command stream and when its token expires. */
    private record Stream(EventStream events, Instant tokenExpiresAt) {}

    /** One agent's console side. Every method runs under the object's lock. */
    private static final class AgentConsole {
        private Outstanding outstanding;
        private Stream stream;
        private final Deque<Settled> settled = new ArrayDeque<>();

        synchronized Optional<Settled> offer(Outstanding command, Instant now) {
            Optional<Settled> replaced = Optional.empty();
            if (outstanding != null && !outstanding.command().equals(command.command())) {
                Settled old = new Settled(outstanding.command(), outstanding.status(), Settlement.REPLACED, now);
                remember(old);
                replaced = Optional.of(old);
            }
            outstanding = command;
            send(command);
            return replaced;
        }

        synchronized Optional<Stream> connect(Stream opened) {
            Stream old = stream;
            stream = opened;
            if (outstanding != null) {
                send(outstanding);
            }
            return Optional.ofNullable(old);
        }

        synchronized void forget(EventStream closed) {
            if (stream != null && stream.events() == closed) {
                stream = null;
            }
        }

        synchronized boolean isConnected() {
            return stream != null && stream.events().isOpen();
        }

        synchronized Optional<Outstanding> outstanding() {
            return Optional.ofNullable(outstanding);
        }

        /** Settles the outstanding command if it is {@code command}; its past settlement if it was one. */
        synchronized Optional<Settled> settle(CommandId command, Settlement how, Instant now) {
            if (outstanding != null && outstanding.command().equals(command)) {
                Settled done = new Settled(command, outstanding.status(), how, now);
                outstanding = null;
                remember(done);
                return Optional.of(done);
            }
            return Optional.empty();
        }

        synchronized Optional<Settled> settledBefore(CommandId command) {
            return settled.stream()
                    .filter(done -> done.command().equals(command))
                    .findFirst();
        }

        /** The outstanding command, if {@code status} is its status: the report is its echo. */
        synchronized Optional<Outstanding> echoed(PresenceStatusId status) {
            return outstanding != null && outstanding.status().equals(status)
                    ? Optional.of(outstanding)
                    : Optional.empty();
        }

        synchronized boolean acceptedWithin(PresenceStatusId status, Instant since) {
            return settled.stream()
                    .anyMatch(done -> done.status().equals(status)
                            && (done.how() == Settlement.ACCEPTED || done.how() == Settlement.ECHOED)
                            && !done.at().isBefore(since));
        }

        synchronized Optional<Outstanding> expired(Instant now) {
            if (outstanding != null && !outstanding.since().plus(EXPIRY).isAfter(now)) {
                Outstanding late = outstanding;
                outstanding = null;
                remember(new Settled(late.command(), late.status(), Settlement.EXPIRED, now));
                return Optional.of(late);
            }
            return Optional.empty();
        }

        synchronized Optional<Stream> tokenExpired(Instant now) {
            if (stream != null && !stream.tokenExpiresAt().isAfter(now)) {
                Stream ending = stream;
                stream = null;
                return Optional.of(ending);
            }
            return Optional.empty();
        }

        private void send(Outstanding command) {
            if (stream != null) {
                stream.events().send(command.command().toString(), "setPresenceStatus", command.data());
            }
        }

        private void remember(Settled done) {
            settled.addFirst(done);
            while (settled.size() > REMEMBERED) {
                settled.removeLast();
            }
        }
    }

    private final Provider<CommandAnswered> answers;
    private final ConsoleDirectory directory;
    private final EventStreams streams;
    private final Clock clock;
    private final Map<AgentId, AgentConsole> consoles = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    @Inject
    public ConsoleCommands(
            Provider<CommandAnswered> answers,
            ConsoleDirectory directory,
            EventStreams streams,
            Clock clock,
            MeterRegistry metrics) {
        this.answers = answers;
        this.directory = directory;
        this.streams = streams;
        this.clock = clock;
        Gauge.builder("omnisync.console.streams.open", this, ConsoleCommands::openStreams)
                .description("agents' consoles connected to the command stream")
                .register(metrics);
    }

    // ---- the engine's port ---------------------------------------------------------------------

    @Override
    public VendorAnswer setPresenceStatus(CommandId command, Agent agent, PresenceStatusId status) {
        return setPresenceStatus(command, agent, status, clock.instant());
    }

    /** Waits for the console at most 60 s from {@code decidedAt} (or from now, if that is later than now). */
    @Override
    public VendorAnswer setPresenceStatus(CommandId command, Agent agent, PresenceStatusId status, Instant decidedAt) {
        Optional<String> salesforceId = directory.salesforceId(status);
        if (salesforceId.isEmpty()) {
            return new VendorAnswer.Refused("the presence status '" + status
                    + "' has no salesforceId in the configuration, which the console needs to set it");
        }
        Instant now = clock.instant();
        Outstanding latest = new Outstanding(
                command, agent.id(), status, salesforceId.get(), decidedAt.isAfter(now) ? now : decidedAt);
        AgentConsole console = console(agent.id());
        console.offer(latest, clock.instant())
                .ifPresent(replaced -> LOG.info(
                        "{} for {} is no longer outstanding: {} replaces it", replaced.command(), agent.id(), command));
        LOG.info(
                "{} for {}: set '{}' ({}), {}",
                command,
                agent.id(),
                status,
                salesforceId.get(),
                console.isConnected() ? "sent to the console" : "waiting for the console to connect");
        return VendorAnswer.DISPATCHED;
    }

    // ---- the console's stream ------------------------------------------------------------------

    /** Opens {@code caller}'s command stream as the answer to {@code request}, replacing any she had. */
    void connect(ConsoleCaller caller, Context request) {
        EventStream events = streams.open(request);
        AgentConsole console = console(caller.agent());
        events.onClose(() -> console.forget(events));
        console.connect(new Stream(events, caller.tokenExpiresAt())).ifPresent(old -> {
            old.events().send("replaced", "{}");
            old.events().close();
            LOG.info("{}'s console connected again: the older stream is replaced", caller.agent());
        });
        LOG.info("{}'s console connected; its token expires at {}", caller.agent(), caller.tokenExpiresAt());
    }

    // ---- what the console reports --------------------------------------------------------------

    /** The result the console posted for {@code command}. */
    public sealed interface ResultOutcome {
        /** It settled the outstanding command. */
        record Settled() implements ResultOutcome {}

        /** The command was settled before (its echo, an earlier result, its expiry): nothing changes. */
        record AlreadySettled(Settlement how) implements ResultOutcome {}

        /** Not a command of this agent's that the service knows. */
        record Unknown() implements ResultOutcome {}
    }

    /**
     * The console says what {@code setServicePresenceStatus} did with {@code command}; the engine is told before this
     * returns (a refusal ends its wait for the echo).
     */
    ResultOutcome result(AgentId agent, CommandId command, Optional<String> refusal) {
        AgentConsole console = console(agent);
        Settlement how = refusal.isPresent() ? Settlement.REFUSED : Settlement.ACCEPTED;
        Optional<Settled> settled = console.settle(command, how, clock.instant());
        if (settled.isEmpty()) {
            return console.settledBefore(command)
                    .<ResultOutcome>map(before -> new ResultOutcome.AlreadySettled(before.how()))
                    .orElseGet(ResultOutcome.Unknown::new);
        }
        CommandAnswer answer =
                refusal.<CommandAnswer>map(CommandAnswer.Refused::new).orElse(CommandAnswer.ACCEPTED);
        tell(new Answer(agent, command, answer));
        return new ResultOutcome.Settled();
    }

    /**
     * Whether a {@code statusChanged} naming {@code status} is an echo (SPEC 10.2): the status of the agent's
     * outstanding command, or of one accepted in the last 30 s. The echo of the outstanding command settles it, as
     * its {@code commandResult} would: the engine hears that it was accepted.
     */
    boolean echo(AgentId agent, PresenceStatusId status) {
        AgentConsole console = console(agent);
        Instant now = clock.instant();
        Optional<Outstanding> echoed = console.echoed(status);
        if (echoed.isPresent()
                && console.settle(echoed.get().command(), Settlement.ECHOED, now)
                        .isPresent()) {
            tell(new Answer(agent, echoed.get().command(), CommandAnswer.ACCEPTED));
            return true;
        }
        return console.acceptedWithin(status, now.minus(ECHO_WINDOW));
    }

    // ---- what a test or the admin may read -----------------------------------------------------

    /** The command the agent's console is to apply, if one waits. */
    public Optional<Outstanding> outstanding(AgentId agent) {
        AgentConsole console = consoles.get(agent);
        return console == null ? Optional.empty() : console.outstanding();
    }

    /** Consoles connected now. */
    public int openStreams() {
        int open = 0;
        for (AgentConsole console : consoles.values()) {
            if (console.isConnected()) {
                open++;
            }
        }
        return open;
    }

    // ---- time ----------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (sweeper != null) {
            return;
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "omnisync-console-clock");
            thread.setDaemon(true);
            return thread;
        });
        ScheduledFuture<?> unused = sweeper.scheduleWithFixedDelay(
                this::sweepSafely, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
    }

    /** Expires the commands that waited 60 s and closes the streams whose token expired, as of the clock now. */
    void sweep() {
        Instant now = clock.instant();
        List<Answer> expired = new ArrayList<>();
        consoles.forEach((agent, console) -> {
            console.expired(now).ifPresent(late -> {
                LOG.info(
                        "{} for {} expired: no console settled it within {} s",
                        late.command(),
                        agent,
                        EXPIRY.toSeconds());
                expired.add(new Answer(agent, late.command(), CommandAnswer.EXPIRED));
            });
            console.tokenExpired(now).ifPresent(stream -> {
                LOG.info("{}'s console token expired: its stream is closed", agent);
                stream.events().close();
            });
        });
        expired.forEach(this::tell);
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.error("the console's clock sweep failed; it runs again in {} ms", SWEEP.toMillis(), e);
        }
    }

    private void tell(Answer answer) {
        if (!answers.get().answered(answer.agent(), answer.command(), answer.answer())) {
            LOG.info(
                    "{} for {} was no longer waiting for an answer; {} changes nothing",
                    answer.command(),
                    answer.agent(),
                    answer.answer());
        }
    }

    private AgentConsole console(AgentId agent) {
        return consoles.computeIfAbsent(agent, unused -> new AgentConsole());
    }
}
