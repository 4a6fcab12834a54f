package io.omnisync.adapters.jdbc.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.adapters.jdbc.StoreException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresLocationTest {

    private static PostgresLocation parse(String text) {
        return PostgresLocation.parse(text, Optional.empty());
    }

    @Test
    void the_libpq_form_names_user_host_port_and_database() {
        PostgresLocation location = parse("postgresql://omnisync@db.example:6543/presence");

        assertThat(location.user()).contains("omnisync");
        assertThat(location.host()).isEqualTo("db.example");
        assertThat(location.port()).isEqualTo(6543);
        assertThat(location.database()).isEqualTo("presence");
        assertThat(location.schema()).isEqualTo("public");
        assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/presence");
        assertThat(location).hasToString("postgresql://omnisync@db.example:6543/presence");
    }

    @Test
    void the_port_defaults_to_5432_and_postgres_is_the_same_scheme() {
        assertThat(parse("postgres://omnisync@localhost/presence").port()).isEqualTo(5432);
    }

    @Test
    void the_jdbc_form_is_accepted_with_its_user_and_parameters() {
        PostgresLocation location =
                parse("jdbc:postgresql://localhost:5432/presence?user=omnisync&sslmode=require&currentSchema=site_a");

        assertThat(location.user()).contains("omnisync");
        assertThat(location.schema()).isEqualTo("site_a");
        assertThat(location.jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/presence?sslmode=require&currentSchema=site_a");
        assertThat(location)
                .isEqualTo(parse("postgresql://omnisync@localhost/presence?sslmode=require&currentSchema=site_a"));
    }

    @Test
    void a_password_in_either_form_is_kept_apart_and_never_shown() {
        PostgresLocation libpq = parse("postgresql://omnisync:p%40ss:w0rd@localhost/presence");
        PostgresLocation jdbc = parse("jdbc:postgresql://localhost/presence?user=omnisync&password=p%40ss:w0rd");

        for (PostgresLocation location : new PostgresLocation[] {libpq, jdbc}) {
            assertThat(location.password()).contains("p@ss:w0rd");
            assertThat(location.toString()).doesNotContain("w0rd");
            assertThat(location.jdbcUrl()).doesNotContain("w0rd").doesNotContain("password");
        }
    }

    @Test
    void without_a_password_in_the_text_the_environment_s_is_used() {
        assertThat(PostgresLocation.parse("postgresql://omnisync@localhost/presence", Optional.of("from-env"))
                        .password())
                .contains("from-env");
        assertThat(PostgresLocation.parse("postgresql://omnisync:given@localhost/presence", Optional.of("from-env"))
                        .password())
                .contains("given");
    }

    @Test
    void what_is_not_a_location_says_so_naming_it_without_its_password() {
        assertThatThrownBy(() -> parse("postgresql://omnisync:hunter2@localhost/"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("postgresql://omnisync:***@localhost/")
                .hasMessageContaining("names no database")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> parse("jdbc:postgresql:///presence?password=hunter2"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("names no host")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> parse("omnisync.db"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not a PostgreSQL store location");
    }

    @Test
    void a_store_argument_is_told_apart_from_a_file_name() {
        assertThat(PostgresLocation.looksLikeOne("postgresql://u@h/db")).isTrue();
        assertThat(PostgresLocation.looksLikeOne("JDBC:postgresql://h/db")).isTrue();
        assertThat(PostgresLocation.looksLikeOne("postgres.db")).isFalse();
        assertThat(PostgresLocation.looksLikeOne("omnisync.db")).isFalse();
    }
}
