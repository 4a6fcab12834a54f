package io.omnisync.adapters.jdbc;

import com.google.inject.Module;
import io.omnisync.application.store.Transactions;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The crash points on the SQLite store: a file per run. */
class CrashPointsTest extends CrashPointsContract {

    @TempDir
    Path folder;

    @Override
    protected Module store(String run) {
        return new SqliteStoreModule(folder.resolve(run + ".db"));
    }

    @Override
    protected Class<? extends Transactions> storeClass() {
        return SqliteStore.class;
    }
}
