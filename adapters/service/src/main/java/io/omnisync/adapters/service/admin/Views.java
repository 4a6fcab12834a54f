package io.omnisync.adapters.service.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.service.http.Json;
import io.omnisync.application.audit.AuditEntry;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.session.CallPhase;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Locale;
import java.util.function.Function;

/** How the admin API writes what the engine knows: the JSON shapes of SPEC 10.3. */
final class Views {

    private Views() {}

    /** {@code {"agent", "talkdesk", "omni", "callPhase", "pendingCommands"}}. */
    static ObjectNode agent(AgentSession session, int pendingCommands) {
        return Json.object()
                .put("agent", session.agent().value())
                .put("talkdesk", session.talkdeskStatus().value())
                .put("omni", session.omniStatus().wireName())
                .put("callPhase", callPhase(session.callPhase()))
                .put("pendingCommands", pendingCommands);
    }

    /** {@code idle}, {@code on_a_call} or {@code wrapping_up}. */
    static String callPhase(CallPhase phase) {
        if (phase instanceof CallPhase.OnCall) {
            return "on_a_call";
        }
        if (phase instanceof CallPhase.WrapUp) {
            return "wrapping_up";
        }
        return "idle";
    }

    static ObjectNode settings(IntegrationSettings settings) {
        return Json.object()
                .put("omniChannelSync", settings.omniChannelSync())
                .put("returnToPreviousStatusAfterCall", settings.returnToPreviousStatusAfterCall())
                .put("nextAgentStatus", settings.nextAgentStatus());
    }

    /** {@code {"settings": {...}}}. */
    static ObjectNode settingsAnswer(IntegrationSettings settings) {
        ObjectNode answer = Json.object();
        answer.set("settings", settings(settings));
        return answer;
    }

    /** {@code validate}'s object: {@code {"severity", "code", "path", "message", "line"}}, the line when known. */
    static ObjectNode problem(Problem problem, Function<String, Option<Integer>> lineOf) {
        ObjectNode node = Json.object()
                .put("severity", problem.severity().name())
                .put("code", problem.code().name())
                .put("path", problem.path())
                .put("message", problem.message());
        lineOf.apply(problem.path()).forEach(line -> node.put("line", line));
        return node;
    }

    static ArrayNode problems(Seq<Problem> problems, Function<String, Option<Integer>> lineOf) {
        ArrayNode list = Json.array();
        problems.forEach(problem -> list.add(problem(problem, lineOf)));
        return list;
    }

    /** {@code {"commandId", "agent", "system", "status", "attempts", "lastError"}}. */
    static ObjectNode pending(PendingCommand pending) {
        ObjectNode node = Json.object()
                .put("commandId", pending.id().toString())
                .put("agent", pending.command().agent().value())
                .put("system", pending.command().system().wireName())
                .put("status", pending.command().statusName())
                .put("attempts", pending.attempts());
        if (pending.lastError().isDefined()) {
            node.put("lastError", pending.lastError().get());
        } else {
            node.putNull("lastError");
        }
        return node;
    }

    /** The dry run as {@code plan --json} writes it: {@code {"commands": [...], "skipped": [...]}}. */
    static ObjectNode plan(Seq<AgentDecision> decisions) {
        ObjectNode answer = Json.object();
        ArrayNode commands = answer.putArray("commands");
        ArrayNode skipped = answer.putArray("skipped");
        for (AgentDecision decision : decisions) {
            decision.commands()
                    .forEach(command -> commands.add(command(Json.object().put("kind", "command"), command)));
            decision.facts()
                    .filter(Fact.Skipped.class::isInstance)
                    .map(Fact.Skipped.class::cast)
                    .forEach(skip -> skipped.addObject()
                            .put("kind", "skipped")
                            .put("agent", skip.agent().value())
                            .put("reason", skip.reason().name())
                            .put("detail", skip.detail()));
        }
        return answer;
    }

