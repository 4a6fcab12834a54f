package io.omnisync.adapters.jdbc;

import com.google.inject.Module;
import io.omnisync.application.store.Transactions;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** Group commit on the SQLite store (synchronous=FULL): a file per store. */
class GroupCommitTest extends GroupCommitContract {

    @TempDir
    Path folder;

    @Override
    protected Module store(String name) {
        return new SqliteStoreModule(folder.resolve(name + ".db"));
    }

    @Override
    protected Class<? extends Transactions> storeClass() {
        return SqliteStore.class;
    }

    @Override
    protected long committedRows(String name, String table) {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(name + ".db"));
                var count = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
