package io.omnisync.adapters.kafka.delivery;

import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Talkdesk that answers as it is told: takes every status, refuses some, or is down for a number of calls.
 * It remembers every call it took, as {@code agent:status}, in the order they came.
 */
final class ScriptedTalkdesk implements TalkdeskPresence {

    private final List<String> taken = new ArrayList<>();
    private final Set<String> refused = new HashSet<>();
    private final Map<String, Integer> downFor = new HashMap<>();
    private int unavailableAnswers;

    @Override
    public synchronized VendorAnswer setAgentStatus(Agent agent, TalkdeskStatusId status) {
        String call = agent.id() + ":" + status.value();
        int down = downFor.getOrDefault(agent.id().value(), 0);
        if (down > 0) {
            downFor.put(agent.id().value(), down - 1);
            unavailableAnswers++;
            throw new VendorUnavailableException("503 from Talkdesk");
        }
        if (refused.contains(call)) {
            return new VendorAnswer.Refused("422 the status is not available to this user");
        }
        taken.add(call);
        return VendorAnswer.ACCEPTED;
    }

    synchronized void refuse(String agent, String status) {
        refused.add(agent + ":" + status);
    }

    /** Every call for the agent fails as if Talkdesk were down, until {@link #up}. */
    synchronized void down(String agent) {
        downFor.put(agent, Integer.MAX_VALUE);
    }

    synchronized void up(String agent) {
        downFor.remove(agent);
    }

    /** The next {@code calls} calls for the agent fail as if Talkdesk were down. */
    synchronized void downFor(String agent, int calls) {
        downFor.put(agent, calls);
    }

    synchronized List<String> taken() {
        return List.copyOf(taken);
    }

    synchronized int unavailableAnswers() {
        return unavailableAnswers;
    }
}
