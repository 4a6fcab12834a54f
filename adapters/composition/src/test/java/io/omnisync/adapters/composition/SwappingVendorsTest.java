package io.omnisync.adapters.composition;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Module;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.adapters.sandbox.FaultPlan;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.adapters.sandbox.SandboxVendorsModule;
import io.omnisync.adapters.sandbox.Simulation;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.adapters.sandbox.UnreliableSandboxVendorsModule;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Swapping vendors is swapping one module: the same day converges with reliable and unreliable sandboxes. */
class SwappingVendorsTest {

    private static final ConfigurationDraft DRAFT = JsonConfigurationFile.read(
                    Path.of("../../examples/contact-center.json"))
            .get()
            .draft();

    /** The facade and the sandboxes it runs on, as the composition root builds them. */
    static final class Rig {
        final Omnisync omnisync;
        final TalkdeskSandbox talkdesk;
        final SalesforceSandbox salesforce;
        final Simulation simulation;

        @Inject
        Rig(Omnisync omnisync, TalkdeskSandbox talkdesk, SalesforceSandbox salesforce, Simulation simulation) {
            this.omnisync = omnisync;
            this.talkdesk = talkdesk;
            this.salesforce = salesforce;
            this.simulation = simulation;
        }
    }

    private static String day(Module vendors) {
        Rig rig = new Bootstrap(vendors, new InMemoryStoreModule()).initialize(Rig.class);
        Configuration configuration = Configuration.validate(DRAFT).get();
        TalkdeskSandbox talkdesk = rig.talkdesk;
        SalesforceSandbox salesforce = rig.salesforce;
        Simulation simulation = rig.simulation;
        talkdesk.reset(configuration);
        salesforce.reset(configuration);
        Omnisync omnisync = rig.omnisync;
        omnisync.load(DRAFT);
        omnisync.turnSync(true, true);
        omnisync.turnReturnToPreviousStatus(true);
        simulation.runUntilQuiet();
        AgentId maria = AgentId.of("maria");
        AgentId joao = AgentId.of("joao");
        salesforce.agentPicks(maria, OmniStatus.parse("Chat_Only"), Optional.empty());
        simulation.runUntilQuiet();
        talkdesk.answerCall(maria, Optional.empty());
        simulation.runUntilQuiet();
        talkdesk.hangUp(maria, Optional.empty());
        simulation.runUntilQuiet();
        talkdesk.endWrapUp(maria, Optional.empty(), Optional.empty());
        simulation.runUntilQuiet();
        talkdesk.agentPicks(joao, TalkdeskStatusId.of("lunch"), Optional.empty());
        simulation.runUntilQuiet();
        salesforce.agentPicks(joao, OmniStatus.parse("Available_for_Calls"), Optional.empty());
        simulation.runUntilQuiet();
        return List.of("maria", "joao", "ana").stream()
                .map(AgentId::of)
                .map(agent -> agent + "=" + talkdesk.status(agent) + "/"
                        + salesforce.status(agent).wireName())
                .collect(Collectors.joining(" "));
    }

    @Test
    void the_same_day_ends_the_same_with_reliable_and_unreliable_vendors() {
        String reliable = day(new SandboxVendorsModule());

        assertThat(reliable)
                .isEqualTo("maria=chat_only/Chat_Only joao=available/Available_for_Calls ana=available/Offline");
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(day(new UnreliableSandboxVendorsModule(FaultPlan.unreliable(seed))))
                    .as("seed " + seed)
                    .isEqualTo(reliable);
        }
    }
}
