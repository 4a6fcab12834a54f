package io.omnisync.adapters.service.console;

import io.omnisync.adapters.service.http.Access;
import io.omnisync.adapters.service.http.ApiError;
import io.omnisync.adapters.service.http.ApiRequest;
import io.omnisync.adapters.service.http.Json;
import io.omnisync.adapters.service.http.RouteGroup;
import io.omnisync.adapters.service.http.Routes;
import io.omnisync.adapters.service.ops.ServiceMetrics;
import io.omnisync.application.audit.AuditTrail;
import io.omnisync.application.reporting.AcceptReportedChange;
import io.omnisync.application.reporting.ReportNotTaken;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The console endpoints (SPEC 10.2): {@code GET /console/commands}, the agent's command stream, and {@code POST
 * /console/events}, what her console reports, each answered {@code 202 {"status":"accepted"}} once what it means is
 * committed. Both act for the agent the token names ({@link ConsoleAccess}), after the size check and before the
 * content is read; CORS for the configured console origins ({@link ConsoleCors}). Console events are ordered by their
 * arrival: the browser's {@code at} is only logged. Event ids are kept as {@code console:<id>}, so deduplication is by
 * (source, agent, id).
 *
 * <p>Also {@code GET /console/omnisync-bridge.js}, the bridge script, when the console module's jar is on the
 * classpath (a test console loads it from here; Salesforce loads its own copy, the static resource).
 */
@Singleton
public final class ConsoleEndpoints implements RouteGroup {

    public static final String COMMANDS = "/console/commands";
    public static final String EVENTS = "/console/events";
    public static final String BRIDGE = "/console/omnisync-bridge.js";

