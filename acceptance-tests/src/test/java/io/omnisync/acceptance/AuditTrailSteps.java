package io.omnisync.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.sync.Because;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.collection.Seq;
import jakarta.inject.Inject;
import java.util.function.Predicate;

/**
 * What Omnisync itself did, read from its audit trail: the changes it sent and why, the events
 * it chose not to act on and why, the status it remembered for after a call. Each assertion reads
 * the facts of the steps since the previous assertion.
 */
public class AuditTrailSteps {

    private final World world;

    @Inject
    public AuditTrailSteps(World world) {
        this.world = world;
    }

    @Then("Omnisync set {agent} to {string} in {system}")
    public void set(AgentId agent, String status, VendorSystem system) {
        world.endEpisode();
        assertSynced(agent, system, status, because -> true, "");
    }

    @Then("Omnisync returned {agent} to {string} in Omni-Channel")
    public void returned(AgentId agent, String status) {
        world.endEpisode();
        assertSynced(
                agent,
                VendorSystem.OMNI,
                status,
                Because.RETURN_AFTER_CALL::equals,
                " because of 'return to previous status after a call'");
    }

    @Then("Omnisync set {agent} to {string} in Talkdesk, because of the status she picked during the call")
    public void setForPickDuringCall(AgentId agent, String status) {
        world.endEpisode();
        assertSynced(
                agent,
                VendorSystem.TALKDESK,
                status,
                Because.PICKED_DURING_CALL::equals,
                " because of the status she picked during the call");
    }

    @Then("the rule {string} set {agent} to {string} in {system}")
    public void ruleSet(String rule, AgentId agent, String status, VendorSystem system) {
        world.endEpisode();
        assertSynced(agent, system, status, Because.rule(rule)::equals, " because of the rule '" + rule + "'");
    }

    @Then("Omnisync changed nothing for {agent}")
    public void changedNothing(AgentId agent) {
        world.endEpisode();
        Seq<Fact> episode = world.episode();
        Seq<Command> sent = episode.filter(Fact.Synced.class::isInstance)
                .map(fact -> ((Fact.Synced) fact).command())
                .filter(command -> command.agent().equals(agent));
        assertThat(sent.toJavaList())
                .as("what Omnisync sent for %s; all it recorded: %s", world.agentName(agent), episode.mkString("; "))
                .isEmpty();
    }

    @Then("Omnisync did not sync {agent}'s {system} change, because {reason}")
    public void notSynced(AgentId agent, VendorSystem system, SkipReason reason) {
        world.endEpisode();
        Seq<Fact.Skipped> skipped = skipped(agent);
        assertThat(skipped.filter(fact -> fact.system() == system)
                        .map(Fact.Skipped::reason)
                        .toJavaList())
                .as(
                        "why Omnisync did not act on %s's %s changes; all it recorded: %s",
                        world.agentName(agent),
                        system == VendorSystem.TALKDESK ? "Talkdesk" : "Omni-Channel",
                        describe(skipped))
                .contains(reason);
    }

    @Then("Omnisync left {agent} alone, because {reason}")
    public void leftAlone(AgentId agent, SkipReason reason) {
        world.endEpisode();
        Seq<Fact.Skipped> skipped = skipped(agent);
        assertThat(skipped.map(Fact.Skipped::reason).toJavaList())
                .as("why Omnisync did not act for %s; all it recorded: %s", world.agentName(agent), describe(skipped))
                .contains(reason);
    }

    @Then("Omnisync remembers {string} for {agent} to return to")
    public void remembers(String status, AgentId agent) {
        world.endEpisode();
        Seq<OmniStatus> remembered = world.episode()
                .filter(Fact.StatusRemembered.class::isInstance)
                .map(Fact.StatusRemembered.class::cast)
                .filter(fact -> fact.agent().equals(agent))
                .map(Fact.StatusRemembered::status);
        assertThat(remembered.lastOption().map(OmniStatus::wireName).toJavaOptional())
                .as("the Omni-Channel status Omnisync remembered for %s", world.agentName(agent))
                .contains(world.sheet().omniName(status));
    }

    private void assertSynced(AgentId agent, VendorSystem system, String status, Predicate<Because> cause, String why) {
        String expected = system == VendorSystem.TALKDESK
                ? world.sheet().talkdeskId(status)
                : world.sheet().omniName(status);
        Seq<Command> sent = world.episode()
                .filter(Fact.Synced.class::isInstance)
                .map(fact -> ((Fact.Synced) fact).command())
                .filter(command -> command.agent().equals(agent));
        assertThat(sent.exists(command -> command.system() == system
                        && command.statusName().equals(expected)
                        && cause.test(command.because())))
                .as(
                        "Omnisync set %s to '%s' in %s%s; it sent: %s",
                        world.agentName(agent),
                        status,
                        system == VendorSystem.TALKDESK ? "Talkdesk" : "Omni-Channel",
                        why,
                        sent.mkString("; "))
                .isTrue();
    }

    private Seq<Fact.Skipped> skipped(AgentId agent) {
        return world.episode()
                .filter(Fact.Skipped.class::isInstance)
                .map(Fact.Skipped.class::cast)
                .filter(fact -> fact.agent().equals(agent));
    }

    private static String describe(Seq<Fact.Skipped> skipped) {
        return skipped.isEmpty()
                ? "nothing"
                : skipped.map(fact -> fact.reason() + " (" + fact.detail() + ")")
                        .mkString("; ");
    }
}
