package io.omnisync.benchmarks;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.PresenceSync;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic day of events, recorded once and replayed by the benchmarks: agents pick statuses in
 * both systems, take calls with wrap-up, vendors echo the engine's changes back (a little late),
 * and webhooks arrive twice or out of order. Built by running the engine itself, so the echoes are
 * the ones it would really see.
 */
final class EventTrace {

    final Configuration configuration;
    final Map<AgentId, AgentSession> initialSessions;
    final AgentEvent[] events;

    private EventTrace(Configuration configuration, Map<AgentId, AgentSession> initialSessions, AgentEvent[] events) {
        this.configuration = configuration;
        this.initialSessions = initialSessions;
        this.events = events;
    }

    /** The configured agent an event of the trace is about. */
    Agent agent(AgentEvent event) {
        return configuration.agent(event.agent()).get();
    }

    static EventTrace generate(int agents, int events, long seed) {
        Configuration configuration = ContactCenter.configuration(agents);
        Map<AgentId, AgentSession> initial = new HashMap<>();
        configuration.agents().values().forEach(agent -> initial.put(agent.id(), AgentSession.of(agent)));
        Map<AgentId, AgentSession> sessions = new HashMap<>(initial);
        Random random = new Random(seed);
        ArrayDeque<AgentEvent> echoes = new ArrayDeque<>();
        List<AgentEvent> trace = new ArrayList<>(events);
        long clock = Instant.parse("2026-01-06T08:00:00Z").toEpochMilli();
        long ids = 0;
        while (trace.size() < events) {
            clock += 10;
            AgentEvent event;
            double roll = random.nextDouble();
            if (!echoes.isEmpty() && roll < 0.35) {
                event = echoes.poll();
            } else if (roll < 0.40 && !trace.isEmpty()) {
                event = trace.get(trace.size() - 1 - random.nextInt(Math.min(50, trace.size())));
            } else {
                AgentId agent = AgentId.of(ContactCenter.agent(random.nextInt(agents)));
                AgentSession session = sessions.get(agent);
                Instant at = Instant.ofEpochMilli(clock);
                ids++;
                EventId id = EventId.of("e" + ids);
                if (roll < 0.55) {
                    event = new AgentEvent.TalkdeskStatusReported(id, agent, at, callStep(session.talkdeskStatus()));
                } else if (roll < 0.80) {
                    event = new AgentEvent.TalkdeskStatusReported(
                            id, agent, at, TalkdeskStatusId.of(pick(random, ContactCenter.TALKDESK_PICKS)));
                } else {
                    event = new AgentEvent.OmniStatusReported(
                            id, agent, at, OmniStatus.parse(pick(random, ContactCenter.OMNI_PICKS)));
                }
            }
            AgentSession session = sessions.get(event.agent());
            AgentDecision decision = PresenceSync.decide(
                    configuration, configuration.agent(event.agent()).get(), session, event);
            sessions.put(event.agent(), decision.session());
            trace.add(event);
            for (Command command : decision.commands()) {
                clock += 1;
                ids++;
                EventId id = EventId.of("v" + ids);
                Instant at = Instant.ofEpochMilli(clock);
                echoes.add(command.sendTo(new Command.Vendors<AgentEvent>() {
                    @Override
                    public AgentEvent talkdesk(Command.SetTalkdeskStatus set) {
                        return new AgentEvent.TalkdeskStatusReported(id, set.agent(), at, set.status());
                    }

                    @Override
                    public AgentEvent omni(Command.SetOmniStatus set) {
                        return new AgentEvent.OmniStatusReported(id, set.agent(), at, set.status());
                    }
                }));
            }
        }
        return new EventTrace(configuration, initial, trace.toArray(AgentEvent[]::new));
    }

    private static TalkdeskStatusId callStep(TalkdeskStatusId now) {
        if (now.equals(TalkdeskStatusId.ON_A_CALL)) {
            return TalkdeskStatusId.AFTER_CALL_WORK;
        }
        if (now.equals(TalkdeskStatusId.AFTER_CALL_WORK)) {
            return TalkdeskStatusId.AVAILABLE;
        }
        return TalkdeskStatusId.ON_A_CALL;
    }

    private static String pick(Random random, io.vavr.collection.List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