    static final String SOURCE = "console";
    private static final String BRIDGE_RESOURCE = "omnisync/console/omnisync-bridge.js";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleEndpoints.class);

    private final ConsoleAccess access;
    private final ConsoleCors cors;
    private final ConsoleCommands commands;
    private final ConsoleDirectory directory;
    private final AcceptReportedChange engine;
    private final AuditTrail audit;
    private final ServiceMetrics metrics;
    private final Clock clock;

    @Inject
    public ConsoleEndpoints(
            ConsoleAccess access,
            ConsoleCors cors,
            ConsoleCommands commands,
            ConsoleDirectory directory,
            AcceptReportedChange engine,
            AuditTrail audit,
            ServiceMetrics metrics,
            Clock clock) {
        this.access = access;
        this.cors = cors;
        this.commands = commands;
        this.directory = directory;
        this.engine = engine;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void addTo(Routes routes) {
        routes.before("/console/*", cors::answerTo)
                .options(COMMANDS, Access.ANYONE, cors::preflight)
                .options(EVENTS, Access.ANYONE, cors::preflight)
                .get(COMMANDS, access, this::stream)
                .post(EVENTS, access, this::event)
                .get(BRIDGE, Access.ANYONE, this::bridge);
    }

    private void stream(ApiRequest request) {
        commands.connect(ConsoleAccess.caller(request.context()), request.context());
    }

    private void event(ApiRequest request) {
        ConsoleCaller caller = ConsoleAccess.caller(request.context());
        ConsoleEvent event = ConsoleEvent.read(request.json());
        metrics.received(SOURCE, event instanceof ConsoleEvent.Unknown ? "unknown" : event.type());
        MDC.put("agent", caller.agent().value());
        try {
            if (event instanceof ConsoleEvent.CommandResult result) {
                commandResult(caller.agent(), result);
            } else {
                EventId id = EventId.of(SOURCE + ":" + idOf(event));
                MDC.put("event", id.value());
                report(caller.agent(), id, event);
            }
        } catch (ReportNotTaken notDurable) {
            LOG.warn("{} not acknowledged: {}", event.type(), notDurable.getMessage());
            throw new ApiError(
                    503,
                    "UNAVAILABLE",
                    "the event could not be stored; nothing was acknowledged, send it again shortly");
        } finally {
            MDC.remove("agent");
            MDC.remove("event");
        }
        request.respond(202, Json.object().put("status", "accepted"));
    }

    private void report(AgentId agent, EventId id, ConsoleEvent event) {
        Instant arrived = clock.instant();
        if (event instanceof ConsoleEvent.StatusChanged changed) {
            statusChanged(agent, id, changed, arrived);
        } else if (event instanceof ConsoleEvent.Logout logout) {
            if (logout.handedOver()) {
                recordOnly(
                        agent,
                        id,
                        SkipReason.UNCHANGED,
                        "logout " + logout.reason().orElseThrow() + " (another tab took Omni-Channel over)");
            } else {
                LOG.info(
                        "logout ({}) at {} by the browser's clock",
                        logout.reason().orElse("no reason"),
                        logout.at());
                decide(new AgentEvent.OmniStatusReported(id, agent, arrived, OmniStatus.OFFLINE));
            }
        } else if (event instanceof ConsoleEvent.WorkloadChanged workload) {
            decide(new AgentEvent.OmniWorkloadReported(id, agent, arrived, workload.newWorkload()));
        } else if (event instanceof ConsoleEvent.WorkAccepted work) {
            decide(new AgentEvent.OmniWorkAccepted(id, agent, arrived, work.channel()));
        } else if (event instanceof ConsoleEvent.Unknown unknown) {
            recordOnly(agent, id, SkipReason.UNKNOWN_EVENT_TYPE, unknown.type());
        }
    }

    /**
     * The agent's presence as the toolkit reports it. Whether it is the echo of a change Omnisync asked for is the
     * engine's decision (its expectation), never the toolkit's {@code reason} alone: other console integrations set
     * statuses through the toolkit too. The echo of the outstanding command settles it, as its result would.
     */
    private void statusChanged(AgentId agent, EventId id, ConsoleEvent.StatusChanged changed, Instant arrived) {
        Optional<PresenceStatusId> status = statusOf(changed);
        if (status.isEmpty()) {
            recordOnly(agent, id, SkipReason.UNKNOWN_STATUS, changed.statusApiName());
            return;
        }
        // The toolkit's reason goes to the engine (rule 4.10: Salesforce's own moves may be ignored); a name the
        // toolkit does not document is taken as a manual pick, the safe side: it is synced.
        Option<OmniReason> reason = Option.ofOptional(changed.reason()).flatMap(OmniReason::parse);
        decide(new AgentEvent.OmniStatusReported(id, agent, arrived, status.get(), reason));
        boolean echo = commands.echo(agent, status.get());
        LOG.info(
                "statusChanged to '{}' ({}{}) at {} by the browser's clock",
                status.get(),
                changed.reason().orElse("no reason: a manual pick"),
                echo ? ", the echo of Omnisync's command" : "",
                changed.at());
    }

    /** The status by its API name, or by its {@code salesforceId} when the API name is not the configuration's. */
    private Optional<PresenceStatusId> statusOf(ConsoleEvent.StatusChanged changed) {
        if (!OmniStatus.OFFLINE_NAME.equals(changed.statusApiName())) {
            PresenceStatusId named = PresenceStatusId.of(changed.statusApiName());
            if (directory.hasStatus(named)) {
                return Optional.of(named);
            }
        }
        return directory.statusOf(changed.statusId());
    }

    private void commandResult(AgentId agent, ConsoleEvent.CommandResult result) {
        Optional<CommandId> command = commandId(result.commandId());
        Optional<String> refusal = result.accepted()
                ? Optional.empty()
                : Optional.of(result.message().orElse("refused by the agent's console"));
        ConsoleCommands.ResultOutcome outcome = command.map(id -> commands.result(agent, id, refusal))
                .orElseGet(ConsoleCommands.ResultOutcome.Unknown::new);
        if (outcome instanceof ConsoleCommands.ResultOutcome.Unknown) {
            throw ApiError.notFound("no command '" + result.commandId() + "' for this agent");
        }
        if (outcome instanceof ConsoleCommands.ResultOutcome.AlreadySettled before) {
            LOG.info(
                    "{} of {} came after it was settled ({}): nothing changes",
                    result.accepted() ? "acceptance" : "refusal",
                    result.commandId(),
                    before.how().name().toLowerCase(Locale.ROOT));
        } else {
            LOG.info(
                    "the console {} {}{}",
                    result.accepted() ? "applied" : "refused",
                    result.commandId(),
                    refusal.map(why -> ": " + why).orElse(""));
        }
    }

    private static Optional<CommandId> commandId(String text) {
        try {
            return Optional.of(CommandId.of(Long.parseLong(text)));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    /** Hands the event to the engine; returns once it is durable (decided and committed, or on the events log). */
    private void decide(AgentEvent event) {
        engine.accept(event);
    }

    /** A well-formed event Omnisync does not act on: acknowledged, and recorded so the audit trail says what came. */
    private void recordOnly(AgentId agent, EventId id, SkipReason reason, String what) {
        Fact.Skipped fact = new Fact.Skipped(
                agent, reason, VendorSystem.OMNI, Option.some(what), Option.none(), Option.some(id), Because.REPORT);
        audit.record(List.of(fact));
        metrics.decided(reason.name().toLowerCase(Locale.ROOT));
        LOG.info("acknowledged and not acted on: {}", fact.detail());
    }

    private static String idOf(ConsoleEvent event) {
        if (event instanceof ConsoleEvent.StatusChanged changed) {
            return changed.id();
        }
        if (event instanceof ConsoleEvent.Logout logout) {
            return logout.id();
        }
        if (event instanceof ConsoleEvent.WorkloadChanged workload) {
            return workload.id();
        }
        if (event instanceof ConsoleEvent.WorkAccepted work) {
            return work.id();
        }
        if (event instanceof ConsoleEvent.Unknown unknown) {
            return unknown.id().orElse("(no id)");
        }
        throw new IllegalArgumentException("no event id: " + event.type());
    }

    private void bridge(ApiRequest request) throws IOException {
        try (InputStream script = ConsoleEndpoints.class.getClassLoader().getResourceAsStream(BRIDGE_RESOURCE)) {
            if (script == null) {
                throw ApiError.notFound("the console bridge is not packaged with this service (the omnisync-console"
                        + " jar is not on its classpath); Salesforce loads it from the OmnisyncBridge static resource");
            }
            request.context().header("Cache-Control", "no-cache");
            request.context()
                    .status(200)
                    .contentType("text/javascript; charset=utf-8")
                    .result(script.readAllBytes());
        }
    }
}
