package io.omnisync.adapters.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.adapters.composition.OmnisyncFacadeTest.Vendors;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.reporting.ReportNotTaken;
import io.omnisync.application.sync.BatchedReports;
import io.omnisync.application.sync.GroupCommit;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.status.TalkdeskStatusId;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Reports through group commit, as the service makes them: the caller gets its decision once the batch is committed,
 * and an event group commit did not take (it stopped, or its queue is full) is {@link ReportNotTaken}, which the
 * ingress answers 503 without acknowledging, with nothing of it stored.
 */
class BatchedReportsTest {

    private static final Instant NINE = Instant.parse("2026-01-06T09:00:00Z");

    static final class Rig {
        final BatchedReports reports;
        final GroupCommit commits;
        final LoadConfiguration configurations;
        final QueryAgents agents;

        @Inject
        Rig(BatchedReports reports, GroupCommit commits, LoadConfiguration configurations, QueryAgents agents) {
            this.reports = reports;
            this.commits = commits;
            this.configurations = configurations;
            this.agents = agents;
        }
    }

    private final Rig rig = new Bootstrap(new Vendors(), new InMemoryStoreModule()).initialize(Rig.class);

    BatchedReportsTest() {
        rig.configurations.load(JsonConfigurationFile.read(Path.of("../../examples/contact-center.json"))
                .get()
                .draft());
    }

    private static AgentEvent lunch(String id) {
        return new AgentEvent.TalkdeskStatusReported(
                EventId.of(id), AgentId.of("joao"), NINE, TalkdeskStatusId.of("lunch"));
    }

    @Test
    void a_report_returns_its_decision_once_its_batch_is_committed() {
        assertThat(rig.reports.report(lunch("e-1")).isRight()).isTrue();

        assertThat(rig.agents.agent(AgentId.of("joao")).get().talkdeskStatus()).isEqualTo(TalkdeskStatusId.of("lunch"));
    }

    @Test
    void an_event_group_commit_did_not_take_is_not_taken_and_nothing_of_it_is_stored() {
        rig.commits.close();

        assertThatThrownBy(() -> rig.reports.report(lunch("e-2")))
                .isInstanceOf(ReportNotTaken.class)
                .hasCauseInstanceOf(GroupCommit.Stopped.class);
        assertThat(rig.agents.agent(AgentId.of("joao")).get().talkdeskStatus())
                .isNotEqualTo(TalkdeskStatusId.of("lunch"));
    }
}
