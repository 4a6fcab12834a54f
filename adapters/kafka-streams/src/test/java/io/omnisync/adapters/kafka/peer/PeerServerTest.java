package io.omnisync.adapters.kafka.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.adapters.kafka.codec.SessionRecord;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What one instance answers another over loopback HTTP, and what the asking side makes of each answer. */
class PeerServerTest {

    private static final String TOKEN = "the-deployment-s-admin-token";
    private static final SessionRecord MARIA = session("maría lópez/2+50%", "lunch");
    private static final SessionRecord PEDRO = session("pedro", "away");

    private PeerServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_owner_answers_an_agent_s_session_as_it_stored_it() {
        HostInfo owner = owner(Map.of(MARIA.session().agent().value(), MARIA), "");

        assertThat(client(TOKEN).session(owner, "maría lópez/2+50%")).isEqualTo(Either.right(Option.some(MARIA)));
    }

    @Test
    void an_agent_nothing_was_decided_for_is_no_session_rather_than_a_failure() {
        HostInfo owner = owner(Map.of(), "");

        assertThat(client(TOKEN).session(owner, "pedro")).isEqualTo(Either.right(Option.none()));
    }

    @Test
    void every_owned_session_comes_back_whole() {
        HostInfo owner = owner(Map.of(MARIA.session().agent().value(), MARIA, "pedro", PEDRO), "");

        Either<String, Seq<SessionRecord>> all = client(TOKEN).sessions(owner);

        assertThat(all.get()).containsExactlyInAnyOrder(MARIA, PEDRO);
    }

    @Test
    void an_instance_that_does_not_own_the_agent_now_says_why_and_the_asker_falls_back() {
        HostInfo owner = owner(Map.of(), "maria's partition is not active on 127.0.0.1:1");

        Either<String, Option<SessionRecord>> asked = client(TOKEN).session(owner, "maria");

        assertThat(asked.getLeft()).contains("503").contains("not active");
        assertThat(client(TOKEN).sessions(owner).getLeft()).contains("503");
    }

    @Test
    void a_query_without_the_deployment_s_token_is_refused() {
        HostInfo owner = owner(Map.of("pedro", PEDRO), "");

        assertThat(client("someone-else-s-token").session(owner, "pedro").getLeft())
                .contains("401");
        assertThat(client("someone-else-s-token").sessions(owner).getLeft()).contains("401");
    }

    @Test
    void a_peer_that_is_gone_is_a_reason_not_an_exception() {
        HostInfo owner = owner(Map.of(), "");
        server.close();
        server = null;

        assertThat(client(TOKEN).session(owner, "pedro").getLeft()).contains("did not answer");
    }

    @Test
    void the_admin_token_itself_is_not_what_a_peer_presents() {
        HostInfo owner = owner(Map.of("pedro", PEDRO), "");

        assertThat(new PeerClient(TOKEN).session(owner, "pedro").getLeft()).contains("401");
    }

    @Test
    void an_owner_streams_knows_no_address_of_is_a_reason_not_an_exception() {
        assertThat(client(TOKEN)
                        .session(new HostInfo("unavailable", -1), "pedro")
                        .getLeft())
                .contains("not an address");
    }

    @Test
    void an_advertised_host_a_url_cannot_name_is_refused_and_the_token_is_never_printed() {
        assertThatThrownBy(() -> new PeerAccess("omnisync_2", 0, TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("omnisync_2");
        assertThat(new PeerAccess("omnisync-2.internal", 7070, TOKEN).toString())
                .contains("omnisync-2.internal:7070")
                .doesNotContain(TOKEN);
    }

    private static PeerClient client(String adminToken) {
        return new PeerClient(new PeerAccess("127.0.0.1", 0, adminToken).credential());
    }

    /** An instance owning {@code sessions}, or none if {@code notOwned} names why. */
    private HostInfo owner(Map<String, SessionRecord> sessions, String notOwned) {
        server = PeerServer.bind(new PeerAccess("127.0.0.1", 0, TOKEN)).start(new OwnedSessions() {
            @Override
            public Either<String, Option<SessionRecord>> owned(String agent) {
                return notOwned.isEmpty() ? Either.right(Option.of(sessions.get(agent))) : Either.left(notOwned);
            }

            @Override
            public Either<String, Seq<SessionRecord>> allOwned() {
                return notOwned.isEmpty() ? Either.right(List.ofAll(sessions.values())) : Either.left(notOwned);
            }
        });
        return server.address();
    }

    private static SessionRecord session(String agent, String talkdesk) {
        return new SessionRecord(
                AgentSession.start(AgentId.of(agent), TalkdeskStatusId.of(talkdesk), OmniStatus.OFFLINE), 3, 1);
    }
}
