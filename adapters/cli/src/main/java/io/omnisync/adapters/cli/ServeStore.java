package io.omnisync.adapters.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.jdbc.SqliteStore;
import io.omnisync.adapters.jdbc.SqliteStores;
import io.omnisync.adapters.jdbc.postgresql.PostgresLocation;
import io.omnisync.adapters.jdbc.postgresql.PostgresStore;
import io.omnisync.adapters.jdbc.postgresql.PostgresStoreModule;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.application.store.ConfigurationCodec;
import java.nio.file.Path;

/**
 * The store {@code serve} runs on, already opened and this process' own: a SQLite file (its lock beside it), a
 * PostgreSQL database (its lease held), or memory. The process closes it when it ends.
 */
sealed interface ServeStore extends AutoCloseable {

    /** What {@code --store} names: "memory", a PostgreSQL location, or else a SQLite file. */
    static boolean isMemory(String store) {
        return store.equals("memory");
    }

    static boolean isPostgres(String store) {
        return PostgresLocation.looksLikeOne(store);
    }

    /** Opens a SQLite file or memory; a PostgreSQL store is opened by its location ({@link Postgres}). */
    static ServeStore open(String store) {
        return isMemory(store)
                ? new Memory()
                : new Sqlite(SqliteStores.open(Path.of(store), new JsonConfigurationCodec()));
    }

    /** The Guice module that binds the store's ports. */
    Module module();

    /** Where the store is, for messages (a PostgreSQL location without its password). */
    String where();

    @Override
    void close();

    /** Keeps nothing: a restart starts afresh. */
    record Memory() implements ServeStore {
        @Override
        public Module module() {
            return new InMemoryStoreModule();
        }

        @Override
        public String where() {
            return "memory";
        }

        @Override
        public void close() {}
    }

    /** A SQLite file, one process at a time. */
    record Sqlite(SqliteStore store) implements ServeStore {
        @Override
        public Module module() {
            return new DurableStoreModule(store);
        }

        @Override
        public String where() {
            return store.file().toString();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    /** A PostgreSQL database whose lease this process holds (it may have waited for it as a standby). */
    record Postgres(PostgresStore store) implements ServeStore {
        @Override
        public Module module() {
            return new AbstractModule() {
                @Override
                protected void configure() {
                    install(new PostgresStoreModule(store));
                    bind(ConfigurationCodec.class).to(JsonConfigurationCodec.class);
                }
            };
        }

        @Override
        public String where() {
            return store.location().toString();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
