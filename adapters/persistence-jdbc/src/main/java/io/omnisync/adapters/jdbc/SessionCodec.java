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

/** An agent session as a small JSON document, and back: everything, the call memory included. */
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
        ArrayNode talkdesk = node.putArray("expectedTalkdesk");
        session.expectedTalkdesk().forEach(status -> talkdesk.add(status.value()));
        ArrayNode omni = node.putArray("expectedOmni");
        session.expectedOmni().forEach(status -> omni.add(status.apiName()));
        session.latestTalkdeskEvent().forEach(at -> node.put("latestTalkdesk", at.toString()));
        session.latestOmniEvent().forEach(at -> node.put("latestOmni", at.toString()));
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
        CallPhase phase = switch (node.get("phase").asText()) {
            case "onCall" -> new CallPhase.OnCall(remembered);
            case "wrapUp" -> new CallPhase.WrapUp(remembered);
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
                RecentEventIds.of(ids),
                node.get("workload").asInt());
    }

    private static Option<Instant> instant(JsonNode node, String field) {
        return node.has(field) ? Option.some(Instant.parse(node.get(field).asText())) : Option.none();
    }

    private static String phase(CallPhase phase) {
        if (phase instanceof CallPhase.OnCall) {
            return "onCall";
        }
        return phase instanceof CallPhase.WrapUp ? "wrapUp" : "idle";
    }
}
