package com.tradingbacktest.engine.robust;

import static com.tradingbacktest.engine.robust.Walks.closes;
import static com.tradingbacktest.engine.robust.Walks.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.lang.ParamConstraint;
import com.tradingbacktest.engine.optimize.Constraint;
import com.tradingbacktest.engine.optimize.GridSearch;
import com.tradingbacktest.engine.optimize.Objective;
import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.ParameterRange;
import com.tradingbacktest.engine.optimize.SweepResult;
import com.tradingbacktest.engine.optimize.ValidCombinations;
import com.tradingbacktest.engine.robust.WalkForwardResult.WindowOutcome;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.Trade;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalkForwardTests {

  private static final EvaluationLimits LIMITS = EvaluationLimits.defaults();
  private static final BacktestConfig CONFIG = BacktestConfig.defaults(); // 10,000, next open

  private static final CompiledStrategy ABOVE_SMA =
      compile(
          """
          param n = 2 in 1..3
          long_entry = close > sma(close, n)
          long_exit = close < sma(close, n)
          """);

  @Test
  void warmsUpOnTheBarsBeforeThePartAndTradesOnlyInIt() {
    // Closes 10, 11, 12, 11, 10, 12, 14; sma(2) from bar 1: 10.5, 11.5, 11.5, 10.5, 11, 13. The
    // part is bars 3..6: exits at 3 and 4 (flat anyway), an entry at bar 5's close (12 > 11),
    // filled at bar 6's open 12: 833 units, cash 4. Bar 6 closes at 14: 4 + 833 x 14 = 11,666,
    // and the part's end closes the position there. A plain run from bar 0 would have held from
    // bar 2 to bar 4 instead: nothing of that reaches the part.
    BarSeries bars = closes(10, 11, 12, 11, 10, 12, 14);
    WindowTest test = WalkForward.test(ABOVE_SMA, bars, CONFIG, Map.of("n", 2.0), 3, 7, LIMITS);

    assertThat(test.times()).containsExactly(bars.slice(3, 7).times());
    assertThat(test.equity()).containsExactly(10_000, 10_000, 10_000, 11_666);
    assertThat(test.startEquity()).isEqualTo(10_000);
    assertThat(test.endEquity()).isEqualTo(11_666);
    assertThat(test.trades()).hasSize(1);
    Trade trade = test.trades().get(0);
    assertThat(trade.entryIndex()).isEqualTo(3);
    assertThat(trade.exitIndex()).isEqualTo(3);
    assertThat(trade.quantity()).isEqualTo(833);
    assertThat(trade.entryPrice()).isEqualTo(12);
    assertThat(trade.exitPrice()).isEqualTo(14);
    assertThat(test.metrics().tradeCount()).isEqualTo(1);
    assertThat(test.metrics().totalReturn()).isCloseTo(0.1666, within(1e-12));
    assertThat(test.metrics().start()).isEqualTo(bars.times()[3]);
  }

  @Test
  void startsFromTheCapitalItIsGiven() {
    BarSeries bars = closes(10, 11, 12, 11, 10, 12, 14);
    BacktestConfig carried = CONFIG.toBuilder().initialCapital(5_000).build();
    WindowTest test = WalkForward.test(ABOVE_SMA, bars, carried, Map.of("n", 2.0), 3, 7, LIMITS);

    // 416 units at 12 (cash 8): 8 + 416 x 14 = 5,832.
    assertThat(test.equity()).containsExactly(5_000, 5_000, 5_000, 5_832);
    assertThat(test.metrics().initialCapital()).isEqualTo(5_000);
  }

  @Test
  void withoutWarmUpAPartIsAPlainRunOverItsBars() {
    CompiledStrategy candle =
        compile(
            """
            long_entry = close > open
            long_exit = close < open
            """);
    BarSeries bars = Walks.walk(7, 300);
    WindowTest test = WalkForward.test(candle, bars, CONFIG, Map.of(), 120, 260, LIMITS);

    BarSeries part = bars.slice(120, 260);
    BacktestResult plain =
        Backtest.run(
            part, candle.signals(part, Map.of()), CONFIG.toBuilder().closeAtEnd(true).build());
    assertThat(test.equity()).containsExactly(plain.simulation().equity());
    assertThat(test.trades()).isEqualTo(plain.simulation().trades());
    assertThat(test.metrics()).usingRecursiveComparison().isEqualTo(plain.metrics());
  }

  @Test
  void aStrategyReadingTheAccountSeesAFlatAccountBeforeThePart() {
    // Decided bar by bar (position_size, bars_since_entry): the part's run must drive the decider
    // at the part's bars, with the bars before walked flat.
    CompiledStrategy stateful =
        compile(
            """
            long_entry = position_size == 0 and close > open
            long_exit = bars_since_entry >= 2
            """);
    BarSeries bars = Walks.walk(11, 200);
    WindowTest test = WalkForward.test(stateful, bars, CONFIG, Map.of(), 80, 200, LIMITS);

    BarSeries part = bars.slice(80, 200);
    BacktestResult plain =
        Backtest.run(
            part, stateful.signals(part, Map.of()), CONFIG.toBuilder().closeAtEnd(true).build());
    assertThat(plain.simulation().trades()).hasSizeGreaterThan(5);
    assertThat(test.equity()).containsExactly(plain.simulation().equity());
    assertThat(test.trades()).isEqualTo(plain.simulation().trades());
  }

  @Test
  void refusesAPartOutsideTheBars() {
    BarSeries bars = closes(10, 11, 12);
    assertThatThrownBy(() -> WalkForward.test(ABOVE_SMA, bars, CONFIG, Map.of(), 2, 4, LIMITS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the part [2, 4) is outside the 3 bars");
    assertThatThrownBy(() -> WalkForward.test(ABOVE_SMA, bars, CONFIG, Map.of(), 2, 2, LIMITS))
        .hasMessage("the part [2, 2) is outside the 3 bars");
  }

  /** Always in the market when {@code on} is 1, never when 0. */
  private static final CompiledStrategy SWITCH =
      compile(
          """
          param on = 1 in 0..1
          long_entry = close > 0 and on > 0
          """);

  /** {@link #SWITCH} walked forward over {@code grid}, ranked by total return. */
  private static WalkForwardResult walkSwitch(
      BarSeries bars,
      ParameterGrid grid,
      List<Constraint> constraints,
      List<WalkForwardWindow> windows,
      EvaluationLimits limits) {
    return WalkForward.run(
        SWITCH,
        bars,
        CONFIG,
        grid,
        List.of(),
        Objective.TOTAL_RETURN,
        constraints,
        windows,
        limits);
  }

  @Test
  void twoWindowsWorkedOutByHand() {
    // Closes rise 10..13, fall 12..9, rise 10..13 (open = previous close). Two windows of 4 train
    // and 4 test bars: train 0..3 rises, so on = 1 (+30%) beats on = 0 (0%); its test part 4..7
    // buys 833 at bar 5's open 12 (cash 4): equity 10,000, 9,167, 8,334, 7,501, closed at 9.
    // Train 4..7 falls, so on = 0 (0%) beats on = 1 (-25%): test part 8..11 stays in cash at
    // 7,501, carried from window 1.
    BarSeries bars = closes(10, 11, 12, 13, 12, 11, 10, 9, 10, 11, 12, 13);
    ParameterGrid grid = new ParameterGrid(List.of(new ParameterRange("on", 0, 1, 1)));
    List<WalkForwardWindow> windows = WindowPlan.byLengths(12, WindowMode.ROLLING, 4, 4, 0);
    assertThat(windows)
        .containsExactly(
            new WalkForwardWindow(1, 0, 4, 4, 8), new WalkForwardWindow(2, 4, 8, 8, 12));

    WalkForwardResult result = walkSwitch(bars, grid, List.of(), windows, LIMITS);

    WindowOutcome first = result.windows().get(0);
    assertThat(first.parameters()).isEqualTo(Map.of("on", 1.0));
    assertThat(first.combination()).isEqualTo(1);
    assertThat(first.inSampleScore()).isCloseTo(0.3, within(1e-12));
    assertThat(first.test().equity()).containsExactly(10_000, 9_167, 8_334, 7_501);
    WindowOutcome second = result.windows().get(1);
    assertThat(second.parameters()).isEqualTo(Map.of("on", 0.0));
    assertThat(second.combination()).isZero();
    assertThat(second.inSampleScore()).isZero();
    assertThat(second.test().equity()).containsExactly(7_501, 7_501, 7_501, 7_501);

    assertThat(result.times()).containsExactly(bars.slice(4, 12).times());
    assertThat(result.equity())
        .containsExactly(10_000, 9_167, 8_334, 7_501, 7_501, 7_501, 7_501, 7_501);
    assertThat(result.trades()).hasSize(1);
    assertThat(result.trades().get(0).pnl()).isEqualTo(833 * (9 - 12));
    assertThat(result.metrics().totalReturn()).isCloseTo(-0.2499, within(1e-12));
    assertThat(result.metrics().tradeCount()).isEqualTo(1);
    assertThat(result.metrics().buyAndHoldReturn()).isCloseTo(13.0 / 12 - 1, within(1e-12));
    assertThat(result.metrics().exposureTime()).isCloseTo(2.0 / 8, within(1e-12));

    assertThat(result.drift()).hasSize(1);
    WalkForwardResult.ParameterDrift on = result.drift().get(0);
    assertThat(on.name()).isEqualTo("on");
    assertThat(on.values()).containsExactly(1, 0);
    assertThat(on.mean()).isEqualTo(0.5);
    assertThat(on.stdev()).isCloseTo(Math.sqrt(0.5), within(1e-15));
    assertThat(on.changes()).isEqualTo(1);

    double meanInSampleCagr =
        (first.inSampleMetrics().cagr() + second.inSampleMetrics().cagr()) / 2;
    assertThat(result.efficiency())
        .isCloseTo(result.metrics().cagr() / meanInSampleCagr, within(1e-12));
    assertThat(result.efficiency()).isNegative();
  }

  @Test
  void eachWindowChoosesWhatASeparateOptimisationOfItsTrainPartChooses() {
    BarSeries bars = Walks.walk(3, 900);
    ParameterGrid grid =
        new ParameterGrid(
            List.of(new ParameterRange("fast", 5, 25, 5), new ParameterRange("slow", 20, 60, 10)));
    List<ParamConstraint> fastBelowSlow = List.of(ParamConstraint.parse("fast < slow"));
    List<Constraint> constraints = List.of(Constraint.parse("trade_count", ">=", 2));
    List<WalkForwardWindow> windows = WindowPlan.byCount(900, WindowMode.ROLLING, 5, 3, 0);

    WalkForwardResult result =
        WalkForward.run(
            Walks.CROSSOVER,
            bars,
            CONFIG,
            grid,
            fastBelowSlow,
            Objective.SHARPE_RATIO,
            constraints,
            windows,
            LIMITS);

    ValidCombinations valid = ValidCombinations.of(Walks.CROSSOVER, grid, fastBelowSlow);
    assertThat(result.windows()).hasSize(5);
    double capital = CONFIG.initialCapital();
    for (int k = 0; k < windows.size(); k++) {
      WalkForwardWindow w = windows.get(k);
      SweepResult separate =
          GridSearch.rank(
                  GridSearch.run(
                      Walks.CROSSOVER,
                      bars.slice(w.trainFrom(), w.trainTo()),
                      CONFIG,
                      grid,
                      valid.indices(0, valid.size()),
                      Objective.SHARPE_RATIO,
                      constraints,
                      LIMITS))
              .get(0);
      WindowOutcome outcome = result.windows().get(k);
      assertThat(outcome.window()).isEqualTo(w);
      assertThat(separate.feasible()).isTrue();
      assertThat(outcome.parameters()).isEqualTo(separate.parameters());
      assertThat(outcome.combination()).isEqualTo(separate.index());
      assertThat(outcome.inSampleScore()).isEqualTo(separate.score());
      assertThat(outcome.parameters().get("fast")).isLessThan(outcome.parameters().get("slow"));
      // The capital carries: each test part starts with what the one before ended with.
      assertThat(outcome.test().startEquity()).isEqualTo(capital);
      capital = outcome.test().endEquity();
      assertThat(outcome.test().metrics().finalEquity()).isEqualTo(capital);
    }
    assertThat(result.metrics().finalEquity()).isEqualTo(capital);
    // The stitched bars are exactly those after the first train part, once each.
    assertThat(result.times()).containsExactly(bars.slice(windows.get(0).testFrom(), 900).times());
    assertThat(result.trades())
        .hasSize(result.windows().stream().mapToInt(w -> w.test().trades().size()).sum());
  }

  @Test
  void aWindowWithoutAFeasibleCombinationStaysInCash() {
    BarSeries bars = closes(10, 11, 12, 13, 12, 11, 10, 9, 10, 11, 12, 13);
    ParameterGrid grid = new ParameterGrid(List.of(new ParameterRange("on", 0, 1, 1)));
    WalkForwardResult result =
        walkSwitch(
            bars,
            grid,
            List.of(Constraint.parse("trade_count", ">=", 5)),
            WindowPlan.byLengths(12, WindowMode.ANCHORED, 4, 4, 0),
            LIMITS);

    for (WindowOutcome w : result.windows()) {
      assertThat(w.parameters()).isEmpty();
      assertThat(w.combination()).isEqualTo(-1);
      assertThat(w.inSampleScore()).isNaN();
      assertThat(w.inSampleMetrics()).isNull();
      assertThat(w.test().equity()).containsOnly(10_000);
      assertThat(w.test().trades()).isEmpty();
    }
    assertThat(result.metrics().totalReturn()).isZero();
    assertThat(result.efficiency()).isNaN();
    assertThat(result.drift()).isEmpty();
  }

  @Test
  void reportsProgressAsTheShareOfWindowsDone() {
    BarSeries bars = closes(10, 11, 12, 13, 12, 11, 10, 9, 10, 11, 12, 13);
    ParameterGrid grid = new ParameterGrid(List.of(new ParameterRange("on", 0, 1, 1)));
    java.util.List<Integer> seen = new java.util.ArrayList<>();
    com.tradingbacktest.engine.sim.RunControl control =
        new com.tradingbacktest.engine.sim.RunControl() {
          @Override
          public void progress(int percent) {
            seen.add(percent);
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    walkSwitch(
        bars,
        grid,
        List.of(),
        WindowPlan.byLengths(12, WindowMode.ROLLING, 4, 4, 0),
        LIMITS.withControl(control));

    // Window 1's two combinations are 25% and 50% of the walk, window 2's 75% and 100%.
    assertThat(seen).isSortedAccordingTo(Integer::compare).startsWith(25, 50).contains(75);
    assertThat(seen.get(seen.size() - 1)).isEqualTo(100);
  }
}
