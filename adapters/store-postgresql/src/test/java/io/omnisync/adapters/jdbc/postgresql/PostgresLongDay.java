package io.omnisync.adapters.jdbc.postgresql;

import io.omnisync.adapters.jdbc.LongDay;

/** {@link LongDay} on the PostgreSQL store: its first argument is a location (the password in PGPASSWORD). */
public final class PostgresLongDay {

    private PostgresLongDay() {}

    public static void main(String[] args) throws Exception {
        LongDay.run(args, store -> new PostgresStoreModule(PostgresLocation.parse(store)));
    }
}
