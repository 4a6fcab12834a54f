package io.omnisync.adapters.jdbc;

import io.omnisync.domain.configuration.Configuration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;

/** The configuration snapshot on a SQLite file. */
class SqliteConfigurationSnapshotTest extends ConfigurationSnapshotContract<SqliteStore> {

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("omnisync.db");
    }

    @Override
    protected SqliteStore open() {
        return SqliteStores.open(file(), CODEC);
    }

    @Override
    protected void execute(String sql, Object... values) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Object valueOf(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void anOlderStoreHolding(Configuration configuration) {
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + file(), "", "")
                .locations("classpath:db/migration")
                .javaMigrations(new SettingsIntoTheDraft(CODEC))
                .target("2")
                .load()
                .migrate();
        execute("INSERT INTO configuration (id, draft) VALUES (1, ?)", CODEC.encode(configuration.draft()));
    }
}
