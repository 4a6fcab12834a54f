package io.omnisync.adapters.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.collection.Seq;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * SPEC section 8's machine-readable output: one JSON object a line, in the order things happened.
 * {@code command}, {@code skipped}, {@code refused} and {@code final} are the contract; the other
 * kinds ({@code event}, {@code ignored}, {@code vendorRefused}, {@code call}, {@code remembered},
 * {@code failed}, {@code settings}, {@code pending}) are extra, and readers ignore kinds they do not know. Every
 * line about an Omni-Channel report carries its reason ({@code omniReason}), and a failed command
 * its {@code code} ({@code UNKNOWN_AT_VENDOR} when the vendor no longer knows the status).
 */
final class JsonLinesTimeline implements Timeline {

    /** Reports that are not changes at all: not decisions of rules 4.3 and 4.4. */
    static final Set<SkipReason> IGNORED = EnumSet.of(
            SkipReason.ECHO, SkipReason.UNCHANGED, SkipReason.DUPLICATE, SkipReason.STALE, SkipReason.SYNC_OFF);

    private final PrintWriter out;
    private final ObjectMapper json = new ObjectMapper();

    JsonLinesTimeline(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void happened(int line, Instant at, String what) {
        emit(object("event").put("line", line).put("at", at.toString()).put("what", what));
    }

    @Override
    public void vendorRefused(int line, String agent, String reason) {
        emit(object("vendorRefused").put("line", line).put("agent", agent).put("reason", reason));
    }

    @Override
    public void callOffered(int line, String agent, boolean rings, String detail) {
        emit(object("call")
                .put("line", line)
                .put("agent", agent)
                .put("rings", rings)
                .put("detail", detail));
    }

    @Override
    public void facts(Seq<Fact> facts) {
        facts.forEach(this::fact);
    }

    private void fact(Fact fact) {
        if (fact instanceof Fact.Synced synced) {
            emit(reported(command(object("command"), synced.command()), fact));
        } else if (fact instanceof Fact.Skipped skipped) {
            emit(reported(
                    object(IGNORED.contains(skipped.reason()) ? "ignored" : "skipped")
                            .put("agent", skipped.agent().value())
                            .put("reason", skipped.reason().name())
                            .put("detail", skipped.detail()),
                    fact));
        } else if (fact instanceof Fact.Refused refused) {
            emit(object("refused")
                    .put("code", refused.refusal().code().name())
                    .put("message", refused.refusal().message()));
        } else if (fact instanceof Fact.StatusRemembered remembered) {
            emit(reported(
                    object("remembered")
                            .put("agent", remembered.agent().value())
                            .put("status", remembered.status().wireName()),
                    fact));
        } else if (fact instanceof Fact.CommandFailed failed) {
            emit(command(object("failed"), failed.command())
                    .put("code", failed.failure().name())
                    .put("reason", failed.reason()));
        } else if (fact instanceof Fact.Superseded superseded) {
            emit(command(object("superseded"), superseded.command())
                    .put("by", superseded.by().statusName()));
        } else if (fact instanceof Fact.Expired expired) {
            emit(command(object("expired"), expired.command()));
        } else if (fact instanceof Fact.SettingsChanged changed) {
            emit(object("settings")
                    .put("omniChannelSync", changed.settings().omniChannelSync())
                    .put("returnToPreviousStatusAfterCall", changed.settings().returnToPreviousStatusAfterCall())
                    .put("nextAgentStatus", changed.settings().nextAgentStatus()));
        } else if (fact instanceof Fact.RuleToggled toggled) {
            emit(object("rule").put("name", toggled.rule()).put("enabled", toggled.enabled()));
        }
    }

    @Override
    public void pending(Seq<PendingCommand> pending) {
        pending.forEach(p -> emit(command(object("pending"), p.command())
                .put("attempts", p.attempts())
                .put("lastError", p.lastError().getOrElse(""))));
    }

    @Override
    public void finished(Seq<AgentSession> agents, Function<AgentSession, String[]> vendorStatuses) {
        ObjectNode last = object("final");
        ArrayNode list = last.putArray("agents");
        agents.forEach(session -> {
            String[] statuses = vendorStatuses.apply(session);
            list.addObject()
                    .put("agent", session.agent().value())
                    .put("talkdesk", statuses[0])
                    .put("omni", statuses[1]);
        });
        emit(last);
    }

    private ObjectNode command(ObjectNode node, Command command) {
        return node.put("agent", command.agent().value())
                .put("system", command.system().wireName())
                .put("status", command.statusName())
                .put("because", command.because().toString());
    }

    /** A fact about an Omni-Channel report says the report's reason (SPEC 4.10): a timeout is not a choice. */
    private static ObjectNode reported(ObjectNode node, Fact fact) {
        fact.omniReason().forEach(reason -> node.put("omniReason", reason.wireName()));
        return node;
    }

    private ObjectNode object(String kind) {
        return json.createObjectNode().put("kind", kind);
    }

    private void emit(ObjectNode node) {
        out.println(node.toString());
        out.flush();
    }
}