    /** One entry of an agent's audit trail: {@code {"at", "kind", "reason", "message", ...}}. */
    static ObjectNode fact(AuditEntry entry) {
        ObjectNode node = Json.object().put("at", entry.at().toString());
        Fact fact = entry.fact();
        if (fact instanceof Fact.Synced synced) {
            Command command = synced.command();
            node.put("kind", "command")
                    .put("reason", command.because().origin().name())
                    .put(
                            "message",
                            name(command.system()) + " set to '" + command.statusName() + "' (" + command.because()
                                    + ")");
            command(node, command);
        } else if (fact instanceof Fact.Skipped skipped) {
            node.put("kind", "skipped")
                    .put("reason", skipped.reason().name())
                    .put("message", skipped.detail())
                    .put("system", skipped.system().wireName());
            skipped.status().forEach(status -> node.put("status", status));
            skipped.target().forEach(target -> node.put("target", target));
            skipped.event().forEach(event -> node.put("event", event.value()));
        } else if (fact instanceof Fact.StatusRemembered remembered) {
            node.put("kind", "remembered")
                    .put("reason", "RETURN_AFTER_CALL")
                    .put(
                            "message",
                            "remembers Omni-Channel '" + remembered.status().wireName()
                                    + "' to return to after the call")
                    .put("status", remembered.status().wireName());
        } else if (fact instanceof Fact.CommandFailed failed) {
            node.put("kind", "refused")
                    .put("reason", "REFUSED")
                    .put(
                            "message",
                            name(failed.command().system()) + " refused '"
                                    + failed.command().statusName() + "': " + failed.reason());
            command(node, failed.command());
        } else if (fact instanceof Fact.Superseded superseded) {
            node.put("kind", "superseded")
                    .put("reason", "SUPERSEDED")
                    .put(
                            "message",
                            "'" + superseded.command().statusName() + "' was never sent to "
                                    + name(superseded.command().system()) + ": '"
                                    + superseded.by().statusName()
                                    + "' came after it");
            command(node, superseded.command());
        } else if (fact instanceof Fact.Expired expired) {
            node.put("kind", "expired")
                    .put("reason", "EXPIRED")
                    .put(
                            "message",
                            "no console took '" + expired.command().statusName()
                                    + "' in time; Omnisync stopped waiting for it");
            command(node, expired.command());
        } else if (fact instanceof Fact.Refused refused) {
            node.put("kind", "adminRefused")
                    .put("reason", refused.refusal().code().name())
                    .put("message", refused.refusal().message());
        } else if (fact instanceof Fact.SettingsChanged changed) {
            node.put("kind", "settings")
                    .put("reason", "SETTINGS_CHANGED")
                    .put("message", "settings are now " + settings(changed.settings()));
        } else if (fact instanceof Fact.RuleToggled toggled) {
            node.put("kind", "rule")
                    .put("reason", "RULE_TOGGLED")
                    .put("message", "rule '" + toggled.rule() + "' " + (toggled.enabled() ? "enabled" : "disabled"));
        } else if (fact instanceof Fact.ConfigurationApplied applied) {
            node.put("kind", "configuration")
                    .put("reason", "CONFIGURATION_APPLIED")
                    .put(
                            "message",
                            "a configuration was applied with "
                                    + applied.warnings().size() + " warning(s)");
        } else if (fact instanceof Fact.ConfigurationRejected rejected) {
            node.put("kind", "configuration")
                    .put("reason", "CONFIGURATION_REJECTED")
                    .put(
                            "message",
                            "a configuration was rejected with "
                                    + rejected.problems().size() + " problem(s)");
        }
        return node;
    }

    private static ObjectNode command(ObjectNode node, Command command) {
        return node.put("agent", command.agent().value())
                .put("system", command.system().wireName())
                .put("status", command.statusName())
                .put("because", command.because().toString());
    }

    private static String name(VendorSystem system) {
        return system == VendorSystem.TALKDESK ? "Talkdesk" : "Omni-Channel";
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
