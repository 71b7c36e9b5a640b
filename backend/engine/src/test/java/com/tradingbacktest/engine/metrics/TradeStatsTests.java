package com.tradingbacktest.engine.metrics;

import static com.tradingbacktest.engine.metrics.Inputs.DAY;
import static com.tradingbacktest.engine.metrics.Inputs.HOUR;
import static com.tradingbacktest.engine.metrics.Inputs.T0;
import static com.tradingbacktest.engine.metrics.Inputs.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.sim.Side;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Trade statistics against hand-computed values, and their edge cases. */
class TradeStatsTests {

  private static final double EPS = 1e-12;

  private static Inputs flat(int bars) {
    double[] e = new double[bars];
    Arrays.fill(e, 1000);
    return Inputs.equity(e);
  }

  @Test
  void threeTradesByHand() {
    // pnl +10, -5, +20 with returns +10%, -5%, +20%, held 2, 1 and 3 days; the second one short.
    PerformanceMetrics m =
        flat(10)
            .trades(
                trade(Side.LONG, 0, 2, 10, 0.10),
                trade(Side.SHORT, 3, 4, -5, -0.05),
                trade(Side.LONG, 5, 8, 20, 0.20))
            .compute();

    assertThat(m.tradeCount()).isEqualTo(3);
    assertThat(m.winningTrades()).isEqualTo(2);
    assertThat(m.losingTrades()).isEqualTo(1);
    assertThat(m.longTrades()).isEqualTo(2);
    assertThat(m.shortTrades()).isEqualTo(1);
    assertThat(m.winRate()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(m.bestTrade()).isEqualTo(0.20);
    assertThat(m.worstTrade()).isEqualTo(-0.05);
    // geometric mean: (1.10 x 0.95 x 1.20)^(1/3) - 1 = 1.254^(1/3) - 1 = 0.0783651534
    assertThat(m.averageTrade()).isCloseTo(0.07836515339093575, within(EPS));
    // arithmetic mean: (0.10 - 0.05 + 0.20) / 3 = 0.0833...
    assertThat(m.expectancyPct()).isCloseTo(0.25 / 3, within(EPS));
    // (10 - 5 + 20) / 3 = 8.333...
    assertThat(m.expectancy()).isCloseTo(25.0 / 3, within(EPS));
    // gross profit 30 / gross loss 5 = 6
    assertThat(m.profitFactor()).isCloseTo(6.0, within(EPS));
    // deviations from 8.333: 1.667, -13.333, 11.667; squares 2.778 + 177.778 + 136.111 = 316.667;
    // / (3 - 1) = 158.333; stdev = 12.5830574; SQN = sqrt(3) x 8.333 / 12.5830574 = 1.1470786694
    assertThat(m.sqn()).isCloseTo(1.1470786693528088, within(1e-12));
    // average win (10 + 20) / 2 = 15, average loss 5, ratio 3: Kelly = 2/3 - (1/3) / 3 = 5/9
    assertThat(m.kellyCriterion()).isCloseTo(5.0 / 9, within(EPS));
    // (2 + 1 + 3) / 3 = 2 bars = 2 days; longest 3 bars = 3 days
    assertThat(m.averageTradeDurationBars()).isCloseTo(2.0, within(EPS));
    assertThat(m.averageTradeDuration()).isCloseTo(2.0 * DAY, within(EPS));
    assertThat(m.maxTradeDurationBars()).isEqualTo(3.0);
    assertThat(m.maxTradeDuration()).isEqualTo(3.0 * DAY);
  }

  @Test
  void noTradesLeavesCountsAtZeroAndEverythingElseUndefined() {
    PerformanceMetrics m = flat(5).commissions(0).compute();

    assertThat(m.tradeCount()).isZero();
    assertThat(m.winningTrades()).isZero();
    assertThat(m.losingTrades()).isZero();
    assertThat(m.longTrades()).isZero();
    assertThat(m.shortTrades()).isZero();
    assertThat(m.commissions()).isZero();
    assertThat(
            new double[] {
              m.winRate(),
              m.bestTrade(),
              m.worstTrade(),
              m.averageTrade(),
              m.averageTradeDuration(),
              m.averageTradeDurationBars(),
              m.maxTradeDuration(),
              m.maxTradeDurationBars(),
              m.profitFactor(),
              m.expectancy(),
              m.expectancyPct(),
              m.sqn(),
              m.kellyCriterion()
            })
        .containsOnly(Double.NaN);
  }

  @Test
  void allWinnersHaveAnInfiniteProfitFactorAndKellyOfOne() {
    PerformanceMetrics m =
        flat(5).trades(trade(Side.LONG, 0, 1, 10, 0.1), trade(Side.LONG, 2, 3, 30, 0.3)).compute();

    assertThat(m.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(m.winRate()).isEqualTo(1.0);
    // W = 1: 1 - 0 / R = 1
    assertThat(m.kellyCriterion()).isEqualTo(1.0);
    // mean 20, stdev sqrt(((10-20)^2 + (30-20)^2) / 1) = 14.1421356; SQN = sqrt(2) x 20 /
    // 14.1421356 = 2
    assertThat(m.sqn()).isCloseTo(2.0, within(EPS));
  }

  @Test
  void allLosersHaveAZeroProfitFactorAndNoKelly() {
    PerformanceMetrics m =
        flat(5)
            .trades(trade(Side.SHORT, 0, 1, -10, -0.1), trade(Side.SHORT, 2, 3, -30, -0.3))
            .compute();

    assertThat(m.profitFactor()).isZero(); // 0 / 40
    assertThat(m.winRate()).isZero();
    assertThat(m.kellyCriterion()).isNaN(); // average win / average loss = 0: the formula diverges
    assertThat(m.shortTrades()).isEqualTo(2);
    assertThat(m.sqn()).isCloseTo(-2.0, within(EPS)); // sqrt(2) x -20 / 14.1421356
  }

  @Test
  void breakEvenTradesCountInTheWinRateButNeitherWinNorLose() {
    // pnl 10, 0, -5: W = 1/3; average win 10, average loss 5, ratio 2: Kelly = 1/3 - (2/3) / 2 = 0
    PerformanceMetrics m =
        flat(8)
            .trades(
                trade(Side.LONG, 0, 1, 10, 0.1),
                trade(Side.LONG, 2, 3, 0, 0),
                trade(Side.LONG, 4, 5, -5, -0.05))
            .compute();

    assertThat(m.winningTrades()).isEqualTo(1);
    assertThat(m.losingTrades()).isEqualTo(1);
    assertThat(m.winRate()).isCloseTo(1.0 / 3, within(EPS));
    assertThat(m.profitFactor()).isCloseTo(2.0, within(EPS));
    assertThat(m.kellyCriterion()).isCloseTo(0.0, within(EPS));
  }

  @Test
  void onlyBreakEvenTradesHaveNoProfitFactor() {
    PerformanceMetrics m =
        flat(5).trades(trade(Side.LONG, 0, 1, 0, 0), trade(Side.LONG, 2, 3, 0, 0)).compute();
    assertThat(m.winRate()).isZero();
    assertThat(m.profitFactor()).isNaN(); // 0 / 0
    assertThat(m.kellyCriterion()).isNaN();
    assertThat(m.sqn()).isNaN(); // stdev 0
    assertThat(m.averageTrade()).isZero();
  }

  @Test
  void oneTradeHasNoSqn() {
    PerformanceMetrics m = flat(5).trades(trade(Side.LONG, 1, 1, 7, 0.07)).compute();
    assertThat(m.sqn()).isNaN();
    assertThat(m.averageTrade()).isCloseTo(0.07, within(EPS));
    assertThat(m.expectancy()).isEqualTo(7.0);
    // entered and left on the same bar
    assertThat(m.maxTradeDurationBars()).isZero();
    assertThat(m.maxTradeDuration()).isZero();
  }

  @Test
  void equalPnlHasNoSqnRatherThanRoundingNoise() {
    // 10.1 three times: the mean carries rounding error, the true stdev is 0.
    PerformanceMetrics m =
        flat(8)
            .trades(
                trade(Side.LONG, 0, 1, 10.1, 0.101),
                trade(Side.LONG, 2, 3, 10.1, 0.101),
                trade(Side.LONG, 4, 5, 10.1, 0.101))
            .compute();
    assertThat(m.sqn()).isNaN();
  }

  @Test
  void aTotalLossMakesTheGeometricAverageMinusOne() {
    PerformanceMetrics m =
        flat(5).trades(trade(Side.LONG, 0, 1, 10, 0.1), trade(Side.LONG, 2, 3, -100, -1)).compute();
    assertThat(m.averageTrade()).isEqualTo(-1.0);
    assertThat(m.worstTrade()).isEqualTo(-1.0);
    assertThat(m.expectancyPct()).isCloseTo(-0.45, within(EPS));
  }

  @Test
  void aShortLosingMoreThanItsStakeMakesTheGeometricAverageUndefined() {
    PerformanceMetrics m = flat(5).trades(trade(Side.SHORT, 0, 1, -150, -1.5)).compute();
    assertThat(m.averageTrade()).isNaN();
    assertThat(m.expectancyPct()).isEqualTo(-1.5);
  }

  @Test
  void durationsInTimeFollowTheTradesTimesNotTheBarCount() {
    // 2 bars across a weekend (Fri 15:00 -> Mon 15:00 = 72 h) and 3 bars within a day (3 h).
    PerformanceMetrics m =
        flat(10)
            .trades(
                trade(Side.LONG, 0, T0, 2, T0 + 72 * HOUR, 1, 0.01),
                trade(Side.LONG, 4, T0 + 100 * HOUR, 7, T0 + 103 * HOUR, 1, 0.01))
            .compute();

    assertThat(m.maxTradeDurationBars()).isEqualTo(3.0);
    assertThat(m.maxTradeDuration()).isEqualTo(72.0 * HOUR);
    assertThat(m.averageTradeDurationBars()).isEqualTo(2.5);
    assertThat(m.averageTradeDuration()).isEqualTo(37.5 * HOUR);
  }
}
