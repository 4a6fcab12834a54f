package io.omnisync.domain.sync;

import static io.omnisync.domain.GuideSetup.ANA;
import static io.omnisync.domain.GuideSetup.MARIA;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.GuideSetup;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** SPEC 4.3 on its own: which Omni-Channel status a Talkdesk status asks for, and why not. */
class TalkdeskToOmniPolicyTest {

    private final Configuration configuration = GuideSetup.configuration();
    private final Agent maria = configuration.agent(MARIA).get();
    private final Agent ana = configuration.agent(ANA).get();

    private static AgentSession session(Agent agent, String talkdesk, String omni) {
        return AgentSession.start(agent.id(), TalkdeskStatusId.of(talkdesk), OmniStatus.parse(omni));
    }

    private Either<Fact.Skipped, PresenceStatusId> target(Agent agent, AgentSession session, String talkdesk) {
        return TalkdeskToOmniPolicy.target(
                configuration, agent, session, TalkdeskStatusId.of(talkdesk), Because.MAPPING);
    }

    @Test
    void a_mapped_status_sets_omni_channel_to_its_mapping() {
        assertThat(target(maria, session(maria, "lunch", "Available_for_Calls"), "lunch")
                        .get())
                .isEqualTo(PresenceStatusId.of("Lunch_Break"));
    }

    @Test
    void an_unmapped_status_asks_for_nothing_and_says_which_status() {
        Fact.Skipped skipped = target(maria, session(maria, "offline", "Available_for_Calls"), "offline")
                .getLeft();

        assertThat(skipped.reason()).isEqualTo(SkipReason.UNMAPPED);
        assertThat(skipped.system()).isEqualTo(VendorSystem.TALKDESK);
        assertThat(skipped.status()).contains("offline");
        assertThat(skipped.target()).isEmpty();
    }

    @Test
    void an_agent_logged_out_of_omni_channel_is_never_logged_in() {
        Fact.Skipped skipped =
                target(maria, session(maria, "lunch", "Offline"), "lunch").getLeft();

        assertThat(skipped.reason()).isEqualTo(SkipReason.OMNI_OFFLINE);
        assertThat(skipped.target()).contains("Lunch_Break");
    }

    @Test
    void a_status_the_agent_is_not_granted_is_not_set() {
        assertThat(target(ana, session(ana, "chat_only", "Available_for_Calls"), "chat_only")
                        .getLeft()
                        .reason())
                .isEqualTo(SkipReason.NOT_GRANTED);
    }

    @Test
    void an_agent_already_there_or_already_on_the_way_is_left_alone() {
        AgentSession there = session(maria, "lunch", "Lunch_Break");
        AgentSession onTheWay =
                session(maria, "available", "Available_for_Calls").expectingOmni(PresenceStatusId.of("Lunch_Break"));

        assertThat(target(maria, there, "lunch").getLeft().reason()).isEqualTo(SkipReason.ALREADY_IN_STATUS);
        assertThat(target(maria, onTheWay, "lunch").getLeft().reason()).isEqualTo(SkipReason.ALREADY_IN_STATUS);
    }

    @Test
    void whatever_asks_for_the_change_passes_the_same_guards_and_is_named() {
        Fact.Skipped skipped = TalkdeskToOmniPolicy.towards(
                        maria,
                        session(maria, "available", "Offline"),
                        PresenceStatusId.of("Chat_Only"),
                        TalkdeskStatusId.AVAILABLE,
                        Because.rule("Chats after lunch"))
                .getLeft();

        assertThat(skipped.reason()).isEqualTo(SkipReason.OMNI_OFFLINE);
        assertThat(skipped.because()).isEqualTo(Because.rule("Chats after lunch"));
        assertThat(skipped.event())
                .as("a policy does not know the event; the decision adds it")
                .isEqualTo(Option.none());
    }
}
