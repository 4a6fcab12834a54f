package io.omnisync.adapters.jdbc.postgresql;

import io.omnisync.adapters.jdbc.ConfigurationSnapshotContract;
import io.omnisync.domain.configuration.Configuration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The configuration snapshot on a real PostgreSQL server, each test in a schema of its own. */
class PostgresConfigurationSnapshotTest extends ConfigurationSnapshotContract<PostgresStore> {

    private static PostgresLocation database;
    private static int tests;
    private PostgresLocation location;

    @BeforeAll
    static void database() {
        database = TestPostgres.freshDatabase(PostgresConfigurationSnapshotTest.class);
    }

    @BeforeEach
    void aStoreOfItsOwn() {
        location = database.inSchema("test_" + ++tests);
    }

    @Override
    protected PostgresStore open() {
        return PostgresStores.open(location, CODEC);
    }

    @Override
    protected void execute(String sql, Object... values) {
        try (Connection connection = TestPostgres.connect(location);
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
        try (Connection connection = TestPostgres.connect(location);
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
                .dataSource(
                        location.jdbcUrl(),
                        location.user().orElse(null),
                        location.password().orElse(null))
                .schemas(location.schema())
                .defaultSchema(location.schema())
                .locations("classpath:db/omnisync-postgresql")
                .target("1")
                .load()
                .migrate();
        execute("INSERT INTO configuration (id, draft) VALUES (1, ?)", CODEC.encode(configuration.draft()));
    }
}
