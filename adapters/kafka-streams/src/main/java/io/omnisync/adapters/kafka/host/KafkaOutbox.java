package io.omnisync.adapters.kafka.host;

import io.omnisync.adapters.kafka.delivery.TalkdeskBacklog;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.delivery.DeliveryReport;
import io.omnisync.application.store.PendingCommand;
import io.vavr.collection.Seq;

/**
 * On Kafka the commands topics are the outbox, sent by the Talkdesk delivery's consumer group and the consoles'
 * feeds: there is nothing to send by hand ({@link #deliverDue}, {@link #resendNow}), and what waits ({@code GET
 * /api/pending}, {@code pendingCommands} in {@code GET /api/agents}) is the delivery group's backlog ({@link
 * TalkdeskBacklog}) and the Omni commands no console settled yet ({@link OmniCommandFeed#outstanding()}), the same from
 * any instance.
 */
public final class KafkaOutbox implements DeliverCommands {

    private final TalkdeskBacklog talkdesk;
    private final OmniCommandFeed omni;

    public KafkaOutbox(TalkdeskBacklog talkdesk, OmniCommandFeed omni) {
        this.talkdesk = talkdesk;
        this.omni = omni;
    }

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
        return talkdesk.pending().appendAll(omni.outstanding());
    }
}
