package io.omnisync.adapters.kafka.host;

import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.delivery.DeliveryReport;
import io.omnisync.application.store.PendingCommand;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * On Kafka there is no outbox to send by hand: the commands topics are the outbox, sent by the Talkdesk delivery's
 * consumer group and the consoles' feeds. What waits there is the consumer group's lag, not a list of commands with
 * their attempts, so {@code GET /api/pending} (and {@code pendingCommands} in {@code GET /api/agents}) answers none.
 */
public final class NoOutbox implements DeliverCommands {

    @Override
    public DeliveryReport deliverDue() {
        return DeliveryReport.NOTHING;
    }

    @Override
    public DeliveryReport resendNow() {
        return DeliveryReport.NOTHING;
    }

    @Override
    public Seq<PendingCommand> pending() {
        return List.empty();
    }
}
