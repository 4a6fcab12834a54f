package io.omnisync.adapters.kafka.host;

import io.omnisync.adapters.kafka.codec.FactCodec;
import io.omnisync.adapters.kafka.codec.FactRecord;
import io.omnisync.application.watch.EngineWatcher;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the decision did, told to this instance's watcher (in {@code serve --kafka}: the admin's live view, {@code GET
 * /api/stream}) as the facts topic says it: every instance reads every fact written from its start on, whichever
 * instance decided it, so an admin watching any instance sees every agent change and every configuration applied.
 * A fact decided under a configuration this instance does not run yet (its global store is fed by a thread of its
 * own, a few milliseconds behind) is told once it does, so the view reads the settings and agents the fact is about;
 * after {@link #PATIENCE} it is told anyway. A fact that does not read is left to the audit, which names it.
 */
public final class FactsFeed implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration RECHECK = Duration.ofMillis(50);

    private final TopicTail facts;
    private final LongSupplier runningVersion;
    private final ScheduledExecutorService later;

    /** @param runningVersion the configuration version this instance runs */
    public FactsFeed(Map<String, Object> clientConfig, String topic, LongSupplier runningVersion) {
        this.facts = new TopicTail(clientConfig, topic, "omnisync-facts-feed");
        this.runningVersion = runningVersion;
        this.later = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "omnisync-facts-feed-later");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Tells {@code watcher} of every fact written from now on; returns once the topic's end is known. */
    public FactsFeed start(EngineWatcher watcher) {
        facts.start(record -> told(record, watcher));
        return this;
    }

    private void told(ConsumerRecord<String, byte[]> record, EngineWatcher watcher) {
        FactCodec.decode(record.value())
                .toOption()
                .filter(FactRecord.Decided.class::isInstance)
                .map(FactRecord.Decided.class::cast)
                .forEach(decided -> tellWhenRunning(decided, watcher, System.nanoTime() + PATIENCE.toNanos()));
    }

    private void tellWhenRunning(FactRecord.Decided decided, EngineWatcher watcher, long deadline) {
        if (decided.configurationVersion() <= runningVersion.getAsLong() || System.nanoTime() > deadline) {
            watcher.recorded(List.of(decided.fact()));
        } else if (!later.isShutdown()) {
            later.schedule(
                    () -> tellWhenRunning(decided, watcher, deadline), RECHECK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Whether it reads the facts topic: started, and neither closed nor stopped by a failure. */
    public boolean isRunning() {
        return facts.isRunning();
    }

    @Override
    public void close() {
        facts.close();
        later.shutdownNow();
    }
}
