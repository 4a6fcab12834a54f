package io.omnisync.adapters.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.session.CallPhase;
import io.omnisync.domain.session.RecentEventIds;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * An agent session as a small JSON document, and back: everything, the call memory (and whether it
 * is the agent's own pick), the awaited echoes with the times they come after, and the clocks of
 * each kind of report included. Documents written before the newer fields read back without them.
 */
final class SessionCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionCodec() {}

    static String encode(AgentSession session) {
        ObjectNode node = JSON.createObjectNode()
                .put("talkdesk", session.talkdeskStatus().value())
                .put("omni", session.omniStatus().wireName())
                .put("phase", phase(session.callPhase()))
                .put("workload", session.workload());
        session.callPhase().remembered().forEach(status -> node.put("remembered", status.wireName()));
        if (session.callPhase().picked()) {
            node.put("picked", true);
        }
        ArrayNode talkdesk = node.putArray("expectedTalkdesk");
        session.expectedTalkdesk().forEach(status -> talkdesk.add(status.value()));
        ArrayNode omni = node.putArray("expectedOmni");
        session.expectedOmni().forEach(status -> omni.add(status.apiName()));
        session.latestTalkdeskEvent().forEach(at -> node.put("latestTalkdesk", at.toString()));
        session.latestOmniEvent().forEach(at -> node.put("latestOmni", at.toString()));
        session.latestOmniWorkEvent().forEach(at -> node.put("latestOmniWork", at.toString()));
        ArrayNode talkdeskAfter = node.putArray("expectedTalkdeskAfter");
        session.expectedTalkdeskAfter().forEach(at -> talkdeskAfter.add(at.toString()));
        ArrayNode omniAfter = node.putArray("expectedOmniAfter");
        session.expectedOmniAfter().forEach(at -> omniAfter.add(at.toString()));
        ArrayNode ids = node.putArray("recentIds");
        for (long id : session.recentEventIds().oldestFirst()) {
            ids.add(id);
        }
        return node.toString();
    }

    static AgentSession decode(String agent, String text) {
        try {
            return read(agent, JSON.readTree(text));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new StoreException(
                    "the stored session of agent '" + agent + "' is damaged (not the JSON Omnisync wrote)", e);
        }
    }

    private static AgentSession read(String agent, JsonNode node) {
        Option<OmniStatus> remembered = node.has("remembered")
                ? Option.some(OmniStatus.parse(node.get("remembered").asText()))
                : Option.none();
        boolean picked = node.path("picked").asBoolean(false);
        CallPhase phase = switch (node.get("phase").asText()) {
            case "onCall" -> new CallPhase.OnCall(remembered, picked);
            case "wrapUp" -> new CallPhase.WrapUp(remembered, picked);
            default -> CallPhase.IDLE;
        };
        long[] ids = new long[node.get("recentIds").size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = node.get("recentIds").get(i).asLong();
        }
        return new AgentSession(
                AgentId.of(agent),
                TalkdeskStatusId.of(node.get("talkdesk").asText()),
                OmniStatus.parse(node.get("omni").asText()),
                phase,
                List.ofAll(node.get("expectedTalkdesk")).map(n -> TalkdeskStatusId.of(n.asText())),
                List.ofAll(node.get("expectedOmni")).map(n -> PresenceStatusId.of(n.asText())),
                instant(node, "latestTalkdesk"),
                instant(node, "latestOmni"),
                instant(node, "latestOmniWork"),
                instants(node, "expectedTalkdeskAfter"),
                instants(node, "expectedOmniAfter"),
                RecentEventIds.of(ids),
                node.get("workload").asInt());
    }

    private static Option<Instant> instant(JsonNode node, String field) {
        return node.has(field) ? Option.some(Instant.parse(node.get(field).asText())) : Option.none();
    }

    /** Written before these were kept: none (the session aligns them with what it awaits). */
    private static List<Instant> instants(JsonNode node, String field) {
        return node.has(field) ? List.ofAll(node.get(field)).map(n -> Instant.parse(n.asText())) : List.empty();
    }

    private static String phase(CallPhase phase) {
        if (phase instanceof CallPhase.OnCall) {
            return "onCall";
        }
        return phase instanceof CallPhase.WrapUp ? "wrapUp" : "idle";
    }
}
