package io.omnisync.application.sync;

import io.omnisync.domain.agent.AgentId;
import jakarta.inject.Singleton;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Events of one agent are applied one at a time and in order; different agents go in parallel.
 * Admin changes touch every agent, so they wait for agent events to finish and hold them off.
 * Locks are striped, so a million agents do not need a million lock objects.
 */
@Singleton
public class AgentLocks {

    private static final int STRIPES = 256;

    private final ReentrantReadWriteLock everyone = new ReentrantReadWriteLock(true);
    private final Lock[] stripes = new Lock[STRIPES];

    public AgentLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    public <T> T forAgent(AgentId agent, Supplier<T> work) {
        everyone.readLock().lock();
        try {
            Lock lock = stripes[Math.floorMod(agent.hashCode(), STRIPES)];
            lock.lock();
            try {
                return work.get();
            } finally {
                lock.unlock();
            }
        } finally {
            everyone.readLock().unlock();
        }
    }

    /**
     * Several agents' events at once (a group commit's batch): each agent's lock, taken in one
     * order so that two batches never wait for each other, and released only when the work is done.
     */
    public <T> T forAgents(Iterable<AgentId> agents, Supplier<T> work) {
        java.util.SortedSet<Integer> taken = new java.util.TreeSet<>();
        agents.forEach(agent -> taken.add(Math.floorMod(agent.hashCode(), STRIPES)));
        everyone.readLock().lock();
        try {
            java.util.List<Lock> held = new java.util.ArrayList<>(taken.size());
            try {
                for (int stripe : taken) {
                    stripes[stripe].lock();
                    held.add(stripes[stripe]);
                }
                return work.get();
            } finally {
                for (int i = held.size() - 1; i >= 0; i--) {
                    held.get(i).unlock();
                }
            }
        } finally {
            everyone.readLock().unlock();
        }
    }

    public <T> T forEveryone(Supplier<T> work) {
        everyone.writeLock().lock();
        try {
            return work.get();
        } finally {
            everyone.writeLock().unlock();
        }
    }
}
