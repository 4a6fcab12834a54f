package io.omnisync.adapters.talkdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC 6: what the Presence API is sent for each Talkdesk status. */
class PresenceBodyTest {

    @ParameterizedTest(name = "built-in {0} sends its own name")
    @CsvSource({"available, AVAILABLE", "away, AWAY", "offline, OFFLINE"})
    void a_built_in_sends_its_own_name(String id, StatusType type) {
        assertThat(PresenceBody.defaultFor(id, type)).contains(PresenceBody.of(id));
    }

    @ParameterizedTest(name = "custom status of type {0} sends {1}")
    @CsvSource({"AVAILABLE, available", "AWAY, away", "BUSY, away"})
    void a_custom_status_sends_its_type_s_presence_with_its_id(StatusType type, String status) {
        assertThat(PresenceBody.defaultFor("email_only", type)).contains(PresenceBody.of(status, "email_only"));
    }

    @ParameterizedTest(name = "{0} has no default")
    @CsvSource({"on_a_call, BUSY", "after_call_work, BUSY", "logged_off_elsewhere, OFFLINE"})
    void a_call_status_and_a_custom_offline_status_have_no_default(String id, StatusType type) {
        assertThat(PresenceBody.defaultFor(id, type)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(StatusType.class)
    void an_explicit_presence_wins_over_the_default(StatusType type) {
        PresenceBody explicit = PresenceBody.of("offline", "gone_home");

        assertThat(PresenceBody.forStatus("gone_home", type, Optional.of(explicit)))
                .contains(explicit);
        assertThat(PresenceBody.forStatus("available", type, Optional.of(explicit)))
                .contains(explicit);
    }

    @Test
    void without_an_explicit_presence_the_default_is_sent() {
        assertThat(PresenceBody.forStatus("break", StatusType.AWAY, Optional.empty()))
                .contains(PresenceBody.of("away", "break"));
    }

    @Test
    void a_presence_needs_a_status_and_no_blank_custom_status_id() {
        assertThatThrownBy(() -> PresenceBody.of(" ")).hasMessageContaining("status");
        assertThatThrownBy(() -> PresenceBody.of("away", "")).hasMessageContaining("customStatusId");
    }
}
