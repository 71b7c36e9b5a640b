package com.tradingbacktest.engine.optimize;

import static com.tradingbacktest.engine.optimize.Fixtures.closes;
import static com.tradingbacktest.engine.optimize.Fixtures.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.StrategyEvaluationException;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestCancelledException;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.RunControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GridSearchTests {

  /** Closes 10, 11, 12, 11, 10, 12, 14; open = previous close. */
  private static final BarSeries BARS = closes(10, 11, 12, 11, 10, 12, 14);

  private static final CompiledStrategy ABOVE_SMA =
      compile(
          """
      param n = 2 in 1..3
      long_entry = close > sma(close, n)
      long_exit = close < sma(close, n)
      """);

  private static final ParameterGrid N =
      new ParameterGrid(List.of(ParameterRange.of(ABOVE_SMA.params().get(0))));

  private static final BacktestConfig CONFIG =
      BacktestConfig.defaults(); // 10,000, whole units, next open

  @Test
  void findsTheBestLengthWorkedOutByHand() {
    // n = 1: close > close never holds, no trade: total_return 0.
    // n = 2: sma 10.5, 11.5, 11.5, 10.5, 11, 13 from bar 1. Entry at bar 1 -> 909 units at bar 2's
    //   open 11 (cash 1); exit at bar 3 -> out at bar 4's open 11: 10,000. Entry at bar 5 -> 833 at
    //   12 (cash 4); bar 6 closes at 14: 4 + 833 * 14 = 11,666, total_return 0.1666.
    // n = 3: sma 11, 11.333, 11, 11, 12 from bar 2. Entry at bar 2 -> 833 at 12 (cash 4); exit at
    //   bar 3 -> out at 11: 9,167. Entry at bar 5 -> 763 at 12 (cash 11); 11 + 763 * 14 = 10,693,
    //   total_return 0.0693.
    List<SweepResult> results =
        aboveSma(N, 0, N.size(), Objective.TOTAL_RETURN, List.of(), RunControl.NONE);

    assertThat(results).extracting(SweepResult::index).containsExactly(0L, 1L, 2L);
    assertThat(results).extracting(r -> r.parameters().get("n")).containsExactly(1.0, 2.0, 3.0);
    assertThat(results.get(0).score()).isEqualTo(0);
    assertThat(results.get(1).score()).isCloseTo(0.1666, within(1e-12));
    assertThat(results.get(2).score()).isCloseTo(0.0693, within(1e-12));
    assertThat(results.get(1).metrics().finalEquity()).isEqualTo(11_666);
    assertThat(results).allMatch(SweepResult::feasible);

    assertThat(GridSearch.rank(results))
        .extracting(r -> r.parameters().get("n"))
        .containsExactly(2.0, 3.0, 1.0);
  }

  @Test
  void aDrawdownConstraintMakesTheIdleLengthTheBest() {
    // n = 2 and n = 3 both fall from 10,909 to 10,000 (bar 2 -> 3): max_drawdown -0.0833; n = 1
    // never trades.
    List<SweepResult> results =
        aboveSma(
            N,
            0,
            N.size(),
            Objective.TOTAL_RETURN,
            List.of(Constraint.parse("max_drawdown", ">=", -0.05)),
            RunControl.NONE);

    assertThat(results).extracting(SweepResult::feasible).containsExactly(true, false, false);
    assertThat(results.get(1).metrics().maxDrawdown())
        .isCloseTo(10_000.0 / 10_909 - 1, within(1e-12));
    assertThat(GridSearch.rank(results))
        .extracting(r -> r.parameters().get("n"))
        .containsExactly(1.0, 2.0, 3.0);
  }

  @Test
  void eachResultIsWhatASingleRunWithItsParametersReports() {
    CompiledStrategy cross =
        compile(
            """
        param fast = 5 in 2..20
        param slow = 20 in 10..60
        long_entry = crossover(sma(close, fast), ema(close, slow))
        long_exit = crossunder(sma(close, fast), ema(close, slow))
        stop_loss = 4%
        """);
    BarSeries bars = randomWalk(new Random(7), 300);
    BacktestConfig config =
        CONFIG.toBuilder().costs(CostModel.ofCommissionRate(0.001)).closeAtEnd(true).build();
    ParameterGrid grid =
        new ParameterGrid(
            List.of(new ParameterRange("fast", 2, 8, 3), new ParameterRange("slow", 10, 40, 15)));

    List<SweepResult> results =
        GridSearch.run(
            cross,
            bars,
            config,
            grid,
            0,
            grid.size(),
            Objective.SHARPE_RATIO,
            List.of(Constraint.parse("trade_count", ">=", 3)),
            RunControl.NONE);

    assertThat(results).hasSize(9);
    for (SweepResult r : results) {
      PerformanceMetrics direct =
          Backtest.run(bars, cross.signals(bars, r.parameters()), config).metrics();
      assertThat(r.metrics().toMap())
          .as("combination %s", r.parameters())
          .isEqualTo(direct.toMap());
      assertThat(r.score()).isEqualTo(direct.sharpeRatio());
      assertThat(r.feasible()).isEqualTo(direct.tradeCount() >= 3);
    }
    assertThat(results.stream().mapToInt(r -> r.metrics().tradeCount()).sum()).isPositive();
  }

  @Test
  void slicesTogetherGiveTheWholeGrid() {
    ParameterGrid grid = new ParameterGrid(List.of(new ParameterRange("n", 1, 3, 1)));

    List<SweepResult> whole = aboveSma(grid, 0, 3, Objective.CAGR, List.of(), RunControl.NONE);
    List<SweepResult> parts =
        new ArrayList<>(aboveSma(grid, 0, 1, Objective.CAGR, List.of(), RunControl.NONE));
    parts.addAll(aboveSma(grid, 1, 3, Objective.CAGR, List.of(), RunControl.NONE));

    assertThat(parts).extracting(SweepResult::index).containsExactly(0L, 1L, 2L);
    for (int k = 0; k < 3; k++) {
      assertThat(parts.get(k).metrics().toMap()).isEqualTo(whole.get(k).metrics().toMap());
      assertThat(parts.get(k).parameters()).isEqualTo(whole.get(k).parameters());
    }
    assertThat(aboveSma(grid, 2, 2, Objective.CAGR, List.of(), RunControl.NONE)).isEmpty();
  }

  @Test
  void ranksFeasibleFirstThenScoreFromInfinityDownToNaNThenIndex() {
    PerformanceMetrics m = Fixtures.oneWinningTrade();
    double nan = Double.NaN;
    double inf = Double.POSITIVE_INFINITY;
    List<SweepResult> results =
        List.of(
            result(m, 0, 1.0, true),
            result(m, 1, nan, true),
            result(m, 2, inf, true),
            result(m, 3, 5.0, false),
            result(m, 4, 1.0, true),
            result(m, 5, -0.3, true),
            result(m, 6, nan, false),
            result(m, 7, -0.1, true),
            result(m, 8, inf, false));

    assertThat(GridSearch.rank(results))
        .extracting(SweepResult::index)
        .containsExactly(2L, 0L, 4L, 7L, 5L, 1L, 8L, 3L, 6L);
    assertThat(GridSearch.rank(List.of())).isEmpty();
  }

  @Test
  void reportsProgressAsAPercentageOfTheSlice() {
    ParameterGrid grid =
        new ParameterGrid(
            List.of(new ParameterRange("n", 1, 3, 1), new ParameterRange("m", 1, 2, 1)));
    CompiledStrategy two =
        compile("param n = 2 in 1..3\nparam m = 1 in 1..2\nlong_entry = close > sma(close, n) * m");
    List<Integer> seen = new ArrayList<>();

    GridSearch.run(
        two,
        BARS,
        CONFIG,
        grid,
        2,
        6,
        Objective.TOTAL_RETURN,
        List.of(),
        recording(seen, Integer.MAX_VALUE));

    assertThat(seen).containsExactly(25, 50, 75, 100); // combinations 2..5 of 6
  }

  @Test
  void stopsBetweenCombinationsWhenCancelled() {
    List<Integer> seen = new ArrayList<>();

    assertThatThrownBy(
            () -> aboveSma(N, 0, 3, Objective.TOTAL_RETURN, List.of(), recording(seen, 2)))
        .isInstanceOf(BacktestCancelledException.class);
    assertThat(seen).containsExactly(33, 66); // two combinations ran, the third never started
  }

  @Test
  void rejectsGridsThatDoNotFitTheStrategy() {
    ParameterGrid unknown = new ParameterGrid(List.of(new ParameterRange("length", 1, 3, 1)));
    assertThatThrownBy(() -> aboveSma(unknown, 0, 1, Objective.SQN, List.of(), RunControl.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the strategy has no parameter length; it declares n");

    ParameterGrid outside = new ParameterGrid(List.of(new ParameterRange("n", 2, 4, 1)));
    assertThatThrownBy(() -> aboveSma(outside, 0, 1, Objective.SQN, List.of(), RunControl.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the values 2.0..4.0 of n leave its declared range 1.0..3.0");

    assertThatThrownBy(() -> aboveSma(N, 1, 4, Objective.SQN, List.of(), RunControl.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the slice [1, 4) is outside the grid of 3 combinations");
  }

  @Test
  void namesTheCombinationThatCannotRun() {
    ParameterGrid halves = new ParameterGrid(List.of(new ParameterRange("n", 1, 2, 0.5)));

    assertThatThrownBy(() -> aboveSma(halves, 0, 3, Objective.SQN, List.of(), RunControl.NONE))
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessageStartingWith("combination 1 {n=1.5}: ")
        .hasMessageContaining("whole number");
  }

  @Test
  void theDefaultLimitIsTenThousandCombinations() {
    assertThat(GridSearch.MAX_COMBINATIONS).isEqualTo(10_000);
  }

  /** Sweeps {@link #ABOVE_SMA} on {@link #BARS} with {@link #CONFIG}. */
  private static List<SweepResult> aboveSma(
      ParameterGrid grid,
      long fromIndex,
      long toIndex,
      Objective objective,
      List<Constraint> constraints,
      RunControl control) {
    return GridSearch.run(
        ABOVE_SMA, BARS, CONFIG, grid, fromIndex, toIndex, objective, constraints, control);
  }

  private static SweepResult result(
      PerformanceMetrics m, long index, double score, boolean feasible) {
    return new SweepResult(index, Map.of(), m, score, feasible);
  }

  /** Records progress; cancelled once {@code cancelAfter} progress reports have arrived. */
  private static RunControl recording(List<Integer> seen, int cancelAfter) {
    return new RunControl() {
      @Override
      public void progress(int percent) {
        seen.add(percent);
      }

      @Override
      public boolean isCancelled() {
        return seen.size() >= cancelAfter;
      }
    };
  }

  private static BarSeries randomWalk(Random random, int n) {
    double[] closes = new double[n];
    double price = 100;
    for (int i = 0; i < n; i++) {
      price *= 1 + random.nextGaussian() * 0.02;
      closes[i] = Math.round(price * 100) / 100.0;
    }
    return closes(closes);
  }
}
