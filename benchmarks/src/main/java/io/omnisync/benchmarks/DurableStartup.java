package io.omnisync.benchmarks;

import com.google.inject.AbstractModule;
import io.omnisync.adapters.composition.Omnisync;
import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.jdbc.SqliteStore;
import io.omnisync.adapters.jdbc.SqliteStoreModule;
import io.omnisync.adapters.jdbc.SqliteStores;
import io.omnisync.adapters.sandbox.SandboxVendorsModule;
import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The start-up of the engine with a million agent sessions in the store: the time from opening
 * the file to the first agent's state read back, measured once (a start-up happens once; JMH's
 * steady state says nothing about it). Sessions are read lazily, one agent at a time, so start-up
 * does not read them all; the configuration (a million agents) is read and validated.
 */
public final class DurableStartup {

    private DurableStartup() {}

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path folder = Files.createTempDirectory("omnisync-startup");
        Path file = folder.resolve("omnisync.db");
        Configuration configuration = ContactCenter.configuration(agents);
        JsonConfigurationCodec codec = new JsonConfigurationCodec();
        try (SqliteStore store = SqliteStores.open(file, codec)) {
            store.inTransaction(() -> {
                store.save(configuration);
                configuration.agents().values().forEach(agent -> store.save(AgentSession.of(agent)));
                return null;
            });
        }
        long start = System.nanoTime();
        Omnisync omnisync =
                Omnisync.create(new SandboxVendorsModule(), new SqliteStoreModule(file), new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(ConfigurationCodec.class).to(JsonConfigurationCodec.class);
                    }
                });
        AgentSession first = omnisync.agent(ContactCenter.agent(agents - 1)).get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "start-up with %d sessions in the store: %d ms (store file %d MB, %s)%n",
                agents,
                millis,
                Files.size(file) / (1024 * 1024),
                first.agent().equals(AgentId.of(ContactCenter.agent(agents - 1)))
                        ? "first agent read back"
                        : "WRONG AGENT");
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
