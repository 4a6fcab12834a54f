package io.omnisync.benchmarks;

import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.VendorSystem;
import java.util.HashMap;
import java.util.Map;

/**
 * The baseline: the least work that gives the same answers for the same events. Mutable agent
 * records in a HashMap, the mapping as two plain string maps, no history beyond the last event id,
 * no facts, no return after a call, no rules. What the real engine costs is measured against this.
 */
final class MinimalSync {

    static final class Agent {
        String talkdesk = "available";
        String omni = "Available_for_Calls";
        String expectedTalkdesk;
        String expectedOmni;
        String lastId;
        long latestTalkdesk;
        long latestOmni;
    }

    private final Map<String, String> talkdeskToOmni = new HashMap<>();
    private final Map<String, String> omniToTalkdesk = new HashMap<>();
    private final Map<String, Agent> agents = new HashMap<>();
    private final String[] agentIds;
    private final boolean[] talkdeskSide;
    private final String[] statuses;
    private final String[] ids;
    private final long[] times;

    MinimalSync(EventTrace trace) {
        trace.configuration.mapping().talkdeskToOmni().forEach((k, v) -> talkdeskToOmni.put(k.value(), v.apiName()));
        trace.configuration.mapping().omniToTalkdesk().forEach((k, v) -> omniToTalkdesk.put(k.wireName(), v.value()));
        int n = trace.events.length;
        agentIds = new String[n];
        talkdeskSide = new boolean[n];
        statuses = new String[n];
        ids = new String[n];
        times = new long[n];
        for (int i = 0; i < n; i++) {
            AgentEvent event = trace.events[i];
            agentIds[i] = event.agent().value();
            talkdeskSide[i] = event.system() == VendorSystem.TALKDESK;
            statuses[i] = event instanceof AgentEvent.TalkdeskStatusReported td
                    ? td.status().value()
                    : ((AgentEvent.OmniStatusReported) event).status().wireName();
            ids[i] = event.id().value();
            times[i] = event.at().toEpochMilli();
        }
    }

    void reset() {
        agents.clear();
        for (String id : agentIds) {
            agents.computeIfAbsent(id, key -> new Agent());
        }
    }

    /** Replays the whole trace; returns the number of commands it would send. */
    int replay() {
        int commands = 0;
        for (int i = 0; i < statuses.length; i++) {
            Agent agent = agents.get(agentIds[i]);
            String status = statuses[i];
            if (ids[i].equals(agent.lastId)) {
                continue;
            }
            agent.lastId = ids[i];
            if (talkdeskSide[i]) {
                if (times[i] < agent.latestTalkdesk) {
                    continue;
                }
                agent.latestTalkdesk = times[i];
                agent.talkdesk = status;
                if (status.equals(agent.expectedTalkdesk)) {
                    agent.expectedTalkdesk = null;
                    continue;
                }
                String target = talkdeskToOmni.get(status);
                if (target != null && !"Offline".equals(agent.omni) && !target.equals(agent.omni)) {
                    agent.expectedOmni = target;
                    commands++;
                }
            } else {
                if (times[i] < agent.latestOmni) {
                    continue;
                }
                agent.latestOmni = times[i];
                agent.omni = status;
                if (status.equals(agent.expectedOmni)) {
                    agent.expectedOmni = null;
                    continue;
                }
                boolean inCall = "on_a_call".equals(agent.talkdesk) || "after_call_work".equals(agent.talkdesk);
                String target = omniToTalkdesk.get(status);
                if (!inCall && target != null && !target.equals(agent.talkdesk)) {
                    agent.expectedTalkdesk = target;
                    commands++;
                }
            }
        }
        return commands;
    }
}
