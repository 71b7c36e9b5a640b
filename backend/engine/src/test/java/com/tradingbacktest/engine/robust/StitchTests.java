package com.tradingbacktest.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.robust.WalkForwardResult.WindowOutcome;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StitchTests {

  private static final Map<String, Double> PARAMS = Map.of("fast", 5.0, "slow", 20.0);

  private static WindowOutcome outcome(int number, WindowTest test, double fast) {
    return new WindowOutcome(
        new WalkForwardWindow(number, 0, 1, 1, 2),
        Map.of("fast", fast),
        number,
        1.0,
        test.metrics(),
        test);
  }

  @Test
  void oneStitchedWindowIsMeasuredExactlyAsItsOwnRun() {
    BarSeries bars = Walks.walk(21, 400);
    WindowTest test =
        WalkForward.test(
            Walks.CROSSOVER,
            bars,
            BacktestConfig.defaults(),
            PARAMS,
            100,
            400,
            EvaluationLimits.defaults());
    assertThat(test.trades()).hasSizeGreaterThan(3);

    WalkForwardResult exact =
        WalkForwardResult.stitch(
            List.of(outcome(1, test, 5)), 10_000, StitchBasis.of(bars, 100, 400, 0));
    assertThat(exact.metrics().toMap()).isEqualTo(test.metrics().toMap());
    assertThat(exact.metrics().monthlyReturns()).isEqualTo(test.metrics().monthlyReturns());

    // The bars are daily, UTC, every day, without a risk-free rate: the guess gets them right.
    WalkForwardResult guessed = WalkForwardResult.stitch(List.of(outcome(1, test, 5)), 10_000);
    assertThat(guessed.metrics().toMap()).isEqualTo(test.metrics().toMap());
  }

  @Test
  void partsJoinWithTheirTradesMovedIntoTheStitchedBars() {
    BarSeries bars = Walks.walk(22, 500);
    BacktestConfig config = BacktestConfig.defaults();
    WindowTest first =
        WalkForward.test(
            Walks.CROSSOVER, bars, config, PARAMS, 100, 300, EvaluationLimits.defaults());
    WindowTest second =
        WalkForward.test(
            Walks.CROSSOVER,
            bars,
            config.toBuilder().initialCapital(first.endEquity()).build(),
            PARAMS,
            300,
            500,
            EvaluationLimits.defaults());
    assertThat(first.trades()).isNotEmpty();
    assertThat(second.trades()).isNotEmpty();

    WalkForwardResult result =
        WalkForwardResult.stitch(
            List.of(outcome(1, first, 5), outcome(2, second, 10)),
            10_000,
            StitchBasis.of(bars, 100, 500, 0));

    assertThat(result.times()).containsExactly(bars.slice(100, 500).times());
    assertThat(result.equity()[199]).isEqualTo(first.endEquity());
    assertThat(result.equity()[200]).isEqualTo(second.startEquity());
    assertThat(result.trades()).hasSize(first.trades().size() + second.trades().size());
    for (var t : result.trades()) {
      assertThat(result.times()[t.entryIndex()]).isEqualTo(t.entryTime());
      assertThat(result.times()[t.exitIndex()]).isEqualTo(t.exitTime());
    }
    assertThat(result.metrics().finalEquity()).isEqualTo(second.endEquity());
    assertThat(result.metrics().tradeCount()).isEqualTo(result.trades().size());
    assertThat(result.metrics().buyAndHoldReturn())
        .isEqualTo(bars.close()[499] / bars.close()[100] - 1);
    assertThat(result.drift().get(0).values()).containsExactly(5, 10);
    assertThat(result.drift().get(0).changes()).isEqualTo(1);
  }

  @Test
  void refusesPartsThatOverlap() {
    BarSeries bars = Walks.walk(23, 300);
    WindowTest test =
        WalkForward.test(
            Walks.CROSSOVER,
            bars,
            BacktestConfig.defaults(),
            PARAMS,
            100,
            200,
            EvaluationLimits.defaults());
    assertThatThrownBy(
            () ->
                WalkForwardResult.stitch(List.of(outcome(1, test, 5), outcome(2, test, 5)), 10_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the test parts overlap or go back in time at stitched bar 100");
    assertThatThrownBy(() -> WalkForwardResult.stitch(List.of(), 10_000))
        .hasMessage("a walk-forward needs at least one window");
  }

  @Test
  void guessesStockCalendarsFromGapsAndIntervalsFromTheShortestStep() {
    long day = Walks.DAY;
    long monday = 1_704_067_200_000L; // 2024-01-01, a Monday
    long[] weekdays = new long[20];
    int n = 0;
    for (int d = 0; n < weekdays.length; d++) {
      if (d % 7 < 5) {
        weekdays[n++] = monday + d * day;
      }
    }
    StitchBasis stocks = StitchBasis.guessedFrom(weekdays);
    assertThat(stocks.calendar()).isEqualTo(com.tradingbacktest.engine.series.MarketCalendar.STOCK);
    assertThat(stocks.interval()).isEqualTo(com.tradingbacktest.engine.series.Interval.D1);
    long[] hours = {0, 3_600_000L, 7_200_000L};
    assertThat(StitchBasis.guessedFrom(hours).interval())
        .isEqualTo(com.tradingbacktest.engine.series.Interval.H1);
  }
}
