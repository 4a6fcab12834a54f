package io.omnisync.benchmarks;

import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.session.RecentEventIds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: the least work that gives the same answers as the engine for the same events of
 * the benchmark's contact center (where every agent is granted every status, sync is on and no
 * rule is configured). Mutable agent records in a HashMap, the mapping as two plain string maps,
 * a small ring of event ids, the awaited echoes (and the time each comes after) in small arrays,
 * the call memory as a string and whether it is her pick; no facts, no immutable copies. What the real engine costs is measured against this; the smoke test
 * checks that both send the same commands for the whole trace.
 */
final class MinimalSync {

    private static final String OFFLINE = "Offline";
    private static final int IDS = RecentEventIds.WINDOW;
    private static final int EXPECTED = AgentSession.MAX_EXPECTED;
    private static final int IDLE = 0;
    private static final int ON_CALL = 1;
    private static final int WRAP_UP = 2;

    /**
     * Commands awaited as echoes, oldest first, at most {@link #EXPECTED}, each with the time of the
     * latest report of its side when it was asked: its echo is not older than that.
     */
    static final class Awaited {
        final String[] statuses = new String[EXPECTED];
        final long[] after = new long[EXPECTED];
        int size;

        void add(String status, long notBefore) {
            if (size == EXPECTED) {
                System.arraycopy(statuses, 1, statuses, 0, EXPECTED - 1);
                System.arraycopy(after, 1, after, 0, EXPECTED - 1);
                size--;
            }
            statuses[size] = status;
            after[size] = notBefore;
            size++;
        }

