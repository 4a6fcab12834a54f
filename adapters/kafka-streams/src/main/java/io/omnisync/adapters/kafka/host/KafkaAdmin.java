package io.omnisync.adapters.kafka.host;

import io.omnisync.adapters.kafka.admin.ConfigurationPublisher;
import io.omnisync.adapters.kafka.admin.PublishResult;
import io.omnisync.application.admin.ChangeIntegrationSettings;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.admin.LoadResult;
import io.omnisync.application.admin.SettingsResult;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.sync.Activation;
import io.omnisync.domain.sync.AgentDecision;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * The admin's changes on Kafka: records of the configuration topic written by the {@link ConfigurationPublisher},
 * validated by the domain before anything is written (SPEC 4.9), so every instance applies them in the same order
 * relative to each agent's events. The commands a change leads to (an activation's reconciliations) are decided by
 * the Streams application, not here: the answers list none.
 */
public final class KafkaAdmin implements LoadConfiguration, ChangeIntegrationSettings {

    private final ConfigurationPublisher publisher;
    private final QueryAgents agents;

    public KafkaAdmin(ConfigurationPublisher publisher, QueryAgents agents) {
        this.publisher = publisher;
        this.agents = agents;
    }

    @Override
    public LoadResult load(ConfigurationDraft draft) {
        PublishResult result = publisher.replace(draft);
        if (result instanceof PublishResult.Rejected rejected) {
            return new LoadResult.Rejected(rejected.problems());
        }
        return new LoadResult.Applied(published(result).configuration(), List.empty());
    }

    @Override
    public SettingsResult change(SettingsChange change) {
        PublishResult result = publisher.change(change);
        if (result instanceof PublishResult.Refused refused) {
            return new SettingsResult.Refused(refused.refusal());
        }
        return new SettingsResult.Applied(published(result).configuration().settings(), List.empty());
    }

    /** The dry run, from what this instance's stores know of each agent (SPEC 4.2). */
    @Override
    public Seq<AgentDecision> planActivation() {
        Configuration configuration = agents.configuration();
        return agents.agents()
                .map(session -> Activation.reconcile(
                        configuration, configuration.agent(session.agent()).get(), session));
    }

    private static PublishResult.Published published(PublishResult result) {
        if (result instanceof PublishResult.Published published) {
            return published;
        }
        if (result instanceof PublishResult.Conflict conflict) {
            throw new IllegalStateException(conflict.message());
        }
        throw new IllegalStateException("unexpected answer to an admin change: " + result);
    }
}
