package io.omnisync.adapters.service.webhook;

import io.omnisync.adapters.service.http.ApiError;
import io.omnisync.adapters.service.http.ApiRequest;
import io.omnisync.adapters.service.http.Json;
import io.omnisync.adapters.service.http.RouteGroup;
import io.omnisync.adapters.service.http.Routes;
import io.omnisync.adapters.service.ops.ServiceMetrics;
import io.omnisync.adapters.service.security.WebhookAccess;
import io.omnisync.application.audit.AuditTrail;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.reporting.AcceptReportedChange;
import io.omnisync.application.reporting.CallEvent;
import io.omnisync.application.reporting.ReportNotTaken;
import io.omnisync.application.reporting.TalkdeskStatusChange;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code POST /webhooks/talkdesk} (SPEC 10.1): a signed Talkdesk event, decided and committed before it is answered
 * {@code 202 {"status":"accepted"}}, so that an acknowledged event survives a crash (on Kafka: once the broker
 * acknowledged it on the events topic; if it did not, {@code 503 UNAVAILABLE} and nothing is claimed). An event Omnisync cannot use (a
 * type it does not know, a user or a status the configuration does not have, a redelivery) is still 202, with a fact
 * in the audit trail, as a sender that delivers at least once must not retry it forever. A type it does not know is
 * recorded here ({@code UNKNOWN_EVENT_TYPE}); the engine itself decides an unknown user, status or redelivery. The event's own time
 * ({@code occurred_at}) orders an agent's Talkdesk events; events of one agent are decided one at a time.
 *
 * <p>Event ids are kept as {@code talkdesk:<id>}, so that deduplication is by (source, agent, id): a console event
 * with the same id is another event.
 */
@Singleton
public final class TalkdeskWebhooks implements RouteGroup {

    public static final String PATH = "/webhooks/talkdesk";
    static final String SOURCE = "talkdesk";

    private static final Logger LOG = LoggerFactory.getLogger(TalkdeskWebhooks.class);

    private final WebhookAccess access;
    private final AcceptReportedChange engine;
    private final QueryAgents agents;
    private final AuditTrail audit;
    private final ServiceMetrics metrics;
    private final TalkdeskUsers users = new TalkdeskUsers();

    @Inject
    public TalkdeskWebhooks(
            WebhookAccess access,
            AcceptReportedChange engine,
            QueryAgents agents,
            AuditTrail audit,
            ServiceMetrics metrics) {
        this.access = access;
        this.engine = engine;
        this.agents = agents;
        this.audit = audit;
        this.metrics = metrics;
    }

    @Override
    public void addTo(Routes routes) {
        routes.post(PATH, access, this::receive);
    }

    private void receive(ApiRequest request) {
        TalkdeskWebhook webhook = TalkdeskWebhook.read(request.json());
        metrics.received(SOURCE, webhook.isKnown() ? webhook.type() : "unknown");
        Configuration configuration = running();
        EventId id = EventId.of(SOURCE + ":" + webhook.id());
        Optional<Agent> agent = webhook.userIdIfAny().flatMap(user -> users.agent(configuration, user));
        AgentId about = agent.map(Agent::id)
                .orElseGet(() ->
                        AgentId.of(SOURCE + "-user:" + webhook.userIdIfAny().orElse("?")));
        MDC.put("agent", about.value());
        MDC.put("event", id.value());
        try {
            if (webhook.isKnown()) {
                engine.accept(eventOf(webhook, about, id));
            } else {
                unusable(about, id, SkipReason.UNKNOWN_EVENT_TYPE, webhook.type());
            }
        } catch (ReportNotTaken notDurable) {
            LOG.warn("{} not acknowledged: {}", webhook.type(), notDurable.getMessage());
            throw unavailable();
        } finally {
            MDC.remove("agent");
            MDC.remove("event");
        }
        request.respond(202, Json.object().put("status", "accepted"));
    }

    private static AgentEvent eventOf(TalkdeskWebhook webhook, AgentId agent, EventId id) {
        return switch (webhook.type()) {
            case TalkdeskWebhook.STATUS_CHANGED ->
                new TalkdeskStatusChange(
                                agent, TalkdeskStatusId.of(webhook.status().orElseThrow()), id, webhook.occurredAt())
                        .toEvent();
            case TalkdeskWebhook.CALL_STARTED -> call(agent, CallEvent.Step.CALL_STARTED, Option.none(), id, webhook);
            case TalkdeskWebhook.CALL_ENDED -> call(agent, CallEvent.Step.CALL_ENDED, Option.none(), id, webhook);
            case TalkdeskWebhook.WRAP_UP_ENDED -> {
                Option<TalkdeskStatusId> next =
                        Option.ofOptional(webhook.nextStatus()).map(TalkdeskStatusId::of);
                if (next.exists(TalkdeskStatusId::isReservedForCalls)) {
                    throw ApiError.badRequest(
                            "'data.next_status' cannot be '" + next.get() + "': wrap-up never ends in a call status");
                }
                yield call(agent, CallEvent.Step.WRAP_UP_ENDED, next, id, webhook);
            }
            default -> throw new IllegalArgumentException("not a known type: " + webhook.type());
        };
    }

    private static AgentEvent call(
            AgentId agent, CallEvent.Step step, Option<TalkdeskStatusId> next, EventId id, TalkdeskWebhook webhook) {
        return new CallEvent(agent, step, next, id, webhook.occurredAt())
                .asStatusChange()
                .toEvent();
    }

    /** A well-formed event Omnisync cannot use: acknowledged, and recorded so that the audit trail says what came. */
    private void unusable(AgentId agent, EventId id, SkipReason reason, String what) {
        Fact.Skipped fact = new Fact.Skipped(
                agent,
                reason,
                VendorSystem.TALKDESK,
                Option.some(what),
                Option.none(),
                Option.some(id),
                Because.REPORT);
        audit.record(List.of(fact));
        metrics.decided(reason.name().toLowerCase(java.util.Locale.ROOT));
        LOG.info("acknowledged and not used: {}", fact.detail());
    }

    /** The event could not be made durable: not acknowledged, so the sender retries it (SPEC 10, 13). */
    static ApiError unavailable() {
        return new ApiError(
                503, "UNAVAILABLE", "the event could not be stored; nothing was acknowledged, send it again shortly");
    }

    private Configuration running() {
        try {
            return agents.configuration();
        } catch (IllegalStateException notYet) {
            throw new ApiError(503, "UNAVAILABLE", "the service has no configuration loaded yet; retry shortly");
        }
    }
}
