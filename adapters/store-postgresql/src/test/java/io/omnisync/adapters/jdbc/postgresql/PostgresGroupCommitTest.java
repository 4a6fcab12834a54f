package io.omnisync.adapters.jdbc.postgresql;

import com.google.inject.Module;
import io.omnisync.adapters.jdbc.GroupCommitContract;
import io.omnisync.application.store.Transactions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;

/** Group commit on the PostgreSQL store (synchronous_commit=on): a schema per store. */
class PostgresGroupCommitTest extends GroupCommitContract {

    private static PostgresLocation database;

    @BeforeAll
    static void database() {
        database = TestPostgres.freshDatabase(PostgresGroupCommitTest.class);
    }

    @Override
    protected Module store(String name) {
        return new PostgresStoreModule(database.inSchema(name));
    }

    @Override
    protected Class<? extends Transactions> storeClass() {
        return PostgresStore.class;
    }

    @Override
    protected long committedRows(String name, String table) {
        try (Connection connection = TestPostgres.connect(database.inSchema(name));
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
