package io.omnisync.acceptance;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.ConfigurationDraft.ActionDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ConditionDraft;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.rules.Operand;
import io.omnisync.domain.rules.Trigger;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Presence sync rules as Talkdesk's rule screen shows them: a name, a trigger, conditions of an
 * operand, an operator and a value, how they combine, and a status to set in either system; and
 * the Omni-Channel workload they read.
 */
public class RuleSteps {

    /** The operands, as the rule screen names them. */
    private static final Map<String, Operand> OPERANDS = Map.ofEntries(
            Map.entry("Talkdesk status", Operand.TALKDESK_STATUS),
            Map.entry("previous Talkdesk status", Operand.TALKDESK_PREVIOUS_STATUS),
            Map.entry("Talkdesk status type", Operand.TALKDESK_STATUS_TYPE),
            Map.entry("Omni-Channel status", Operand.OMNI_STATUS),
            Map.entry("previous Omni-Channel status", Operand.OMNI_PREVIOUS_STATUS),
            Map.entry("work channel", Operand.OMNI_CHANNEL),
            Map.entry("Omni-Channel workload", Operand.OMNI_WORKLOAD),
            Map.entry("previous Omni-Channel workload", Operand.OMNI_PREVIOUS_WORKLOAD),
            Map.entry("Omni-Channel workload %", Operand.OMNI_WORKLOAD_PERCENT),
            Map.entry("previous Omni-Channel workload %", Operand.OMNI_PREVIOUS_WORKLOAD_PERCENT),
            Map.entry("Omni-Channel capacity", Operand.OMNI_CAPACITY));

    /** The operators, in words or as symbols. */
    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("is", "="),
            Map.entry("is not", "!="),
            Map.entry("is above", ">"),
            Map.entry("is at least", ">="),
            Map.entry("is below", "<"),
            Map.entry("is at most", "<="),
            Map.entry("=", "="),
            Map.entry("!=", "!="),
            Map.entry(">", ">"),
            Map.entry(">=", ">="),
            Map.entry("<", "<"),
            Map.entry("<=", "<="));

    private final World world;
    private final SalesforceSandbox salesforce;

    @Inject
    public RuleSteps(World world, SalesforceSandbox salesforce) {
        this.world = world;
        this.salesforce = salesforce;
    }

    @Given("the presence sync rule {string}, on {trigger}, sets {system} to {string} when:")
    public void rule(String name, Trigger trigger, VendorSystem system, String status, DataTable conditions) {
        ConfigurationSheet sheet = world.sheetBeforeStart("a presence sync rule");
        List<ConditionDraft> drafts = new ArrayList<>();
        for (Map<String, String> row : Tables.rows(conditions)) {
            Operand operand = operand(Tables.cell(row, "operand"));
            String operator = OPERATORS.get(Tables.cell(row, "operator"));
            if (operator == null) {
                throw new IllegalArgumentException(
                        "no operator '" + Tables.cell(row, "operator") + "'; one of " + OPERATORS.keySet());
            }
            drafts.add(new ConditionDraft(operand.written(), operator, value(operand, Tables.cell(row, "value"))));
        }
        ActionDraft action = system == VendorSystem.TALKDESK
                ? new ActionDraft("talkdesk", sheet.talkdeskId(status))
                : new ActionDraft("omni", sheet.omniName(status));
        sheet.addRule(new ConfigurationSheet.RuleRow(name, trigger.name(), action, drafts));
    }

    @Given("the rule {string} combines its conditions as {string}")
    public void logic(String name, String logic) {
        world.sheetBeforeStart("a rule's logic").rule(name).logic = logic;
    }

    @Given("the rule {string} is disabled")
    public void disabled(String name) {
        world.sheetBeforeStart("a disabled rule").rule(name).enabled = false;
    }

    @Given("the rule {string} comes first")
    public void first(String name) {
        world.sheetBeforeStart("the order of rules").putFirst(name);
    }

    @When("{agent}'s Omni-Channel workload rises/falls/goes to {int} unit(s)")
    public void workload(AgentId agent, int units) {
        world.act(VendorSystem.OMNI, () -> salesforce.workloadChanged(agent, units, Optional.empty()));
    }

    /** Omni-Channel's work for the agent goes up and down, one unit at a time, that many times. */
    @Given("Omni-Channel reports {int} workload changes for {agent}")
    public void workloadChanges(int changes, AgentId agent) {
        for (int change = 0; change < changes; change++) {
            int units = change % 2 == 0 ? 1 : 0;
            world.act(VendorSystem.OMNI, () -> salesforce.workloadChanged(agent, units, Optional.empty()));
        }
    }

    private static Operand operand(String name) {
        Operand operand = OPERANDS.get(name);
        if (operand == null) {
            throw new IllegalArgumentException("no operand '" + name + "'; one of " + OPERANDS.keySet());
        }
        return operand;
    }

    /** A number for the numeric operands; a status by the name its system shows, for the others. */
    private Object value(Operand operand, String value) {
        return switch (operand) {
            case OMNI_WORKLOAD,
                    OMNI_PREVIOUS_WORKLOAD,
                    OMNI_WORKLOAD_PERCENT,
                    OMNI_PREVIOUS_WORKLOAD_PERCENT,
                    OMNI_CAPACITY -> Integer.parseInt(value.replace("%", "").trim());
            case TALKDESK_STATUS, TALKDESK_PREVIOUS_STATUS -> world.sheet().talkdeskId(value);
            case OMNI_STATUS, OMNI_PREVIOUS_STATUS -> world.sheet().omniName(value);
            case TALKDESK_STATUS_TYPE -> value.toUpperCase(java.util.Locale.ROOT);
            case OMNI_CHANNEL -> value;
        };
    }
}
