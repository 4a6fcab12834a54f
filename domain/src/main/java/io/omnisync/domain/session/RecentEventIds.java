package io.omnisync.domain.session;

import io.omnisync.domain.event.EventId;
import io.vavr.collection.Queue;

/**
 * The ids of the latest events applied for one agent, so that a redelivery is recognised. Older
 * redeliveries are caught by the per-system ordering instead, so a short window is enough.
 */
public record RecentEventIds(Queue<EventId> ids) {

    public static final int WINDOW = 16;

    private static final RecentEventIds NONE = new RecentEventIds(Queue.empty());

    public RecentEventIds {
        ids = ids == null ? Queue.empty() : ids;
    }

    public static RecentEventIds none() {
        return NONE;
    }

    public boolean contains(EventId id) {
        return ids.contains(id);
    }

    public RecentEventIds add(EventId id) {
        Queue<EventId> added = ids.enqueue(id);
        return new RecentEventIds(added.size() > WINDOW ? added.tail() : added);
    }
}
