package io.omnisync.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.application.admin.ChangeIntegrationSettings;
import io.omnisync.application.admin.SettingsResult;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.settings.RefusalCode;
import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.collection.Seq;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin's switches, which take effect at once without a save: the 'Omni-Channel' toggle
 * (with its dry run and its business-hours guard), 'return to previous status after a call', and
 * Talkdesk's own 'Next agent status' preference, which cannot be on together with the latter.
 */
public class SettingsSteps {

    /** The scenarios' week: it starts on Monday 5 January 2026. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    private final World world;
    private final ChangeIntegrationSettings settings;
    private final QueryAgents agents;
    private final TalkdeskSandbox talkdesk;

    @Inject
    public SettingsSteps(
            World world, ChangeIntegrationSettings settings, QueryAgents agents, TalkdeskSandbox talkdesk) {
        this.world = world;
        this.settings = settings;
        this.agents = agents;
        this.talkdesk = talkdesk;
    }

    // ---- how the switches are when the scenario starts -------------------------------------

    @Given("the 'Omni-Channel' toggle is {onOff}")
    public void syncIs(boolean on) {
        world.sheetBeforeStart("the 'Omni-Channel' toggle").omniChannelSync(on);
    }

    @Given("'return to previous status after a call' is {onOff}")
    public void returnIs(boolean on) {
        world.sheetBeforeStart("'return to previous status after a call'").returnToPreviousStatusAfterCall(on);
    }

    @Given("Talkdesk's 'Next agent status' preference is {onOff}")
    public void nextAgentStatusIs(boolean on) {
        world.sheetBeforeStart("'Next agent status'").nextAgentStatus(on);
    }

    @Given("the business hours are {weekday} to {weekday} from {time} to {time}, {zone} time")
    public void businessHours(DayOfWeek first, DayOfWeek last, LocalTime start, LocalTime end, ZoneId zone) {
        List<DayOfWeek> days = new ArrayList<>();
        for (DayOfWeek day = first; ; day = day.plus(1)) {
            days.add(day);
            if (day == last) {
                break;
            }
        }
        world.sheetBeforeStart("business hours").businessHours(zone, days, start, end);
    }

    @Given("it is {weekday} {time} in the contact center")
    public void itIs(DayOfWeek day, LocalTime time) {
        LocalDate date = MONDAY.with(TemporalAdjusters.nextOrSame(day));
        world.clock().set(date.atTime(time).atZone(world.sheet().timeZone()).toInstant());
    }

    // ---- the admin flips them --------------------------------------------------------------

    @When("the admin turns the 'Omni-Channel' toggle {onOff}")
    public void turnSync(boolean on) {
        change(new SettingsChange.ToggleSync(on, false, world.clock().instant()));
    }

    @When("the admin forces the 'Omni-Channel' toggle on")
    public void forceSync() {
        change(new SettingsChange.ToggleSync(true, true, world.clock().instant()));
    }

    @When("the admin turns 'return to previous status after a call' {onOff}")
    public void turnReturn(boolean on) {
        change(new SettingsChange.ToggleReturnToPrevious(on, world.clock().instant()));
    }

    @When("the admin turns Talkdesk's 'Next agent status' preference {onOff}")
    public void turnNextAgentStatus(boolean on) {
        SettingsResult result = change(
                new SettingsChange.ToggleNextAgentStatus(on, world.clock().instant()));
        if (result instanceof SettingsResult.Applied) {
            talkdesk.setNextAgentStatus(on);
        }
    }

    @When("the admin disables the rule {string}")
    public void disableRule(String rule) {
        change(new SettingsChange.ToggleRule(rule, false, world.clock().instant()));
    }

    @When("the admin enables the rule {string}")
    public void enableRule(String rule) {
        change(new SettingsChange.ToggleRule(rule, true, world.clock().instant()));
    }

    @Then("the change is refused, because {refusal}")
    public void refused(RefusalCode code) {
        world.endEpisode();
        SettingsResult last = world.lastChange().orElseThrow(() -> new AssertionError("the admin changed nothing"));
        assertThat(last).as("the admin's last change").isInstanceOf(SettingsResult.Refused.class);
        assertThat(((SettingsResult.Refused) last).refusal().code())
                .as("why it was refused")
                .isEqualTo(code);
    }

    @Then("the 'Omni-Channel' toggle is still/now {onOff}")
    public void syncNow(boolean on) {
        world.endEpisode();
        assertThat(current().omniChannelSync())
                .as("the 'Omni-Channel' toggle is on")
                .isEqualTo(on);
    }

    @Then("'return to previous status after a call' is still/now {onOff}")
    public void returnNow(boolean on) {
        world.endEpisode();
        assertThat(current().returnToPreviousStatusAfterCall())
                .as("'return to previous status after a call' is on")
                .isEqualTo(on);
    }

    @Then("Talkdesk's 'Next agent status' preference is still/now {onOff}")
    public void nextAgentStatusNow(boolean on) {
        world.endEpisode();
        assertThat(current().nextAgentStatus())
                .as("Talkdesk's 'Next agent status' is on")
                .isEqualTo(on);
    }

    // ---- the dry run -----------------------------------------------------------------------

    @When("the admin previews what turning the 'Omni-Channel' toggle on would change")
    public void previewActivation() {
        world.preview(world.run(settings::planActivation));
    }

    @Then("the preview moves {agent} to {string} in Omni-Channel")
    public void previewMoves(AgentId agent, String status) {
        world.endEpisode();
        Seq<Command> commands = decisionOf(agent).commands();
        assertThat(commands.toJavaList())
                .as("what activation would send for %s", world.agentName(agent))
                .containsExactly(new Command.SetOmniStatus(
                        agent,
                        PresenceStatusId.of(world.sheet().omniName(status)),
                        io.omnisync.domain.sync.Because.ACTIVATION));
    }

    @Then("the preview leaves {agent} alone, because {reason}")
    public void previewLeaves(AgentId agent, SkipReason reason) {
        world.endEpisode();
        AgentDecision decision = decisionOf(agent);
        assertThat(decision.commands().toJavaList())
                .as("what activation would send for %s", world.agentName(agent))
                .isEmpty();
        assertThat(decision.facts()
                        .filter(Fact.Skipped.class::isInstance)
                        .map(fact -> ((Fact.Skipped) fact).reason())
                        .toJavaList())
                .as("why activation would leave %s alone", world.agentName(agent))
                .contains(reason);
    }

    @Then("nothing has changed yet")
    public void nothingChanged() {
        world.endEpisode();
        assertThat(world.episode().filter(Fact.Synced.class::isInstance).toJavaList())
                .as("commands Omnisync sent")
                .isEmpty();
        assertThat(current().omniChannelSync())
                .as("the 'Omni-Channel' toggle is on")
                .isFalse();
    }

    private AgentDecision decisionOf(AgentId agent) {
        Seq<AgentDecision> preview =
                world.preview().orElseThrow(() -> new AssertionError("the admin previewed no activation"));
        return preview.find(decision -> decision.session().agent().equals(agent))
                .getOrElseThrow(() -> new AssertionError("the preview says nothing of " + world.agentName(agent)));
    }

    private SettingsResult change(SettingsChange change) {
        SettingsResult result = world.run(() -> settings.change(change));
        world.lastChange(result);
        return result;
    }

    private IntegrationSettings current() {
        world.ensureRunning();
        return agents.configuration().settings();
    }
}
