package io.omnisync.adapters.jdbc.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.jdbc.RealCrashContract;
import io.omnisync.adapters.jdbc.StoreInUseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;

/**
 * SIGKILL in the middle of a day on the PostgreSQL store: the server ends the killed process's
 * session, and with it its hold on the store; the store opens again and reads whole.
 */
class PostgresRealCrashTest extends RealCrashContract {

    private static PostgresLocation database;

    @BeforeAll
    static void database() {
        database = TestPostgres.freshDatabase(PostgresRealCrashTest.class);
    }

    @Override
    protected String store(String name) {
        return database.inSchema(name).toString();
    }

    @Override
    protected Map<String, String> environment() {
        return database.password()
                .map(password -> Map.of("PGPASSWORD", password))
                .orElse(Map.of());
    }

    @Override
    protected Class<?> day() {
        return PostgresLongDay.class;
    }

    @Override
    protected void opensConsistent(String name) {
        AtomicReference<PostgresStore> opened = new AtomicReference<>();
        await("the killed process's session ends and the store is free")
                .atMost(Duration.ofSeconds(30))
                .ignoreException(StoreInUseException.class)
                .until(() -> {
                    opened.set(PostgresStores.open(database.inSchema(name), new JsonConfigurationCodec()));
                    return true;
                });
        try (PostgresStore store = opened.get()) {
            assertThat(store.current())
                    .as("the configuration reads and validates")
                    .isNotEmpty();
            assertThat(store.all()).as("every session reads").isNotEmpty();
            store.pending()
                    .forEach(pending ->
                            assertThat(pending.command().agent().value()).isIn("maria", "joao", "ana"));
        }
    }
}
