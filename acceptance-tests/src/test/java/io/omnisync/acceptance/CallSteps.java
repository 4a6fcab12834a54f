package io.omnisync.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.When;
import io.omnisync.adapters.sandbox.SandboxAnswer;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.status.TalkdeskStatusId;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Calls, which own Talkdesk's On a Call and After Call Work: answering, hanging up (wrap-up
 * begins), finishing wrap-up (Available, or the status chosen in advance with Talkdesk's 'Next
 * agent status'). Talkdesk runs the lifecycle and reports each step.
 */
public class CallSteps {

    private final World world;
    private final TalkdeskSandbox talkdesk;

    @Inject
    public CallSteps(World world, TalkdeskSandbox talkdesk) {
        this.world = world;
        this.talkdesk = talkdesk;
    }

    @When("{agent} answers a call")
    @When("{agent} receives an incoming call and answers it")
    @When("{agent} answers a second call during wrap-up")
    public void answersCall(AgentId agent) {
        call(
                agent,
                "answer a call",
                () -> talkdesk.answerCall(
                        agent, world.eventFor(agent, VendorSystem.TALKDESK, TalkdeskStatusId.ON_A_CALL.value())));
    }

    @When("{agent} ends the call")
    public void endsCall(AgentId agent) {
        call(
                agent,
                "end the call",
                () -> talkdesk.hangUp(
                        agent, world.eventFor(agent, VendorSystem.TALKDESK, TalkdeskStatusId.AFTER_CALL_WORK.value())));
    }

    @When("{agent} finishes wrap-up")
    public void finishesWrapUp(AgentId agent) {
        call(
                agent,
                "finish wrap-up",
                () -> talkdesk.endWrapUp(
                        agent,
                        Optional.empty(),
                        world.eventFor(agent, VendorSystem.TALKDESK, TalkdeskStatusId.AVAILABLE.value())));
    }

    @When("{agent} ends the call and finishes wrap-up")
    public void endsCallAndFinishesWrapUp(AgentId agent) {
        endsCall(agent);
        finishesWrapUp(agent);
    }

    @When("{agent} finishes wrap-up, having chosen {string} as next agent status")
    public void finishesWrapUpTo(AgentId agent, String status) {
        String next = world.sheet().talkdeskId(status);
        call(
                agent,
                "finish wrap-up",
                () -> talkdesk.endWrapUp(
                        agent,
                        Optional.of(TalkdeskStatusId.of(next)),
                        world.eventFor(agent, VendorSystem.TALKDESK, next)));
    }

    private void call(AgentId agent, String what, Supplier<SandboxAnswer> step) {
        SandboxAnswer answer = world.act(VendorSystem.TALKDESK, step);
        assertThat(answer)
                .as("Talkdesk letting %s %s", world.agentName(agent), what)
                .isEqualTo(SandboxAnswer.DONE);
    }
}
