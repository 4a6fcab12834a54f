package io.omnisync.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.adapters.configjson.JsonConfigurationCodec;
import java.nio.file.Path;
import java.sql.DriverManager;

/** SIGKILL in the middle of a day on a SQLite file: the file passes SQLite's integrity check and opens again. */
class RealCrashTest extends RealCrashContract {

    @Override
    protected String store(String name) {
        return folder.resolve(name + ".db").toString();
    }

    @Override
    protected Class<?> day() {
        return LongDay.class;
    }

    @Override
    protected void opensConsistent(String name) throws Exception {
        Path file = folder.resolve(name + ".db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var check = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
            check.next();
            assertThat(check.getString(1)).isEqualTo("ok");
        }
        SqliteStores.open(file, new JsonConfigurationCodec()).close();
    }
}
