package io.omnisync.domain.sync;

import static io.omnisync.domain.GuideSetup.ANA;
import static io.omnisync.domain.GuideSetup.MARIA;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.GuideSetup;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.session.CallPhase;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** SPEC 4.8 on its own: going back to the Omni-Channel status of before the call, and Talkdesk following. */
class ReturnAfterCallPolicyTest {

    private static final PresenceStatusId CHAT_ONLY = PresenceStatusId.of("Chat_Only");
    private static final ReturnAfterCallPolicy.Return BACK =
            new ReturnAfterCallPolicy.Return(CHAT_ONLY, Because.RETURN_AFTER_CALL);

    private final Configuration returning = GuideSetup.configuration(
            GuideSetup.withIntegration(GuideSetup.draft(), i -> GuideSetup.integration(i, true, true)));
    private final Agent maria = returning.agent(MARIA).get();

    /** maria out of her call: Talkdesk says {@code talkdesk}, Omni-Channel {@code omni}. */
    private static AgentSession outOfTheCall(String talkdesk, String omni) {
        return AgentSession.start(MARIA, TalkdeskStatusId.of(talkdesk), OmniStatus.parse(omni));
    }

    private static Iterable<String> sent(AgentDecision decision) {
        return decision.commands()
                .map(command -> command.system().wireName() + " " + command.statusName() + " by " + command.because());
    }

    @Test
    void with_the_toggle_on_the_memory_is_returned_to_whether_she_picked_it_or_not() {
        assertThat(ReturnAfterCallPolicy.returnTo(returning, new CallPhase.WrapUp(Option.some(CHAT_ONLY))))
                .contains(BACK);
        assertThat(ReturnAfterCallPolicy.returnTo(returning, new CallPhase.WrapUp(Option.some(CHAT_ONLY), true)))
                .contains(BACK);
        assertThat(ReturnAfterCallPolicy.returnTo(returning, new CallPhase.WrapUp(Option.some(OmniStatus.OFFLINE))))
                .as("a remembered Offline is left alone")
                .isEmpty();
        assertThat(ReturnAfterCallPolicy.returnTo(returning, new CallPhase.WrapUp(Option.none())))
                .isEmpty();
    }

    @Test
    void with_the_toggle_off_only_a_pick_during_the_call_wins() {
        Configuration off = GuideSetup.configuration();

        assertThat(ReturnAfterCallPolicy.returnTo(off, new CallPhase.WrapUp(Option.some(CHAT_ONLY))))
                .as("where she was before the call")
                .isEmpty();
        assertThat(ReturnAfterCallPolicy.returnTo(off, new CallPhase.OnCall(Option.some(CHAT_ONLY), true)))
                .as("her pick")
                .contains(new ReturnAfterCallPolicy.Return(CHAT_ONLY, Because.PICKED_DURING_CALL));
        assertThat(ReturnAfterCallPolicy.returnTo(off, new CallPhase.WrapUp(Option.some(OmniStatus.OFFLINE), true)))
                .as("logging out during the call is left as it is")
                .isEmpty();
    }

    @Test
    void omni_channel_goes_back_and_then_talkdesk_follows_the_mapping() {
        AgentDecision back = ReturnAfterCallPolicy.decide(
                        returning,
                        maria,
                        outOfTheCall("available", "After_Call_Work"),
                        TalkdeskStatusId.AVAILABLE,
                        BACK)
                .get();

        assertThat(sent(back))
                .containsExactly(
                        "omni Chat_Only by return to previous status after a call",
                        "talkdesk chat_only by return to previous status after a call");
        assertThat(back.session().omniNow()).isEqualTo(CHAT_ONLY);
    }

    @Test
    void when_omni_channel_is_already_there_talkdesk_still_follows() {
        AgentDecision back = ReturnAfterCallPolicy.decide(
                        returning, maria, outOfTheCall("available", "Chat_Only"), TalkdeskStatusId.AVAILABLE, BACK)
                .get();

        assertThat(sent(back)).containsExactly("talkdesk chat_only by return to previous status after a call");
    }

    @Test
    void an_agent_who_logged_out_during_the_call_gets_the_plain_rule_instead() {
        assertThat(ReturnAfterCallPolicy.decide(
                        returning, maria, outOfTheCall("available", "Offline"), TalkdeskStatusId.AVAILABLE, BACK))
                .isEmpty();
    }

    @Test
    void a_status_no_longer_granted_gets_the_plain_rule_instead() {
        Agent ana = returning.agent(ANA).get();
        AgentSession anaOut = AgentSession.start(ANA, TalkdeskStatusId.AVAILABLE, OmniStatus.parse("After_Call_Work"));

        assertThat(ReturnAfterCallPolicy.decide(returning, ana, anaOut, TalkdeskStatusId.AVAILABLE, BACK))
                .isEmpty();
    }

    @Test
    void a_remembered_status_without_a_talkdesk_mapping_is_said_so() {
        Configuration unmapped = GuideSetup.configuration(GuideSetup.withIntegration(
                GuideSetup.draft(),
                i -> GuideSetup.mapping(
                        GuideSetup.integration(i, true, true),
                        i.omniToTalkdesk().remove("Chat_Only"),
                        i.talkdeskToOmni())));

        AgentDecision back = ReturnAfterCallPolicy.decide(
                        unmapped,
                        unmapped.agent(MARIA).get(),
                        outOfTheCall("available", "After_Call_Work"),
                        TalkdeskStatusId.AVAILABLE,
                        BACK)
                .get();

        assertThat(back.commands()).hasSize(1);
        assertThat(back.facts())
                .filteredOn(Fact.Skipped.class::isInstance)
                .singleElement()
                .satisfies(fact -> {
                    Fact.Skipped skipped = (Fact.Skipped) fact;
                    assertThat(skipped.reason()).isEqualTo(SkipReason.UNMAPPED);
                    assertThat(skipped.because()).isEqualTo(Because.RETURN_AFTER_CALL);
                });
    }
}
