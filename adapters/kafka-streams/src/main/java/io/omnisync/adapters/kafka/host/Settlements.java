package io.omnisync.adapters.kafka.host;

import io.omnisync.adapters.kafka.codec.EventRecord;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.sync.Command;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * What the events topic says ended an Omni command, as every instance reads it: a report of the command's status
 * (its echo, or the agent picking that status herself: the decision takes either as the echo), its refusal
 * ({@code command.failed}) or its expiry ({@code command.expired}). A command is settled when such a record about
 * its agent and status was written at or after the command (record timestamps). An acceptance writes nothing, so
 * an accepted command is known as settled once its echo is on the topic. Kept for {@link #KEPT} of record time;
 * used by one thread.
 */
final class Settlements {

    /** Long enough for an expiry's wait (60 s) and its grace, with room for a lagging instance. */
    static final Duration KEPT = Duration.ofMinutes(3);

    private record Settled(PresenceStatusId status, long timestamp) {}

    /** How often (record time) every agent's notes are swept; between sweeps only the agent written to is. */
    private static final Duration SWEEP = Duration.ofSeconds(30);

    private final Map<AgentId, Deque<Settled>> byAgent = new HashMap<>();
    private long newest = Long.MIN_VALUE;
    private long swept = Long.MIN_VALUE;

    /** Notes what {@code record}, written at {@code timestamp}, settles. */
    void read(EventRecord record, long timestamp) {
        PresenceStatusId status = null;
        if (record instanceof EventRecord.Reported reported
                && reported.event() instanceof AgentEvent.OmniStatusReported omni
                && omni.status() instanceof PresenceStatusId presence) {
            status = presence;
        } else if (record instanceof EventRecord.CommandFailed failed
                && failed.command() instanceof Command.SetOmniStatus omni) {
            status = omni.status();
        } else if (record instanceof EventRecord.CommandExpired expired
                && expired.command() instanceof Command.SetOmniStatus omni) {
            status = omni.status();
        }
        if (status == null) {
            return;
        }
        Deque<Settled> agent = byAgent.computeIfAbsent(record.agent(), unused -> new ArrayDeque<>());
        agent.addLast(new Settled(status, timestamp));
        newest = Math.max(newest, timestamp);
        long oldest = newest - KEPT.toMillis();
        forgetOld(agent, oldest);
        if (swept == Long.MIN_VALUE || newest - swept > SWEEP.toMillis()) {
            swept = newest;
            byAgent.values().forEach(settled -> forgetOld(settled, oldest));
            byAgent.values().removeIf(Deque::isEmpty);
        }
    }

    /** Whether the topic showed an end of {@code command}, written at {@code timestamp}. */
    boolean settles(Command.SetOmniStatus command, long timestamp) {
        Deque<Settled> settled = byAgent.get(command.agent());
        return settled != null
                && settled.stream()
                        .anyMatch(done -> done.status().equals(command.status()) && done.timestamp() >= timestamp);
    }

    private static void forgetOld(Deque<Settled> settled, long oldest) {
        while (!settled.isEmpty() && settled.peekFirst().timestamp() < oldest) {
            settled.removeFirst();
        }
    }
}
