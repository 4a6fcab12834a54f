package io.omnisync.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.omnisync.application.admin.LoadResult;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.configuration.ProblemCode;
import io.omnisync.domain.event.VendorSystem;
import io.vavr.collection.Seq;
import jakarta.inject.Inject;
import java.util.Arrays;

/**
 * Saving the configuration: it is validated whole, and applied whole (with its warnings) or
 * rejected with every problem it has. Each expectation names the problem in the admin's words;
 * underneath, it is the problem's stable code and the status, rule or agent it is about.
 */
public class ConfigurationSteps {

    private final World world;

    @Inject
    public ConfigurationSteps(World world) {
        this.world = world;
    }

    @When("the admin saves the configuration")
    public void save() {
        world.save();
    }

    @Then("the configuration is saved")
    public void saved() {
        world.endEpisode();
        applied();
    }

    // ---- rejected ------------------------------------------------------------------------

    @Then("the configuration is rejected: {string} cannot map to a Talkdesk status reserved for calls")
    public void reservedTarget(String omniStatus) {
        world.endEpisode();
        rejectedWith(ProblemCode.RESERVED_STATUS_AS_TARGET, world.sheet().omniName(omniStatus));
    }

    @Then("the configuration is rejected: Talkdesk {string} cannot map to Offline")
    public void offlineTarget(String talkdeskStatus) {
        world.endEpisode();
        rejectedWith(ProblemCode.OFFLINE_AS_TARGET, world.sheet().talkdeskId(talkdeskStatus));
    }

    @Then("the configuration is rejected: {string} serves more than one urgent channel")
    public void urgentChannels(String presenceStatus) {
        world.endEpisode();
        rejectedWith(ProblemCode.MULTIPLE_URGENT_CHANNELS, world.sheet().omniName(presenceStatus));
    }

    @Then("the configuration is rejected: {string} is Busy and cannot serve channels")
    public void busyWithChannels(String presenceStatus) {
        world.endEpisode();
        rejectedWith(ProblemCode.CHANNELS_ON_BUSY_STATUS, world.sheet().omniName(presenceStatus));
    }

    @Then("the configuration is rejected: {string} is Online and must serve a channel")
    public void onlineWithoutChannels(String presenceStatus) {
        world.endEpisode();
        rejectedWith(ProblemCode.NO_CHANNEL_ON_ONLINE_STATUS, world.sheet().omniName(presenceStatus));
    }

    @Then("the configuration is rejected: two presence statuses share the API name {string}")
    public void sharedApiName(String apiName) {
        world.endEpisode();
        rejectedWith(ProblemCode.DUPLICATE_ID, apiName);
    }

    @Then("the configuration is rejected: there is no Talkdesk status {string}")
    public void unknownTalkdeskStatus(String talkdeskStatus) {
        world.endEpisode();
        rejectedWith(ProblemCode.UNKNOWN_STATUS, world.sheet().talkdeskId(talkdeskStatus));
    }

    @Then("the configuration is rejected: there is no presence status {string}")
    public void unknownPresenceStatus(String presenceStatus) {
        world.endEpisode();
        rejectedWith(ProblemCode.UNKNOWN_STATUS, world.sheet().omniName(presenceStatus));
    }

    @Then("the configuration is rejected: {string} is not a reason Omni-Channel reports")
    public void unknownOmniReason(String reason) {
        world.endEpisode();
        rejectedWith(ProblemCode.INVALID_VALUE, reason);
    }

    @Then(
            "the configuration is rejected: 'return to previous status after a call' and 'Next agent status' cannot both be on")
    public void conflictingAfterCallSettings() {
        world.endEpisode();
        rejectedWith(ProblemCode.CONFLICTING_AFTER_CALL_SETTINGS);
    }

    @Then("the configuration is rejected: {agent} is given more than one presence configuration")
    public void morePresenceConfigurations(AgentId agent) {
        world.endEpisode();
        rejectedWith(ProblemCode.MULTIPLE_PRESENCE_CONFIGURATIONS, agent.value());
    }

