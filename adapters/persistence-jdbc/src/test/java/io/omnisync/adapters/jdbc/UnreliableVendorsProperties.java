package io.omnisync.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.sandbox.FaultPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/**
 * With the durable store and vendors that fail calls, deliver webhooks twice, late and out of
 * order (jqwik picks how badly), the day ends as it does with reliable vendors, and no echo,
 * duplicate or stale webhook makes Omnisync send a command the reliable day did not send.
 */
class UnreliableVendorsProperties {

    private static final CrashPointsTest HARNESS = new CrashPointsTest();

    @Property(tries = 12)
    void the_day_converges_whatever_the_vendors_do(
            @ForAll @DoubleRange(min = 0, max = 0.5) double fail,
            @ForAll @DoubleRange(min = 0, max = 0.5) double duplicate,
            @ForAll @DoubleRange(min = 0, max = 0.5) double delay,
            @ForAll @DoubleRange(min = 0, max = 0.5) double reorder,
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed)
            throws IOException {
        Path folder = Files.createTempDirectory("omnisync-faults");
        try {
            CrashPointsContract.Ending reliable =
                    HARNESS.run(() -> new SqliteStoreModule(folder.resolve("reliable.db")), 0, FaultPlan.NONE);
            CrashPointsContract.Ending unreliable = HARNESS.run(
                    () -> new SqliteStoreModule(folder.resolve("unreliable.db")),
                    0,
                    new FaultPlan(fail, duplicate, delay, reorder, seed));

            assertThat(unreliable.vendors()).isEqualTo(reliable.vendors());
            assertThat(unreliable.engine()).isEqualTo(reliable.engine());
            assertThat(reliable.commands()).containsAll(unreliable.commands());
        } finally {
            try (var files = Files.list(folder)) {
                files.forEach(file -> file.toFile().delete());
            }
            Files.deleteIfExists(folder);
        }
    }
}
