package io.omnisync.adapters.talkdesk.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.adapters.talkdesk.CustomStatus;
import io.omnisync.adapters.talkdesk.PresenceBody;
import io.omnisync.adapters.talkdesk.TalkdeskTimeouts;
import io.omnisync.adapters.talkdesk.standin.TalkdeskStandIn;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AccessGrantDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AgentDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.Integration;
import io.omnisync.domain.configuration.ConfigurationDraft.OmniChannel;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceStatusDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ServiceChannelDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.Talkdesk;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskPresenceDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskStatusDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskVendorDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.VendorsDraft;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's TalkdeskPresence port over real HTTP, against the Talkdesk stand-in on loopback. */
class HttpTalkdeskPresenceTest {

    private TalkdeskStandIn talkdesk;
    private Configuration configuration;
    private HttpTalkdeskPresence presence;
    private Agent maria;

    @BeforeEach
    void start() {
        talkdesk = TalkdeskStandIn.start();
        configuration = Configuration.validate(draft(talkdesk))
                .toEither()
                .getOrElseThrow(problems -> new AssertionError(problems.mkString("\n")));
        maria = configuration.agent(AgentId.of("maria")).get();
        presence = new HttpTalkdeskPresence(
                new Running(), talkdesk.credentials(), TalkdeskTimeouts.standard(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        talkdesk.close();
    }

    @Test
    void each_status_sends_the_body_section_6_gives_it() {
        for (String status : java.util.List.of("available", "away", "offline", "lunch", "wfh", "chat_only")) {
            assertThat(presence.setAgentStatus(maria, TalkdeskStatusId.of(status)))
                    .as(status)
                    .isEqualTo(VendorAnswer.ACCEPTED);
        }

        assertThat(talkdesk.acceptedPuts())
                .allSatisfy(put -> assertThat(put.talkdeskUserId()).isEqualTo("td-42"))
                .extracting(TalkdeskStandIn.RecordedPut::presence)
                .containsExactly(
                        PresenceBody.of("available"),
                        PresenceBody.of("away"),
                        PresenceBody.of("offline"),
                        PresenceBody.of("away", "lunch"), // custom AWAY: "away" with its id
                        PresenceBody.of("available", "wfh"), // custom AVAILABLE: "available" with its id
                        PresenceBody.of("away", "email")); // its own "presence" wins over the default
    }

    @Test
    void the_start_up_check_names_each_custom_status_the_account_no_longer_has() {
        talkdesk.customStatuses(new CustomStatus("lunch", "Lunch"), new CustomStatus("wfh", "Working from home"));

        assertThat(presence.customStatusesMissing())
                .singleElement()
                .satisfies(line -> assertThat(line).contains("'chat_only'", "'email'", "does not have"));

        talkdesk.customStatuses(
                new CustomStatus("lunch", "Lunch"),
                new CustomStatus("wfh", "Working from home"),
                new CustomStatus("email", "Email"));
        assertThat(presence.customStatusesMissing()).isEmpty();
    }

    @Test
    void the_start_up_check_says_so_when_the_account_cannot_be_read() {
        talkdesk.unavailable();

        assertThat(presence.customStatusesMissing())
                .singleElement()
                .satisfies(line -> assertThat(line).contains("could not be read"));
    }

    @Test
    void a_status_with_nothing_to_send_is_refused_without_a_call() {
        assertThat(presence.setAgentStatus(maria, TalkdeskStatusId.of("gone")))
                .isInstanceOfSatisfying(
                        VendorAnswer.Refused.class,
                        refused -> assertThat(refused.reason()).contains("'gone'", "presence"));
        assertThat(presence.setAgentStatus(maria, TalkdeskStatusId.of("no_such_status")))
                .isInstanceOf(VendorAnswer.Refused.class);
        assertThat(talkdesk.puts()).isEmpty();
    }

    @Test
    void a_refusal_is_final_and_carries_talkdesks_code_and_message() {
        talkdesk.refuseFor("td-42", 409, "status_conflict", "the agent is on a call");

        assertThat(presence.setAgentStatus(maria, TalkdeskStatusId.AWAY))
                .isEqualTo(new VendorAnswer.Refused(
                        "Talkdesk refused it (HTTP 409 status_conflict): the agent is on a call"));
    }

    @Test
    void a_custom_status_deleted_in_talkdesk_is_refused_as_unknown_at_the_vendor() {
        talkdesk.refuseFor("td-42", 422, "invalid_request", "custom status 'lunch' does not exist");

        assertThat(presence.setAgentStatus(maria, TalkdeskStatusId.of("lunch")))
                .isEqualTo(VendorAnswer.Refused.unknownStatus(
                        "Talkdesk refused it (HTTP 422 invalid_request): custom status 'lunch' does not exist"));
    }

    @Test
    void a_404_about_a_status_is_unknown_at_the_vendor_and_one_about_the_user_is_an_ordinary_refusal() {
        talkdesk.refuseFor("td-42", 404, "status_not_found", "no such status");
        assertThat(presence.setAgentStatus(maria, TalkdeskStatusId.AWAY))
                .extracting(answer -> ((VendorAnswer.Refused) answer).kind())
                .isEqualTo(VendorAnswer.Refused.Kind.UNKNOWN_STATUS);

        talkdesk.refuseFor("td-42", 404, "user_not_found", "no user td-42");
        assertThat(presence.setAgentStatus(maria, TalkdeskStatusId.AWAY))
                .extracting(answer -> ((VendorAnswer.Refused) answer).kind())
                .isEqualTo(VendorAnswer.Refused.Kind.OTHER);
    }

    @Test
    void talkdesk_unavailable_is_the_ports_unavailable_with_its_retry_after() {
        talkdesk.tooManyRequestsFor("td-42", Duration.ofSeconds(7));

        assertThatThrownBy(() -> presence.setAgentStatus(maria, TalkdeskStatusId.AWAY))
                .isInstanceOfSatisfying(
                        VendorUnavailableException.class,
                        unavailable -> assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(7)));

        talkdesk.healthy().unavailableFor("td-42");
        assertThatThrownBy(() -> presence.setAgentStatus(maria, TalkdeskStatusId.AWAY))
                .isInstanceOfSatisfying(
                        VendorUnavailableException.class,
                        unavailable -> assertThat(unavailable.retryAfter()).isEmpty());
    }

    @Test
    void a_401_renews_the_token_and_the_call_goes_through() {
        presence.setAgentStatus(maria, TalkdeskStatusId.AWAY);
        talkdesk.unauthorizedOnceFor("td-42");

        assertThat(presence.setAgentStatus(maria, TalkdeskStatusId.AVAILABLE)).isEqualTo(VendorAnswer.ACCEPTED);
        assertThat(talkdesk.tokenRequests()).isEqualTo(2);
    }

    /** The engine's view of the configuration, as QueryAgents answers it. */
    private final class Running implements QueryAgents {
        @Override
        public Option<AgentSession> agent(AgentId agent) {
            return Option.none();
        }

        @Override
        public Seq<AgentSession> agents() {
            return List.empty();
        }

        @Override
        public Configuration configuration() {
            return configuration;
        }
    }

    private static ConfigurationDraft draft(TalkdeskStandIn talkdesk) {
        var endpoints = talkdesk.endpoints();
        return new ConfigurationDraft(
                new Talkdesk(
                        List.of(
                                new TalkdeskStatusDraft("lunch", "Lunch", TalkdeskStatusType.AWAY),
                                new TalkdeskStatusDraft("wfh", "Working from home", TalkdeskStatusType.AVAILABLE),
                                new TalkdeskStatusDraft(
                                        "chat_only",
                                        "Chat Only",
                                        TalkdeskStatusType.BUSY,
                                        Option.some(new TalkdeskPresenceDraft("away", Option.some("email")))),
                                new TalkdeskStatusDraft("gone", "Gone", TalkdeskStatusType.OFFLINE)),
                        false),
                new OmniChannel(
                        List.of(new ServiceChannelDraft("Phone", "Phone", true)),
                        List.of(new PresenceStatusDraft("Online", "Online", PresenceOption.ONLINE, List.of("Phone"))),
                        List.of(new AccessGrantDraft("Agent", List.of("Online"))),
                        List.empty(),
                        List.of(new PresenceConfigurationDraft("Default", 1, List.of("Agent"), List.empty()))),
                List.of(new AgentDraft(
                        "maria", "td-42", "005000000000042AAA", "Agent", List.empty(), "available", "Online")),
                Integration.off(),
                Option.some(new VendorsDraft(
                        Option.some(new TalkdeskVendorDraft(
                                endpoints.apiBaseUrl().toString(),
                                endpoints.tokenUrl().toString(),
                                List.ofAll(endpoints.scopes()))),
                        Option.none())));
    }
}