    @Then("the configuration is rejected: the capacity of {string} must be at least 1")
    public void capacityBelowOne(String presenceConfiguration) {
        world.endEpisode();
        Seq<Problem> problems = rejected()
                .filter(problem -> problem.code() == ProblemCode.INVALID_VALUE
                        && problem.path().endsWith(".capacity"));
        assertThat(problems.toJavaList())
                .as("problems with the capacity of '%s'", presenceConfiguration)
                .isNotEmpty();
    }

    @Then("the configuration is rejected: the rule {string} cannot log agents out of Omni-Channel")
    public void ruleLogsOut(String rule) {
        world.endEpisode();
        rejectedWith(ProblemCode.OFFLINE_AS_TARGET, rulePath(rule));
    }

    @Then("the configuration is rejected: the rule {string} cannot set a Talkdesk status reserved for calls")
    public void ruleSetsCallStatus(String rule) {
        world.endEpisode();
        rejectedWith(ProblemCode.RESERVED_STATUS_AS_TARGET, rulePath(rule));
    }

    // ---- saved with warnings -------------------------------------------------------------

    @Then("the configuration is saved with the warning: {string} is not mapped back to a Talkdesk Away status")
    public void onACallRoundTrip(String presenceStatus) {
        world.endEpisode();
        warnedWith(ProblemCode.ON_A_CALL_ROUND_TRIP, world.sheet().omniName(presenceStatus));
    }

    @Then("the configuration is saved with the warning: {string} is not granted to {agent}")
    public void notGranted(String presenceStatus, AgentId agent) {
        world.endEpisode();
        warnedWith(ProblemCode.TARGET_NOT_GRANTED, world.sheet().omniName(presenceStatus), agent.value());
    }

    @Then("the configuration is saved with the warning: {system} status {string} is not mapped")
    public void unmapped(VendorSystem system, String status) {
        world.endEpisode();
        warnedWith(
                ProblemCode.UNMAPPED_STATUS,
                system == VendorSystem.TALKDESK
                        ? world.sheet().talkdeskId(status)
                        : world.sheet().omniName(status));
    }

    @Then("the configuration is saved without an On a Call warning")
    public void noOnACallWarning() {
        world.endEpisode();
        assertThat(applied().warnings().map(Problem::code).toJavaList())
                .doesNotContain(ProblemCode.ON_A_CALL_ROUND_TRIP);
    }

    @Then("the configuration is saved without an access warning")
    public void noAccessWarning() {
        world.endEpisode();
        assertThat(applied().warnings().map(Problem::code).toJavaList()).doesNotContain(ProblemCode.TARGET_NOT_GRANTED);
    }

    // ---- reading the answer --------------------------------------------------------------

    private LoadResult.Applied applied() {
        LoadResult result = world.lastSave().orElseThrow(() -> new AssertionError("the admin saved nothing"));
        if (result instanceof LoadResult.Rejected rejected) {
            throw new AssertionError("the configuration was rejected:\n  "
                    + rejected.problems().map(Problem::toString).mkString("\n  "));
        }
        return (LoadResult.Applied) result;
    }

    private Seq<Problem> rejected() {
        LoadResult result = world.lastSave().orElseThrow(() -> new AssertionError("the admin saved nothing"));
        assertThat(result).as("saving the configuration").isInstanceOf(LoadResult.Rejected.class);
        return ((LoadResult.Rejected) result).problems();
    }

    private void rejectedWith(ProblemCode code, String... about) {
        assertProblem(rejected(), code, about);
    }

    private void warnedWith(ProblemCode code, String... about) {
        assertProblem(applied().warnings(), code, about);
    }

    /** A problem of that code that names every one of {@code about} (as ids or API names, in its message or path). */
    private static void assertProblem(Seq<Problem> problems, ProblemCode code, String... about) {
        assertThat(problems.exists(problem ->
                        problem.code() == code && Arrays.stream(about).allMatch(name -> mentions(problem, name))))
                .as(
                        "a %s problem about %s among:\n  %s",
                        code,
                        Arrays.toString(about),
                        problems.map(Problem::toString).mkString("\n  "))
                .isTrue();
    }

    private static boolean mentions(Problem problem, String name) {
        return problem.message().contains("'" + name + "'")
                || problem.message().contains(name + " ")
                || problem.message().contains(name + ",")
                || problem.path().contains(name);
    }

    private String rulePath(String rule) {
        return "presenceSyncRules[" + world.sheet().ruleIndex(rule) + "]";
    }
}
