package io.omnisync.domain.rules;

import static io.omnisync.domain.rules.RuleFixture.configuration;
import static io.omnisync.domain.rules.RuleFixture.maria;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.RuleOperands;
import io.vavr.collection.List;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperandsAndOperatorsTest {

    private final Configuration configuration = configuration(List.empty());

    private RuleOperands context(AgentEvent event) {
        AgentSession before = maria(configuration).withWorkload(1);
        AgentSession after = before.withTalkdeskStatus(TalkdeskStatusId.of("at_capacity"))
                .withOmniStatus(OmniStatus.parse("Busy"))
                .withWorkload(3);
        return new RuleOperands(
                configuration, configuration.agent(RuleFixture.MARIA).get(), before, after, event);
    }

    @Test
    void every_operand_reads_the_agent_before_and_after_the_event() {
        RuleOperands context = context(RuleFixture.accepted("Chat"));

        assertThat(context.value(Operand.TALKDESK_STATUS).text()).isEqualTo("at_capacity");
        assertThat(context.value(Operand.TALKDESK_PREVIOUS_STATUS).text()).isEqualTo("available");
        assertThat(context.value(Operand.TALKDESK_STATUS_TYPE).text()).isEqualTo("BUSY");
        assertThat(context.value(Operand.OMNI_STATUS).text()).isEqualTo("Busy");
        assertThat(context.value(Operand.OMNI_PREVIOUS_STATUS).text()).isEqualTo("Chat_Only");
        assertThat(context.value(Operand.OMNI_CHANNEL).text()).isEqualTo("Chat");
        assertThat(context.value(Operand.OMNI_WORKLOAD).text()).isEqualTo("3");
        assertThat(context.value(Operand.OMNI_PREVIOUS_WORKLOAD).text()).isEqualTo("1");
        assertThat(context.value(Operand.OMNI_WORKLOAD_PERCENT).text()).isEqualTo("75");
        assertThat(context.value(Operand.OMNI_PREVIOUS_WORKLOAD_PERCENT).text()).isEqualTo("25");
        assertThat(context.value(Operand.OMNI_CAPACITY).text()).isEqualTo("4");
    }

    @Test
    void the_channel_is_absent_unless_work_was_accepted() {
        assertThat(context(RuleFixture.workload(3)).value(Operand.OMNI_CHANNEL)).isEqualTo(Value.ABSENT);
    }

    @Test
    void every_operand_has_its_written_name() {
        assertThat(List.of(Operand.values()).map(Operand::written))
                .containsExactly(
                        "talkdesk.status",
                        "talkdesk.previousStatus",
                        "talkdesk.statusType",
                        "omni.status",
                        "omni.previousStatus",
                        "omni.channel",
                        "omni.workload",
                        "omni.previousWorkload",
                        "omni.workloadPercent",
                        "omni.previousWorkloadPercent",
                        "omni.capacity");
    }

    @ParameterizedTest(name = "{0} {1} {2} is {3}")
    @CsvSource({
        "3, =, 3, true", "3, =, 4, false", "3, !=, 4, true", "3, !=, 3, false",
        "4, >, 3, true", "3, >, 3, false", "3, >=, 3, true", "2, >=, 3, false",
        "2, <, 3, true", "3, <, 3, false", "3, <=, 3, true", "4, <=, 3, false",
        "100, >=, 99.5, true"
    })
    void numbers_compare_as_numbers(String left, String operator, String right, boolean expected) {
        Operator parsed = Operator.parse(operator).get();

        assertThat(parsed.holds(new Value.Number(new BigDecimal(left)), new Value.Number(new BigDecimal(right))))
                .isEqualTo(expected);
    }

    @Test
    void text_compares_only_for_equality() {
        Value away = new Value.Text("away");

        assertThat(Operator.EQUAL.holds(away, new Value.Text("away"))).isTrue();
        assertThat(Operator.NOT_EQUAL.holds(away, new Value.Text("lunch"))).isTrue();
        assertThat(Operator.GREATER.holds(away, new Value.Text("aaa"))).isFalse();
    }

    @Test
    void an_absent_value_satisfies_only_not_equal() {
        assertThat(Operator.EQUAL.holds(Value.ABSENT, new Value.Text("Chat"))).isFalse();
        assertThat(Operator.NOT_EQUAL.holds(Value.ABSENT, new Value.Text("Chat")))
                .isTrue();
        assertThat(Operator.GREATER_OR_EQUAL.holds(Value.ABSENT, Value.Number.of(0)))
                .isFalse();
    }

    @Test
    void literals_in_the_configuration_become_text_or_numbers() {
        assertThat(Value.of(100)).isEqualTo(Value.Number.of(100));
        assertThat(Value.of("available")).isEqualTo(new Value.Text("available"));
        assertThat(Value.of(null)).isEqualTo(Value.ABSENT);
    }
}
