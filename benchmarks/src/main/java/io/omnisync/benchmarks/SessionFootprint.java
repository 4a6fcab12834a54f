package io.omnisync.benchmarks;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.PresenceSync;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained heap per agent session, for a million sessions that have lived through a realistic
 * trace (so their event-id windows, expectations and call memories are filled), measured by
 * walking the object graph with JOL. Shared objects (interned status ids, the configuration) are
 * counted once, as they are in a running engine.
 */
public final class SessionFootprint {

    private SessionFootprint() {}

    public static void main(String[] args) {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int templates = 10_000;
        EventTrace trace = EventTrace.generate(templates, 400_000, 99L);
        Map<AgentId, AgentSession> lived = new HashMap<>(trace.initialSessions);
        for (AgentEvent event : trace.events) {
            lived.put(
                    event.agent(),
                    PresenceSync.decide(trace.configuration, trace.agent(event), lived.get(event.agent()), event)
                            .session());
        }
        AgentSession[] population = new AgentSession[sessions];
        AgentSession[] models = lived.values().toArray(AgentSession[]::new);
        for (int i = 0; i < sessions; i++) {
            AgentSession model = models[i % models.length];
            population[i] = ownCopy(model, i);
        }
        System.gc();
        long total = GraphLayout.parseInstance((Object) population).totalSize();
        long perSession = (total - 16L - 4L * sessions) / sessions;
        System.out.printf("sessions=%d retainedBytes=%d bytesPerSession=%d%n", sessions, total, perSession);
    }

    /**
     * A session of its own, as a real one would be: its own id, its own event ids and times. The
     * status ids stay shared, as the engine's are (they come from the configuration).
     */
    private static AgentSession ownCopy(AgentSession model, int i) {
        AgentSession copy = AgentSession.start(AgentId.of("agent-" + i), model.talkdeskStatus(), model.omniStatus())
                .withCallPhase(model.callPhase())
                .withWorkload(model.workload());
        for (var status : model.expectedTalkdesk()) {
            copy = copy.expectingTalkdesk(status);
        }
        for (var status : model.expectedOmni()) {
            copy = copy.expectingOmni(status);
        }
        long base = 1_767_600_000_000L + i;
        int n = 0;
        for (int k = 0; k < model.recentEventIds().size(); k++) {
            String id = "evt-" + k;
            java.time.Instant at = java.time.Instant.ofEpochMilli(base + n++);
            AgentEvent event = (n % 2 == 0)
                    ? new AgentEvent.TalkdeskStatusReported(
                            io.omnisync.domain.event.EventId.of(id + "-" + i), copy.agent(), at, model.talkdeskStatus())
                    : new AgentEvent.OmniStatusReported(
                            io.omnisync.domain.event.EventId.of(id + "-" + i), copy.agent(), at, model.omniStatus());
            copy = copy.applied(event);
        }
        return copy;
    }
}
