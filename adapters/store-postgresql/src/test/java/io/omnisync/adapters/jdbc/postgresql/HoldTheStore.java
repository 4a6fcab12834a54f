package io.omnisync.adapters.jdbc.postgresql;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;

/**
 * The active process of a standby pair, reduced to its lease: opens the store (the location in the
 * first argument, the password in PGPASSWORD), says {@code active}, and holds it until killed.
 */
public final class HoldTheStore {

    private HoldTheStore() {}

    @SuppressWarnings("SystemOut") // the parent test reads this line
    public static void main(String[] args) throws Exception {
        PostgresStore store = PostgresStores.open(PostgresLocation.parse(args[0]), new JsonConfigurationCodec());
        System.out.println("active " + store.held());
        System.out.flush();
        // holds until its parent kills it (or closes its input)
        while (System.in.read() >= 0) {
            // nothing to do but hold the store
        }
        store.close();
    }
}
