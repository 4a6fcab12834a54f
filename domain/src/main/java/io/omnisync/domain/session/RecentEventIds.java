package io.omnisync.domain.session;

import io.omnisync.domain.event.EventId;
import java.util.Arrays;

/**
 * The latest event ids applied for one agent, so that a redelivery is recognised. Older
 * redeliveries are caught by the per-system ordering instead, so a short window is enough.
 * <p>
 * Ids are kept as 64-bit fingerprints in a small ring rather than as strings: a session must stay
 * under a kilobyte for a million agents, and a window of id strings alone would take more. A
 * redelivery older than the window is caught by the per-system ordering, or, when it is still the
 * latest event of its system, by being a report of the status the agent already has. Two
 * different ids share a fingerprint with odds of about one in 10^18 per pair.
 */
public final class RecentEventIds {

    public static final int WINDOW = 8;

    private static final RecentEventIds NONE = new RecentEventIds(new long[0], 0);

    /** Fingerprints, oldest first once the window is full ({@code next} is where the next one goes). */
    private final long[] fingerprints;

    private final int next;

    private RecentEventIds(long[] fingerprints, int next) {
        this.fingerprints = fingerprints;
        this.next = next;
    }

    public static RecentEventIds none() {
        return NONE;
    }

    /** Rebuilds a window from stored fingerprints, oldest first (for stores). */
    public static RecentEventIds of(long[] oldestFirst) {
        long[] kept = oldestFirst.length > WINDOW
                ? Arrays.copyOfRange(oldestFirst, oldestFirst.length - WINDOW, oldestFirst.length)
                : oldestFirst.clone();
        return new RecentEventIds(kept, kept.length % WINDOW);
    }

    public boolean contains(EventId id) {
        long fingerprint = fingerprint(id);
        for (long known : fingerprints) {
            if (known == fingerprint) {
                return true;
            }
        }
        return false;
    }

    public RecentEventIds add(EventId id) {
        long fingerprint = fingerprint(id);
        if (fingerprints.length < WINDOW) {
            long[] grown = Arrays.copyOf(fingerprints, fingerprints.length + 1);
            grown[fingerprints.length] = fingerprint;
            return new RecentEventIds(grown, grown.length % WINDOW);
        }
        long[] replaced = fingerprints.clone();
        replaced[next] = fingerprint;
        return new RecentEventIds(replaced, (next + 1) % WINDOW);
    }

    public int size() {
        return fingerprints.length;
    }

    /** The fingerprints, oldest first (for stores). */
    public long[] oldestFirst() {
        if (fingerprints.length < WINDOW) {
            return fingerprints.clone();
        }
        long[] ordered = new long[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            ordered[i] = fingerprints[(next + i) % WINDOW];
        }
        return ordered;
    }

    /** 64-bit FNV-1a over the id's characters, finished with a bit mixer. */
    static long fingerprint(EventId id) {
        String value = id.value();
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecentEventIds that && Arrays.equals(oldestFirst(), that.oldestFirst());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(oldestFirst());
    }

    @Override
    public String toString() {
        return "RecentEventIds[" + fingerprints.length + "]";
    }
}
