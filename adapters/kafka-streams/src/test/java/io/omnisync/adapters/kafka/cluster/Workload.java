package io.omnisync.adapters.kafka.cluster;

import io.omnisync.adapters.kafka.codec.ConfigurationRecord;
import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.adapters.kafka.topology.ContactCenter;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A day of many agents in the example contact center, sync on: each agent alternates between Lunch and
 * Available in Talkdesk, and Omni-Channel reports each change Omnisync makes back (its echo). Every Talkdesk
 * change must give exactly one Omni command (caused by that event), and no echo any.
 */
public final class Workload {

    private static final Instant START = Instant.parse("2026-01-05T21:00:00Z");

    private final int agents;

    public Workload(int agents) {
        this.agents = agents;
    }

    public List<String> agents() {
        return IntStream.range(0, agents).mapToObj(Workload::agent).toList();
    }

    private static String agent(int index) {
        return String.format("agent-%04d", index);
    }

    /** The example configuration with these agents, all Available in both systems, sync on. */
    public ConfigurationDraft configuration() {
        String text = ContactCenter.syncOnText();
        int from = text.indexOf("\"agents\": [");
        int to = text.lastIndexOf(']', text.indexOf("\"integration\"")) + 1;
        String agentList = IntStream.range(0, agents)
                .mapToObj(index -> String.format(
                        "{\"id\": \"%s\", \"talkdeskUserId\": \"td-%d\", \"salesforceUserId\": \"005%015dAAA\", "
                                + "\"profile\": \"Contact_Center_Agent\", \"permissionSets\": [\"Chat_Team\"], "
                                + "\"talkdeskStatus\": \"available\", \"omniStatus\": \"Available_for_Calls\"}",
                        agent(index), index, index))
                .collect(Collectors.joining(",\n", "\"agents\": [", "]"));
        return ContactCenter.draft(text.substring(0, from) + agentList + text.substring(to));
    }

    /** One step of every agent: a Talkdesk change and, after it, the echo of the command it causes. */
    public List<EventRecord> step(int step) {
        List<EventRecord> records = new ArrayList<>();
        for (String agent : agents()) {
            Instant at = START.plusSeconds(step);
            boolean lunch = step % 2 == 0;
            records.add(new EventRecord.Reported(
                    new AgentEvent.TalkdeskStatusReported(
                            EventId.of(talkdeskEvent(agent, step)),
                            AgentId.of(agent),
                            at,
                            lunch ? TalkdeskStatusId.of("lunch") : TalkdeskStatusId.AVAILABLE),
                    ConfigurationRecord.NONE));
            records.add(new EventRecord.Reported(
                    new AgentEvent.OmniStatusReported(
                            EventId.of(agent + "-echo-" + step),
                            AgentId.of(agent),
                            at,
                            PresenceStatusId.of(lunch ? "Lunch_Break" : "Available_for_Calls")),
                    ConfigurationRecord.NONE));
        }
        return records;
    }

    /** The id of the Talkdesk change of {@code agent} at {@code step}: the cause of exactly one command. */
    public static String talkdeskEvent(String agent, int step) {
        return agent + "-talkdesk-" + step;
    }

    /** The causes of the commands steps {@code [from, to)} must give, per agent in order. */
    public List<String> expectedCauses(String agent, int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(step -> talkdeskEvent(agent, step))
                .toList();
    }
}
