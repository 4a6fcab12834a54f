package io.omnisync.adapters.cli;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import io.omnisync.adapters.jdbc.SqliteStore;
import io.omnisync.adapters.jdbc.SqliteStores;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A second process for {@link StoreOwnershipTest}: opens the store given as its argument, as any
 * Omnisync process does, says {@code holding}, and keeps it until its standard input closes.
 */
public final class HoldStore {

    private HoldStore() {}

    public static void main(String[] args) throws IOException {
        try (SqliteStore store = SqliteStores.open(Path.of(args[0]), new JsonConfigurationCodec())) {
            System.out.println("holding " + store.file());
            System.out.flush();
            while (System.in.read() >= 0) {
                // keep the store until the parent lets go
            }
        }
    }
}
