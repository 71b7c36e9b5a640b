package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.Strategies.closes;
import static com.tradingbacktest.engine.lang.Strategies.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code constraint fast < slow} in a strategy, and constraints given as text. */
class ParamConstraintTests {

  private static final String CROSS =
      """
      param fast = 10 in 2..50
      param slow = 30 in 5..200
      long_entry = crossover(sma(close, fast), sma(close, slow))
      """;

  @Test
  void parsesEveryComparisonOfParamsAndNumbers() {
    Map<String, Double> values = Map.of("fast", 10.0, "slow", 30.0);
    assertThat(ParamConstraint.parse("fast<slow").test(values)).isTrue();
    assertThat(ParamConstraint.parse("fast <= slow").test(values)).isTrue();
    assertThat(ParamConstraint.parse("fast > slow").test(values)).isFalse();
    assertThat(ParamConstraint.parse("fast >= 10").test(values)).isTrue();
    assertThat(ParamConstraint.parse("fast == 10").test(values)).isTrue();
    assertThat(ParamConstraint.parse("fast != 10").test(values)).isFalse();
    assertThat(ParamConstraint.parse("-5 < fast").test(values)).isTrue();
    assertThat(ParamConstraint.parse("slow > 2.5").test(values)).isTrue();
    ParamConstraint c = ParamConstraint.parse("  fast   <   slow ");
    assertThat(c.toString()).isEqualTo("fast < slow");
    assertThat(c.params()).containsExactly("fast", "slow");
    assertThat(c.line()).isZero();
  }

  @Test
  void refusesBadSyntaxWithTheColumn() {
    assertThatThrownBy(() -> ParamConstraint.parse("fast slow"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "column 6: expected a comparison (<, <=, >, >=, == or !=) after fast, found 'slow'");
    assertThatThrownBy(() -> ParamConstraint.parse("fast < "))
        .hasMessage(
            "column 8: expected a param or a number after the comparison, found the end"
                + " of the line");
    assertThatThrownBy(() -> ParamConstraint.parse("fast < 2 * slow"))
        .hasMessage(
            "column 10: expected the end of the constraint, found '*' (each side is one param or"
                + " number)");
    assertThatThrownBy(() -> ParamConstraint.parse("fast = slow"))
        .hasMessage(
            "column 6: expected a comparison (<, <=, >, >=, == or !=) after fast, found '='");
    assertThatThrownBy(() -> ParamConstraint.parse("fast < sl$ow"))
        .hasMessage("column 10: unexpected character '$'");
    assertThatThrownBy(() -> ParamConstraint.parse(" "))
        .hasMessage("a constraint such as 'fast < slow' is required");
    assertThatThrownBy(() -> ParamConstraint.parse("fast < slow\nx"))
        .hasMessage("a constraint is one line, such as 'fast < slow'");
    assertThatThrownBy(() -> ParamConstraint.parse("a".repeat(201) + " < b"))
        .hasMessage("a constraint has at most 200 characters, got 205");
  }

  @Test
  void aStrategyDeclaresConstraintsThatItsRunsMustMeet() {
    CompiledStrategy s = compile(CROSS + "constraint fast < slow\nconstraint slow <= 100");

    assertThat(s.constraints())
        .extracting(ParamConstraint::toString)
        .containsExactly("fast < slow", "slow <= 100");
    assertThat(s.constraints().get(0).line()).isEqualTo(4);
    assertThat(s.brokenConstraint(Map.of("fast", 40.0, "slow", 30.0), List.of()))
        .map(ParamConstraint::toString)
        .contains("fast < slow");
    assertThat(s.brokenConstraint(Map.of("fast", 20.0), List.of())).isEmpty();
    assertThat(
            s.brokenConstraint(Map.of("fast", 20.0), List.of(ParamConstraint.parse("fast < 15"))))
        .map(ParamConstraint::toString)
        .contains("fast < 15");
    assertThatThrownBy(() -> s.signals(closes(5, 6, 7), Map.of("fast", 40.0)))
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessage(
            "fast = 40 and slow = 30 break the constraint fast < slow (line 4 of the strategy)");
  }

  @Test
  void constraintRemainsUsableAsAName() {
    CompiledStrategy s = compile("constraint = 3\nlong_entry = close > constraint");
    assertThat(s.constraints()).isEmpty();
  }

  @Test
  void refusesUnknownParamsAndDefaultsThatBreakIt() {
    assertError(
        CROSS + "constraint fast < slwo",
        4,
        19,
        "unknown param 'slwo' in the constraint fast < slwo; did you mean 'slow'?");
    assertError(
        CROSS + "constraint 1 < 2",
        4,
        1,
        "the constraint 1 < 2 compares two numbers; name a param on one side");
    assertError(
        CROSS + "constraint fast > slow",
        4,
        1,
        "the defaults break this constraint: fast = 10, slow = 30; change a default or the"
            + " constraint");
    assertError(
        CROSS + "constraint fast <",
        4,
        18,
        "expected a param or a number after the comparison, found the end of the line");
    assertError(
        CROSS + "constraint fast slow",
        4,
        17,
        "expected a comparison (<, <=, >, >=, == or !=) after fast, found 'slow'");
  }

  @Test
  void limitsHowManyAStrategyDeclares() {
    String many = CROSS + "constraint fast < slow\n".repeat(Limits.MAX_CONSTRAINTS + 1);
    assertError(
        many,
        4 + Limits.MAX_CONSTRAINTS,
        1,
        "a strategy may declare at most " + Limits.MAX_CONSTRAINTS + " constraints");
  }

  private static void assertError(String source, int line, int column, String message) {
    List<Diagnostic> errors = StrategyCompiler.compile(source).errors();
    assertThat(errors).as("errors of %s", source).isNotEmpty();
    assertThat(errors.get(0).message()).isEqualTo(message);
    assertThat(errors.get(0).line()).isEqualTo(line);
    assertThat(errors.get(0).column()).isEqualTo(column);
  }
}
