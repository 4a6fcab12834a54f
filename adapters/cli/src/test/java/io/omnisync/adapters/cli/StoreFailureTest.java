package io.omnisync.adapters.cli;

import static io.omnisync.adapters.cli.CommandLineTest.omnisync;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.cli.CommandLineTest.Run;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, bug 5: a store that fails, when it is opened or later in the run (a file damaged after
 * it was written: SQLITE_CORRUPT), is one line naming the file, exit 2, and no stack trace.
 */
class StoreFailureTest {

    private static final String CONFIG =
            Path.of("../../examples/contact-center.json").toString();
    private static final String DAY = Path.of("../../examples/guide-day.jsonl").toString();

    @TempDir
    Path folder;

    private Path aStoreOfADay() {
        Path store = folder.resolve("omnisync.db");
        Run day = omnisync("simulate", "--store", store.toString(), "--config", CONFIG, "--scenario", DAY);
        assertThat(day.exit()).as(day.err()).isZero();
        return store;
    }

    /** Writes {@code 0x5A} over the page that starts at {@code offset}, past {@code keep} bytes of it. */
    private static void scribble(Path file, long offset, int keep, int pageSize) throws IOException {
        try (RandomAccessFile data = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] scribbles = new byte[pageSize - keep];
            java.util.Arrays.fill(scribbles, (byte) 0x5A);
            data.seek(offset + keep);
            data.write(scribbles);
        }
    }

    private static void assertOneLineNamingTheStore(Run run, Path store) {
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith(store.toString())
                .contains("corrupt")
                .doesNotContain("Exception", "SQL State", "SQLITE_CORRUPT]");
    }

    @Test
    void a_store_damaged_where_it_is_opened_is_one_line_naming_the_file() throws Exception {
        Path store = aStoreOfADay();
        scribble(store, 0, 100, pageSize(store));

        Run run = omnisync("simulate", "--store", store.toString(), "--config", CONFIG, "--scenario", DAY);

        assertOneLineNamingTheStore(run, store);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_store_that_opens_and_fails_later_in_the_run_is_one_line_naming_the_file() throws Exception {
        Path store = aStoreOfADay();
        int pageSize = pageSize(store);
        long sessions = rootPage(store, "agent_session");
        scribble(store, (sessions - 1) * pageSize, 0, pageSize);

        Run run = omnisync("simulate", "--store", store.toString(), "--config", CONFIG, "--scenario", DAY);

        assertOneLineNamingTheStore(run, store);
        assertThat(run.err()).contains("reading the store");
    }

    private static int pageSize(Path store) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + store);
                var row = connection.createStatement().executeQuery("PRAGMA page_size")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static long rootPage(Path store, String table) throws SQLException, IOException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + store);
                var row = connection
                        .createStatement()
                        .executeQuery("SELECT rootpage FROM sqlite_master WHERE name = '" + table + "'")) {
            row.next();
            long page = row.getLong(1);
            assertThat(page).isGreaterThan(1);
            assertThat(Files.size(store)).isGreaterThan(page * 512);
            return page;
        }
    }
}
