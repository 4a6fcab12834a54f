package io.omnisync.adapters.kafka.host;

import io.omnisync.adapters.kafka.codec.FactCodec;
import io.omnisync.adapters.kafka.codec.FactRecord;
import io.omnisync.application.watch.EngineWatcher;
import io.vavr.collection.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the decision did, told to this instance's watcher (in {@code serve --kafka}: the admin's live view, {@code GET
 * /api/stream}) as the facts topic says it: every instance reads every fact written from its start on, whichever
 * instance decided it, so an admin watching any instance sees every agent change and every configuration applied.
 * A fact that does not read is left to the audit, which names it.
 */
public final class FactsFeed implements AutoCloseable {

    private final TopicTail facts;

    public FactsFeed(Map<String, Object> clientConfig, String topic) {
        this.facts = new TopicTail(clientConfig, topic, "omnisync-facts-feed");
    }

    /** Tells {@code watcher} of every fact written from now on; returns once the topic's end is known. */
    public FactsFeed start(EngineWatcher watcher) {
        facts.start(record -> told(record, watcher));
        return this;
    }

    private static void told(ConsumerRecord<String, byte[]> record, EngineWatcher watcher) {
        FactCodec.decode(record.value())
                .toOption()
                .filter(FactRecord.Decided.class::isInstance)
                .map(FactRecord.Decided.class::cast)
                .forEach(decided -> watcher.recorded(List.of(decided.fact())));
    }

    /** Whether it reads the facts topic: started, and neither closed nor stopped by a failure. */
    public boolean isRunning() {
        return facts.isRunning();
    }

    @Override
    public void close() {
        facts.close();
    }
}
