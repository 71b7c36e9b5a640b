package com.tradingbacktest.engine.optimize;

import static com.tradingbacktest.engine.optimize.Fixtures.closes;
import static com.tradingbacktest.engine.optimize.Fixtures.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.lang.ParamConstraint;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grids with parameter constraints: what is skipped, what runs, the size limits. */
class ValidCombinationsTests {

  private static final String CROSS =
      """
      param fast = 2 in 1..9
      param slow = 5 in 1..9
      long_entry = close > sma(close, fast) and close > sma(close, slow)
      """;

  private static final ParameterGrid NINE_BY_NINE =
      new ParameterGrid(
          List.of(new ParameterRange("fast", 1, 9, 1), new ParameterRange("slow", 1, 9, 1)));

  @Test
  void skipsTheCombinationsThatBreakTheStrategysConstraints() {
    CompiledStrategy s = compile(CROSS + "constraint fast < slow");

    ValidCombinations valid = ValidCombinations.of(s, NINE_BY_NINE, List.of());

    // fast < slow: 8 + 7 + ... + 1 = 36 of 81.
    assertThat(valid.size()).isEqualTo(36);
    assertThat(valid.skipped()).isEqualTo(45);
    List<Map<String, Double>> all = new ArrayList<>();
    for (long index : valid.indices(0, 36)) {
      all.add(NINE_BY_NINE.combination(index));
    }
    assertThat(all).allMatch(c -> c.get("fast") < c.get("slow"));
    assertThat(all.get(0)).isEqualTo(Map.of("fast", 1.0, "slow", 2.0));
    // Slices number the valid combinations: the second slice starts where the first ended.
    long[] first = valid.indices(0, 10);
    long[] second = valid.indices(10, 20);
    assertThat(first[9]).isLessThan(second[0]);
    assertThat(valid.indices(10, 20))
        .containsExactly(java.util.Arrays.copyOfRange(valid.indices(0, 36), 10, 20));
  }

  @Test
  void requestConstraintsApplyWithTheStrategysOwn() {
    CompiledStrategy s = compile(CROSS + "constraint fast < slow");

    ValidCombinations valid =
        ValidCombinations.of(
            s,
            NINE_BY_NINE,
            List.of(ParamConstraint.parse("slow <= 2 "), ParamConstraint.parse("fast != 3")));

    assertThat(valid.size()).isEqualTo(1); // fast 1, slow 2
    assertThat(NINE_BY_NINE.combination(valid.indices(0, 1)[0]))
        .isEqualTo(Map.of("fast", 1.0, "slow", 2.0));
    assertThat(valid.skipped()).isEqualTo(80);
  }

  @Test
  void withoutConstraintsEveryCombinationIsValidWhateverTheGridsSize() {
    CompiledStrategy s = compile(CROSS);
    ParameterGrid huge =
        new ParameterGrid(
            List.of(
                new ParameterRange("fast", 1, 9, 0.000001), new ParameterRange("slow", 1, 9, 1)));

    ValidCombinations valid = ValidCombinations.of(s, huge, List.of());

    assertThat(valid.size()).isEqualTo(huge.size());
    assertThat(valid.skipped()).isZero();
    assertThat(valid.indices(5, 8)).containsExactly(5, 6, 7);
  }

  @Test
  void refusesUnknownParamsAndGridsTooLargeToCheck() {
    CompiledStrategy s = compile(CROSS);
    assertThatThrownBy(
            () ->
                ValidCombinations.of(
                    s, NINE_BY_NINE, List.of(ParamConstraint.parse("fats < slow"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown param 'fats' in the constraint fats < slow; did you mean 'fast'?");
    ParameterGrid huge =
        new ParameterGrid(
            List.of(
                new ParameterRange("fast", 1, 9, 0.000001), new ParameterRange("slow", 1, 9, 1)));
    assertThatThrownBy(
            () -> ValidCombinations.of(s, huge, List.of(ParamConstraint.parse("fast < slow"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the grid has 72,000,009 combinations before its constraints; a grid with constraints"
                + " may have at most 1,000,000: narrow the ranges or take larger steps");
  }

  @Test
  void aSearchRunsOnlyTheValidCombinations() {
    CompiledStrategy s = compile(CROSS + "constraint fast < slow");
    BarSeries bars = closes(10, 11, 12, 11, 10, 12, 14, 15, 13, 12, 14, 16);
    BacktestConfig config = BacktestConfig.builder().initialCapital(1000).build();
    ValidCombinations valid = ValidCombinations.of(s, NINE_BY_NINE, List.of());

    List<SweepResult> results =
        GridSearch.run(
            s,
            bars,
            config,
            NINE_BY_NINE,
            valid.indices(0, valid.size()),
            Objective.parse("total_return"),
            List.of(),
            EvaluationLimits.defaults());
    // The range form skips the strategy's own constraints as well.
    List<SweepResult> byRange =
        GridSearch.run(
            s,
            bars,
            config,
            NINE_BY_NINE,
            0,
            NINE_BY_NINE.size(),
            Objective.parse("total_return"),
            List.of(),
            EvaluationLimits.defaults());

    assertThat(results).hasSize(36);
    assertThat(results).allMatch(r -> r.parameters().get("fast") < r.parameters().get("slow"));
    assertThat(byRange)
        .extracting(SweepResult::index)
        .containsExactlyElementsOf(results.stream().map(SweepResult::index).toList());
  }
}
