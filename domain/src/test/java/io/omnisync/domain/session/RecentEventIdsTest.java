package io.omnisync.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.event.EventId;
import io.vavr.collection.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The window of event ids a session keeps so that a redelivery is recognised (SPEC 4.7): the
 * latest {@link RecentEventIds#WINDOW} ids, kept as fingerprints that a store writes and reads back.
 */
class RecentEventIdsTest {

    private static EventId id(int n) {
        return EventId.of("evt-" + n);
    }

    /** The window after ids 1 to {@code n} were applied, in that order. */
    private static RecentEventIds afterIds(int n) {
        RecentEventIds window = RecentEventIds.none();
        for (int i = 1; i <= n; i++) {
            window = window.add(id(i));
        }
        return window;
    }

    private static List<Integer> remembered(RecentEventIds window, int upTo) {
        return List.rangeClosed(1, upTo).filter(n -> window.contains(id(n)));
    }

    @Test
    void a_window_that_is_not_full_remembers_every_id() {
        RecentEventIds window = afterIds(RecentEventIds.WINDOW - 1);

        assertThat(remembered(window, 20)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(window.size()).isEqualTo(7);
    }

    @Test
    void a_full_window_forgets_the_oldest_event_id_for_each_new_one() {
        assertThat(remembered(afterIds(8), 20)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(remembered(afterIds(9), 20)).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(remembered(afterIds(20), 20)).containsExactly(13, 14, 15, 16, 17, 18, 19, 20);
        assertThat(afterIds(20).size()).isEqualTo(RecentEventIds.WINDOW);
    }

    @Test
    void an_empty_window_knows_no_id() {
        assertThat(RecentEventIds.none().contains(id(1))).isFalse();
        assertThat(RecentEventIds.none().size()).isZero();
        assertThat(RecentEventIds.none().oldestFirst()).isEmpty();
    }

    @Test
    void a_window_read_back_from_a_store_forgets_the_same_oldest_id_next() {
        for (int applied : new int[] {3, 8, 10, 16}) {
            RecentEventIds stored = afterIds(applied);

            RecentEventIds readBack = RecentEventIds.of(stored.oldestFirst());

            assertThat(readBack).as("after %d ids", applied).isEqualTo(stored);
            assertThat(remembered(readBack.add(id(99)), 99))
                    .as("after %d ids and one more", applied)
                    .isEqualTo(remembered(stored.add(id(99)), 99));
        }
    }

    @Test
    void the_fingerprints_are_stored_oldest_first() {
        long[] oldestFirst = afterIds(10).oldestFirst();

        assertThat(oldestFirst)
                .containsExactly(LongStream.rangeClosed(3, 10)
                        .map(n -> RecentEventIds.fingerprint(id((int) n)))
                        .toArray());
    }

    @Test
    void a_store_holding_more_fingerprints_than_the_window_keeps_the_latest() {
        long[] twelve = LongStream.rangeClosed(1, 12)
                .map(n -> RecentEventIds.fingerprint(id((int) n)))
                .toArray();

        RecentEventIds readBack = RecentEventIds.of(twelve);

        assertThat(remembered(readBack, 20)).containsExactly(5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(remembered(readBack.add(id(13)), 20)).containsExactly(6, 7, 8, 9, 10, 11, 12, 13);
    }

    @Test
    void reading_back_does_not_share_the_stores_array() {
        long[] stored = afterIds(3).oldestFirst();
        RecentEventIds readBack = RecentEventIds.of(stored);

        stored[0] = 0L;

        assertThat(readBack.contains(id(1))).isTrue();
    }

    @Test
    void windows_are_equal_when_they_hold_the_same_ids_in_the_same_order() {
        assertThat(afterIds(10)).isEqualTo(afterIds(10)).hasSameHashCodeAs(afterIds(10));
        assertThat(afterIds(10)).isNotEqualTo(afterIds(11));
        assertThat(RecentEventIds.none().add(id(1)).add(id(2)))
                .isNotEqualTo(RecentEventIds.none().add(id(2)).add(id(1)));
        assertThat(afterIds(3)).isNotEqualTo(List.of(1, 2, 3));
    }

    /**
     * Stores keep fingerprints, not ids: were the function to change, a redelivery of an event
     * applied before an upgrade would no longer be recognised. These are 64-bit FNV-1a of the id,
     * then {@code h ^= h >>> 33; h *= 0xff51afd7ed558ccd; h ^= h >>> 33}, computed outside Java.
     */
    @Test
    void the_fingerprint_of_an_id_never_changes_between_versions() {
        assertThat(RecentEventIds.fingerprint(EventId.of("evt-1"))).isEqualTo(0xd2d298af2b3968a3L);
        assertThat(RecentEventIds.fingerprint(EventId.of("a"))).isEqualTo(0xed8170de1919a24dL);
        assertThat(RecentEventIds.fingerprint(EventId.of("TD-7f3a9c"))).isEqualTo(0x6d748744f88f0e99L);
    }
}
