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

    public <T> T forEveryone(Supplier<T> work) {
        everyone.writeLock().lock();
        try {
            return work.get();
        } finally {
            everyone.writeLock().unlock();
        }
    }
}
