package io.omnisync.domain.sync;

import static io.omnisync.domain.GuideSetup.MARIA;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.GuideSetup;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.session.CallPhase;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** SPEC 4.4 on its own: which Talkdesk status an Omni-Channel status asks for, and why not. */
class OmniToTalkdeskPolicyTest {

    private final Configuration configuration = GuideSetup.configuration();

    private static AgentSession session(String talkdesk, String omni) {
        return AgentSession.start(MARIA, TalkdeskStatusId.of(talkdesk), OmniStatus.parse(omni));
    }

    private Either<Fact.Skipped, TalkdeskStatusId> target(AgentSession session, String omni) {
        return OmniToTalkdeskPolicy.target(configuration, session, OmniStatus.parse(omni), Because.MAPPING);
    }

    @Test
    void a_mapped_presence_status_sets_talkdesk_to_its_mapping() {
        assertThat(target(session("available", "Lunch_Break"), "Lunch_Break").get())
                .isEqualTo(TalkdeskStatusId.AWAY);
    }

    @Test
    void logging_out_of_the_widget_is_mapped_like_any_status() {
        assertThat(target(session("available", "Offline"), "Offline").get()).isEqualTo(TalkdeskStatusId.OFFLINE);
    }

    @Test
    void an_unmapped_presence_status_asks_for_nothing() {
        Configuration unmapped = GuideSetup.configuration(GuideSetup.withIntegration(
                GuideSetup.draft(),
                i -> GuideSetup.mapping(i, i.omniToTalkdesk().remove("Lunch_Break"), i.talkdeskToOmni())));

        Fact.Skipped skipped = OmniToTalkdeskPolicy.target(
                        unmapped, session("available", "Lunch_Break"), OmniStatus.parse("Lunch_Break"), Because.MAPPING)
                .getLeft();

        assertThat(skipped.reason()).isEqualTo(SkipReason.UNMAPPED);
        assertThat(skipped.status()).contains("Lunch_Break");
    }

    @Test
    void a_call_owns_the_talkdesk_status() {
        AgentSession inCall = session("on_a_call", "On_a_Call").withCallPhase(new CallPhase.OnCall(Option.none()));

        assertThat(target(inCall, "Lunch_Break").getLeft().reason()).isEqualTo(SkipReason.IN_CALL);
    }

    @Test
    void a_call_status_is_never_set_whatever_asks_for_it() {
        Fact.Skipped skipped = OmniToTalkdeskPolicy.towards(
                        session("available", "Available_for_Calls"),
                        TalkdeskStatusId.ON_A_CALL,
                        OmniStatus.parse("Available_for_Calls"),
                        Because.rule("Busy means on a call"))
                .getLeft();

        assertThat(skipped.reason()).isEqualTo(SkipReason.RESERVED_STATUS);
        assertThat(skipped.target()).contains("on_a_call");
    }

    @Test
    void an_agent_already_there_or_already_on_the_way_is_left_alone() {
        AgentSession onTheWay = session("available", "Lunch_Break").expectingTalkdesk(TalkdeskStatusId.AWAY);

        assertThat(target(session("away", "Lunch_Break"), "Lunch_Break")
                        .getLeft()
                        .reason())
                .isEqualTo(SkipReason.ALREADY_IN_STATUS);
        assertThat(target(onTheWay, "Lunch_Break").getLeft().reason()).isEqualTo(SkipReason.ALREADY_IN_STATUS);
    }
}
