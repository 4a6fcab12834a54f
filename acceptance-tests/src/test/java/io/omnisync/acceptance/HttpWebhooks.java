package io.omnisync.acceptance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.sandbox.SimulationClock;
import io.omnisync.application.audit.FactLog;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.reporting.ReportTalkdeskStatusChange;
import io.omnisync.application.reporting.ReportVendorEvent;
import io.omnisync.application.reporting.TalkdeskStatusChange;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Talkdesk's side of the wire in the {@code http} set: every report the Talkdesk sandbox makes is
 * posted to the service as a signed webhook (SPEC 10.1), the way a relay of Talkdesk's events would
 * post it, and must be answered {@code 202}; Omni-Channel's reports go to the engine as before.
 * A call's steps are sent as {@code call.started}, {@code call.ended} and {@code wrapup.ended} (with
 * {@code next_status} when wrap-up did not end in Available), any other change as {@code
 * agent.status_changed}. The simulation is told what the engine decided for each webhook from the
 * facts it recorded while answering it, so that it delivers commands as it does in process.
 */
final class HttpWebhooks implements ReportVendorEvent, ReportTalkdeskStatusChange {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReportVendorEvent engine;
    private final QueryAgents agents;
    private final FactLog facts;
    private final SimulationClock clock;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<AgentId, TalkdeskStatusId> lastSent = new HashMap<>();
    private URI service;

    @Inject
    HttpWebhooks(ReportVendorEvent engine, QueryAgents agents, FactLog facts, SimulationClock clock) {
        this.engine = engine;
        this.agents = agents;
        this.facts = facts;
        this.clock = clock;
    }

    /** Where the service listens, once it does. */
    void postTo(int port) {
        service = URI.create("http://127.0.0.1:" + port + "/webhooks/talkdesk");
    }

    @Override
    public Either<Fact.Skipped, AgentDecision> report(AgentEvent event) {
        if (!(event instanceof AgentEvent.TalkdeskStatusReported talkdesk)) {
            return engine.report(event);
        }
        facts.drain();
        post(webhook(talkdesk));
        return decided(talkdesk.agent(), facts.drain());
    }

    @Override
    public void talkdeskStatusChanged(TalkdeskStatusChange change) {
        report(change.toEvent());
    }

    /** SPEC 10.1's body for the report. */
    private String webhook(AgentEvent.TalkdeskStatusReported event) {
        TalkdeskStatusId status = event.status();
        TalkdeskStatusId before = lastSent.put(event.agent(), status);
        ObjectNode body = JSON.createObjectNode()
                .put("id", event.id().value())
                .put("occurred_at", event.at().toString());
        ObjectNode data = JSON.createObjectNode().put("user_id", userId(event.agent()));
        if (status.equals(TalkdeskStatusId.ON_A_CALL)) {
            body.put("type", "call.started");
        } else if (status.equals(TalkdeskStatusId.AFTER_CALL_WORK)) {
            body.put("type", "call.ended");
        } else if (TalkdeskStatusId.AFTER_CALL_WORK.equals(before)) {
            body.put("type", "wrapup.ended");
            if (!status.equals(TalkdeskStatusId.AVAILABLE)) {
                data.put("next_status", status.value());
            }
        } else {
            body.put("type", "agent.status_changed");
            data.put("status", status.value());
        }
        body.set("data", data);
        return body.toString();
    }

    /** The agent's Talkdesk user; an agent the configuration does not have is sent as her id, unknown to it. */
    private String userId(AgentId agent) {
        return agents.configuration().agent(agent).map(Agent::talkdeskUserId).getOrElse(agent.value());
    }

    private void post(String body) {
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(service)
                .header("Content-Type", "application/json")
                .header("Omnisync-Signature", "t=" + now + ",v1=" + sign(now + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the service did not answer the webhook " + body, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (answer.statusCode() != 202) {
            throw new AssertionError("the service answered the webhook " + body + " with " + answer.statusCode() + " "
                    + answer.body() + ", not 202");
        }
    }

    /** What the engine decided about the webhook, read back from the facts it recorded for it. */
    private Either<Fact.Skipped, AgentDecision> decided(AgentId agent, Seq<Fact> recorded) {
        Option<AgentSession> session = agents.agent(agent);
        if (session.isEmpty()) {
            return Either.left(recorded.filter(Fact.Skipped.class::isInstance)
                    .map(Fact.Skipped.class::cast)
                    .headOption()
                    .getOrElseThrow(() -> new AssertionError("no fact about the webhook for " + agent)));
        }
        return Either.right(new AgentDecision(
                session.get(),
                recorded.filter(Fact.Synced.class::isInstance).map(fact -> ((Fact.Synced) fact).command()),
                recorded));
    }

    private static String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(
                    new SecretKeySpec(HttpContactCenter.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
