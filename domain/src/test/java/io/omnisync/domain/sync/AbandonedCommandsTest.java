package io.omnisync.domain.sync;

import static io.omnisync.domain.GuideSetup.MARIA;
import static io.omnisync.domain.GuideSetup.configuration;
import static io.omnisync.domain.GuideSetup.decide;
import static io.omnisync.domain.GuideSetup.omni;
import static io.omnisync.domain.GuideSetup.talkdesk;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import org.junit.jupiter.api.Test;

/**
 * A command that will never be echoed (SPEC 5: refused, superseded by a newer one, or never
 * answered): the engine stops waiting for it, for that status only, and the audit trail says
 * which agent it was about.
 */
class AbandonedCommandsTest {

    private final Configuration syncing = configuration();

    private AgentSession maria() {
        return AgentSession.of(syncing.agent(MARIA).get());
    }

    /** maria picked Chat_Only then Lunch_Break in the widget: Talkdesk was asked for chat_only, then away. */
    private AgentDecision twoTalkdeskChanges() {
        AgentDecision first = decide(syncing, maria(), omni(MARIA, "Chat_Only"));
        AgentDecision second = decide(syncing, first.session(), omni(MARIA, "Lunch_Break"));
        return new AgentDecision(second.session(), first.commands().appendAll(second.commands()), second.facts());
    }

    @Test
    void a_refused_talkdesk_change_is_no_longer_awaited_and_the_next_one_still_is() {
        AgentDecision sent = twoTalkdeskChanges();
        Command chatOnly = sent.commands().head();

        AgentDecision refused = PresenceSync.commandFailed(sent.session(), chatOnly, "not allowed");

        assertThat(sent.session().expectedTalkdesk())
                .containsExactly(TalkdeskStatusId.of("chat_only"), TalkdeskStatusId.AWAY);
        assertThat(refused.session().expectedTalkdesk()).containsExactly(TalkdeskStatusId.AWAY);
        assertThat(refused.session().expectedTalkdeskAfter()).hasSize(1);
        assertThat(refused.commands()).isEmpty();
        assertThat(refused.facts()).singleElement().satisfies(fact -> {
            assertThat(fact.about()).contains(MARIA);
            assertThat(((Fact.CommandFailed) fact).failure()).isEqualTo(CommandFailure.REFUSED);
        });
    }

    @Test
    void a_command_superseded_before_it_was_sent_is_no_longer_awaited_and_names_the_newer_one() {
        AgentDecision sent = twoTalkdeskChanges();
        Command older = sent.commands().head();
        Command newer = sent.commands().last();

        AgentDecision superseded = PresenceSync.superseded(sent.session(), older, newer);

        assertThat(superseded.session().expectedTalkdesk()).containsExactly(TalkdeskStatusId.AWAY);
        assertThat(superseded.facts()).singleElement().satisfies(fact -> {
            assertThat(fact).isEqualTo(new Fact.Superseded(older, newer));
            assertThat(fact.about()).contains(MARIA);
        });
    }

    @Test
    void a_command_never_answered_in_time_is_no_longer_awaited() {
        AgentDecision sent = decide(syncing, maria(), talkdesk(MARIA, "lunch"));
        Command lunch = sent.commands().single();

        AgentDecision expired = PresenceSync.expired(sent.session(), lunch);

        assertThat(sent.session().expectedOmni()).containsExactly(PresenceStatusId.of("Lunch_Break"));
        assertThat(expired.session().expectedOmni()).isEmpty();
        assertThat(expired.session().omniStatus())
                .as("what Omni-Channel last reported stands")
                .isEqualTo(PresenceStatusId.of("Available_for_Calls"));
        assertThat(expired.facts()).singleElement().satisfies(fact -> {
            assertThat(fact).isEqualTo(new Fact.Expired(lunch));
            assertThat(fact.about()).contains(MARIA);
        });
    }

    @Test
    void abandoning_a_command_for_a_status_no_longer_awaited_changes_nothing() {
        AgentDecision sent = decide(syncing, maria(), talkdesk(MARIA, "lunch"));
        AgentSession echoed =
                PresenceSync.expired(sent.session(), sent.commands().single()).session();

        assertThat(PresenceSync.expired(echoed, sent.commands().single()).session())
                .isEqualTo(echoed);
    }
}
