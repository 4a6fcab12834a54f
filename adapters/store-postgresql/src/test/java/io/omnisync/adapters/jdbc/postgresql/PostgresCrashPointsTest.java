package io.omnisync.adapters.jdbc.postgresql;

import com.google.inject.Module;
import io.omnisync.adapters.jdbc.CrashPointsContract;
import io.omnisync.application.store.Transactions;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;

/** The crash points on the PostgreSQL store: a schema per run, in the class's own database. */
class PostgresCrashPointsTest extends CrashPointsContract {

    private static PostgresLocation database;

    @BeforeAll
    static void database() {
        database = TestPostgres.freshDatabase(PostgresCrashPointsTest.class);
    }

    @Override
    protected Module store(String run) {
        return new PostgresStoreModule(
                database.inSchema(run.toLowerCase(Locale.ROOT).replace('-', '_')));
    }

    @Override
    protected Class<? extends Transactions> storeClass() {
        return PostgresStore.class;
    }
}
