package io.omnisync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

/**
 * Ids are their text: two ids are the same when their text is (a redelivery carries the same
 * event id; facts, timelines and stores name agents and events by id), and agents are listed in
 * the order of their ids (the command line names the configured agents that way).
 */
class IdsTest {

    @Test
    void an_event_id_is_the_same_id_only_when_its_text_is() {
        assertThat(EventId.of("td-1")).isEqualTo(EventId.of("td-1")).hasSameHashCodeAs(EventId.of("td-1"));
        assertThat(EventId.of("td-1")).isNotEqualTo(EventId.of("td-2")).isNotEqualTo("td-1");
    }

    @Test
    void an_agent_id_is_the_same_id_only_when_its_text_is() {
        assertThat(AgentId.of("maria")).isEqualTo(AgentId.of("maria")).hasSameHashCodeAs(AgentId.of("maria"));
        assertThat(AgentId.of("maria")).isNotEqualTo(AgentId.of("Maria")).isNotEqualTo("maria");
    }

    /** Stores and timelines write an Omni status by its name and read it back by that name. */
    @Test
    void an_omni_status_is_written_by_its_name_and_read_back_from_it() {
        assertThat(OmniStatus.OFFLINE.wireName()).isEqualTo("Offline");
        assertThat(OmniStatus.parse(OmniStatus.OFFLINE.wireName())).isSameAs(OmniStatus.OFFLINE);
        assertThat(OmniStatus.parse("Lunch_Break").wireName()).isEqualTo("Lunch_Break");
        assertThat(OmniStatus.parse("Lunch_Break")).isEqualTo(PresenceStatusId.of("Lunch_Break"));
    }

    @Test
    void agents_are_ordered_by_their_ids_text() {
        assertThat(List.of(AgentId.of("maria"), AgentId.of("ana"), AgentId.of("joao"), AgentId.of("Zoe"))
                        .sorted())
                .containsExactly(AgentId.of("Zoe"), AgentId.of("ana"), AgentId.of("joao"), AgentId.of("maria"));
    }
}