        /** The awaited change a report of {@code status} at {@code at} is the echo of, or -1. */
        int indexOf(String status, long at) {
            for (int i = 0; i < size; i++) {
                if (statuses[i].equals(status) && at >= after[i]) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * The echo of {@code statuses[index]} arrived at {@code at}: it and everything asked before
         * it settle; what was asked after it is made after it, so its echo is not older than this one.
         */
        void settleThrough(int index, long at) {
            int remaining = size - index - 1;
            System.arraycopy(statuses, index + 1, statuses, 0, remaining);
            System.arraycopy(after, index + 1, after, 0, remaining);
            size = remaining;
            if (index > 0) {
                for (int i = 0; i < size; i++) {
                    after[i] = Math.max(after[i], at);
                }
            }
        }

        String last(String otherwise) {
            return size == 0 ? otherwise : statuses[size - 1];
        }

        void clear() {
            size = 0;
        }
    }

    static final class Agent {
        final String initialTalkdesk;
        final String initialOmni;
        String talkdesk;
        String omni;
        final Awaited expectedTalkdesk = new Awaited();
        final Awaited expectedOmni = new Awaited();
        final String[] ids = new String[IDS];
        int nextId;
        long latestTalkdesk = Long.MIN_VALUE;
        long latestOmni = Long.MIN_VALUE;
        int phase = IDLE;
        String remembered;
        boolean picked;

        Agent(String talkdesk, String omni) {
            this.initialTalkdesk = talkdesk;
            this.initialOmni = omni;
        }

        void reset() {
            talkdesk = initialTalkdesk;
            omni = initialOmni;
            expectedTalkdesk.clear();
            expectedOmni.clear();
            java.util.Arrays.fill(ids, null);
            nextId = 0;
            latestTalkdesk = Long.MIN_VALUE;
            latestOmni = Long.MIN_VALUE;
            phase = IDLE;
            remembered = null;
            picked = false;
        }

        boolean seen(String id) {
            for (String known : ids) {
                if (id.equals(known)) {
                    return true;
                }
            }
            return false;
        }

        void applied(String id) {
            ids[nextId] = id;
            nextId = (nextId + 1) % IDS;
        }

        String talkdeskNow() {
            return expectedTalkdesk.last(talkdesk);
        }

        String omniNow() {
            return expectedOmni.last(omni);
        }
    }

    private final Map<String, String> talkdeskToOmni = new HashMap<>();
    private final Map<String, String> omniToTalkdesk = new HashMap<>();
    private final boolean returnAfterCall;
    private final Map<String, Agent> agents = new HashMap<>();
    private final Agent[] byEvent;
    private final String[] agentIds;
    private final boolean[] talkdeskSide;
    private final String[] statuses;
    private final String[] ids;
    private final long[] times;

    MinimalSync(EventTrace trace) {
        trace.configuration.mapping().talkdeskToOmni().forEach((k, v) -> talkdeskToOmni.put(k.value(), v.apiName()));
        trace.configuration.mapping().omniToTalkdesk().forEach((k, v) -> omniToTalkdesk.put(k.wireName(), v.value()));
        returnAfterCall = trace.configuration.settings().returnToPreviousStatusAfterCall();
        trace.initialSessions.forEach((id, session) -> agents.put(
                id.value(),
                new Agent(session.talkdeskStatus().value(), session.omniStatus().wireName())));
        int n = trace.events.length;
        byEvent = new Agent[n];
        agentIds = new String[n];
        talkdeskSide = new boolean[n];
        statuses = new String[n];
        ids = new String[n];
        times = new long[n];
        for (int i = 0; i < n; i++) {
            AgentEvent event = trace.events[i];
            agentIds[i] = event.agent().value();
            byEvent[i] = agents.get(agentIds[i]);
            talkdeskSide[i] = event.system() == VendorSystem.TALKDESK;
            statuses[i] = event instanceof AgentEvent.TalkdeskStatusReported td
                    ? td.status().value()
                    : ((AgentEvent.OmniStatusReported) event).status().wireName();
            ids[i] = event.id().value();
            times[i] = event.at().toEpochMilli();
        }
    }

    void reset() {
        agents.values().forEach(Agent::reset);
    }

    /** Replays the whole trace; returns the number of commands it would send. */
    int replay() {
        return replay(null);
    }

    /** Replays the whole trace; {@code sent}, when given, gets each command as {@code "agent system status"}. */
    int replay(List<String> sent) {
        int commands = 0;
        for (int i = 0; i < statuses.length; i++) {
            Agent agent = byEvent[i];
            if (agent.seen(ids[i])) {
                continue;
            }
            commands += talkdeskSide[i] ? talkdesk(agent, i, sent) : omni(agent, i, sent);
        }
        return commands;
    }

    private int talkdesk(Agent agent, int i, List<String> sent) {
        String status = statuses[i];
        boolean late = times[i] < agent.latestTalkdesk;
        int echo = agent.expectedTalkdesk.indexOf(status, times[i]);
        if (late && echo < 0) {
            return 0;
        }
        agent.applied(ids[i]);
        agent.latestTalkdesk = Math.max(agent.latestTalkdesk, times[i]);
        if (echo >= 0) {
            if (!late) {
                agent.talkdesk = status;
            }
            agent.expectedTalkdesk.settleThrough(echo, times[i]);
            return 0;
        }
        if (status.equals(agent.talkdesk) && agent.expectedTalkdesk.size == 0) {
            return 0;
        }
        int before = agent.phase;
        String remembered = agent.remembered;
        boolean picked = agent.picked;
        enterCallPhase(agent, status);
        agent.talkdesk = status;
        String back = returnAfterCall || picked ? remembered : null;
        if (before != IDLE && agent.phase == IDLE && back != null && !OFFLINE.equals(back)) {
            int returned = returnAfterCall(agent, back, sent, i);
            if (returned >= 0) {
                return returned;
            }
        }
        String target = talkdeskToOmni.get(status);
        if (target == null
                || OFFLINE.equals(agent.omni)
                || OFFLINE.equals(agent.omniNow())
                || target.equals(agent.omniNow())) {
            return 0;
        }
        return sendOmni(agent, target, sent, i);
    }

    /** The call lifecycle as the engine's CallPhase moves it, with the Omni status to return to. */
    private static void enterCallPhase(Agent agent, String status) {
        boolean onCall = status.equals("on_a_call");
        boolean wrapUp = status.equals("after_call_work");
        if (agent.phase == IDLE) {
            if (onCall) {
                agent.phase = ON_CALL;
                agent.remembered = agent.omniNow();
                agent.picked = false;
            } else if (wrapUp) {
                agent.phase = WRAP_UP;
                agent.remembered = null;
                agent.picked = false;
            }
        } else if (onCall) {
            agent.phase = ON_CALL;
        } else if (wrapUp) {
            agent.phase = WRAP_UP;
        } else {
            agent.phase = IDLE;
            agent.remembered = null;
            agent.picked = false;
        }
    }

    /** @return the commands sent, or -1 when Omni-Channel cannot go back and the plain mapping applies */
    private int returnAfterCall(Agent agent, String previous, List<String> sent, int i) {
        if (OFFLINE.equals(agent.omni) || OFFLINE.equals(agent.omniNow())) {
            return -1;
        }
        int commands = previous.equals(agent.omniNow()) ? 0 : sendOmni(agent, previous, sent, i);
        String target = omniToTalkdesk.get(previous);
        if (target == null || target.equals(agent.talkdeskNow())) {
            return commands;
        }
        return commands + sendTalkdesk(agent, target, sent, i);
    }

    private int omni(Agent agent, int i, List<String> sent) {
        String status = statuses[i];
        boolean late = times[i] < agent.latestOmni;
        int echo = OFFLINE.equals(status) ? -1 : agent.expectedOmni.indexOf(status, times[i]);
        if (late && echo < 0) {
            return 0;
        }
        agent.applied(ids[i]);
        agent.latestOmni = Math.max(agent.latestOmni, times[i]);
        if (echo >= 0) {
            if (!late) {
                agent.omni = status;
            }
            agent.expectedOmni.settleThrough(echo, times[i]);
            return 0;
        }
        if (status.equals(agent.omni) && agent.expectedOmni.size == 0) {
            return 0;
        }
        agent.omni = status;
        if (agent.phase != IDLE) {
            agent.remembered = status;
            agent.picked = true;
            return 0;
        }
        String target = omniToTalkdesk.get(status);
        // a mapping never targets a call status (the configuration would not validate)
        if (target == null || target.equals(agent.talkdeskNow())) {
            return 0;
        }
        return sendTalkdesk(agent, target, sent, i);
    }

    private int sendOmni(Agent agent, String status, List<String> sent, int i) {
        agent.expectedOmni.add(status, agent.latestOmni);
        if (sent != null) {
            sent.add(agentIds[i] + " omni " + status);
        }
        return 1;
    }

    private int sendTalkdesk(Agent agent, String status, List<String> sent, int i) {
        agent.expectedTalkdesk.add(status, agent.latestTalkdesk);
        if (sent != null) {
            sent.add(agentIds[i] + " talkdesk " + status);
        }
        return 1;
    }
}
