package io.omnisync.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnisync.domain.rules.LogicParser.LogicError;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogicParserTest {

    private static boolean holds(String logic, int conditions, Set<Integer> holding) {
        return LogicParser.parse(logic, conditions).get().holds(holding::contains);
    }

    private static LogicError error(String logic, int conditions) {
        return LogicParser.parse(logic, conditions).getLeft();
    }

    @Test
    void and_binds_tighter_than_or() {
        assertThat(holds("1 OR 2 AND 3", 3, Set.of(1))).isTrue();
        assertThat(holds("1 OR 2 AND 3", 3, Set.of(2))).isFalse();
        assertThat(holds("(1 OR 2) AND 3", 3, Set.of(1))).isFalse();
    }

    @Test
    void not_binds_tighter_than_and() {
        assertThat(holds("NOT 1 AND 2", 2, Set.of(2))).isTrue();
        assertThat(holds("NOT (1 AND 2)", 2, Set.of(1, 2))).isFalse();
        assertThat(holds("NOT NOT 1", 1, Set.of(1))).isTrue();
    }

    @Test
    void keywords_are_read_in_any_case() {
        assertThat(holds("1 and (2 or not 3)", 3, Set.of(1, 2, 3))).isTrue();
    }

    @Test
    void the_logic_names_the_conditions_it_uses() {
        assertThat(LogicParser.parse("1 AND (3 OR NOT 2)", 3).get().references())
                .containsExactly(1, 3, 2);
    }

    @Test
    void without_custom_logic_every_condition_must_hold() {
        assertThat(Logic.allOf(3).holds(Set.of(1, 2, 3)::contains)).isTrue();
        assertThat(Logic.allOf(3).holds(Set.of(1, 3)::contains)).isFalse();
        assertThat(Logic.allOf(3).holds(Set.of(1, 2)::contains))
                .as("the last condition counts too")
                .isFalse();
        assertThat(Logic.allOf(3).references()).containsExactly(1, 2, 3);
    }

    @Test
    void with_no_condition_at_all_the_logic_always_holds_and_names_nothing() {
        assertThat(Logic.allOf(0).holds(number -> false)).isTrue();
        assertThat(Logic.allOf(0).references()).isEmpty();
    }

    @Test
    void a_condition_number_of_three_digits_is_looked_up_and_a_longer_one_is_out_of_range() {
        LogicError hundred = error("1 OR 100", 3);
        LogicError huge = error("1 OR 12345678901", 3);

        assertThat(hundred.column()).isEqualTo(6);
        assertThat(hundred.message()).isEqualTo("there is no condition 100 (the rule has 3)");
        assertThat(huge.column()).isEqualTo(6);
        assertThat(huge.token()).isEqualTo("12345678901");
        assertThat(huge.message()).isEqualTo("condition number out of range");
    }

    @ParameterizedTest(name = "''{0}'' fails at column {1} on ''{2}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "1 AND            | 6  | ''",
                "1 AND 4          | 7  | 4",
                "1 XOR 2          | 3  | XOR",
                "(1 OR 2          | 8  | ''",
                "1 2              | 3  | 2",
                "1 & 2            | 3  | &",
                "AND 1            | 1  | AND",
                "0                | 1  | 0",
                "1 OR )           | 6  | )"
            })
    void errors_point_at_the_offending_token(String logic, int column, String token) {
        LogicError error = error(logic.strip(), 3);

        assertThat(error.column()).isEqualTo(column);
        assertThat(error.token()).isEqualTo(token);
        assertThat(error.message()).isNotBlank();
    }

    @Test
    void empty_logic_is_an_error() {
        assertThat(error("   ", 2).message()).contains("empty");
    }
}
