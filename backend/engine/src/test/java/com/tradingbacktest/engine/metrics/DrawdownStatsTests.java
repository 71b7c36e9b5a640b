package com.tradingbacktest.engine.metrics;

import static com.tradingbacktest.engine.metrics.Inputs.DAY;
import static com.tradingbacktest.engine.metrics.Inputs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Drawdown series, depth and the periods' durations. */
class DrawdownStatsTests {

  private static final double EPS = 1e-12;

  @Test
  void onePeriodFromPeakToRecovery() {
    // Peak 110 at bar 1, 99 at bar 2 (99/110 - 1 = -0.1), recovered by 120 at bar 3: 2 bars, 2
    // days.
    PerformanceMetrics m = Inputs.equity(100, 110, 99, 120).compute();

    assertThat(m.maxDrawdown()).isCloseTo(-0.1, within(EPS));
    assertThat(m.maxDrawdownDurationBars()).isEqualTo(2);
    assertThat(m.maxDrawdownDuration()).isEqualTo(2 * DAY);
    assertThat(m.maxDrawdownDurationDays()).isEqualTo(2.0);
    assertThat(m.averageDrawdown()).isCloseTo(-0.1, within(EPS));
    assertThat(m.averageDrawdownDurationBars()).isEqualTo(2.0);
    assertThat(m.averageDrawdownDuration()).isEqualTo(2.0 * DAY);
    assertThat(m.averageDrawdownDurationDays()).isEqualTo(2.0);
  }

  @Test
  void severalPeriodsIncludingOneOpenAtTheEnd() {
    // bar:     0    1    2    3    4    5    6    7
    // equity:  100  90   100  120  108  96   130  117
    // peak:    100  100  100  120  120  120  130  130
    // dd:      0   -.1   0    0   -.1  -.2   0   -.1
    // periods: bars 0->2 (2 bars, depth -0.1); 3->6 (3 bars, depth -0.2); 6->7, still open at the
    //   end (1 bar, depth -0.1)
    PerformanceMetrics m = Inputs.equity(100, 90, 100, 120, 108, 96, 130, 117).compute();

    assertThat(m.drawdown())
        .containsExactly(new double[] {0, -0.1, 0, 0, -0.1, -0.2, 0, -0.1}, within(EPS));
    assertThat(m.maxDrawdown()).isCloseTo(-0.2, within(EPS));
    assertThat(m.maxDrawdownDurationBars()).isEqualTo(3);
    assertThat(m.maxDrawdownDuration()).isEqualTo(3 * DAY);
    // (-0.1 - 0.2 - 0.1) / 3 = -0.1333...
    assertThat(m.averageDrawdown()).isCloseTo(-0.4 / 3, within(EPS));
    // (2 + 3 + 1) / 3 = 2 bars = 2 days
    assertThat(m.averageDrawdownDurationBars()).isCloseTo(2.0, within(EPS));
    assertThat(m.averageDrawdownDurationDays()).isCloseTo(2.0, within(EPS));
    assertThat(m.peakEquity()).isEqualTo(130);
  }

  @Test
  void longestInBarsAndLongestInTimeAreMeasuredSeparately() {
    // day:     0    1    2    3    4    9    10      (a gap of five days before bar 5)
    // equity:  100  90   95   100  110  100  110
    // period A: bars 0->3 = 3 bars over 3 days, depth -0.1
    // period B: bars 4->6 = 2 bars over 6 days, depth 100/110 - 1 = -0.0909...
    PerformanceMetrics m =
        Inputs.equity(100, 90, 95, 100, 110, 100, 110)
            .times(
                T0, T0 + DAY, T0 + 2 * DAY, T0 + 3 * DAY, T0 + 4 * DAY, T0 + 9 * DAY, T0 + 10 * DAY)
            .compute();

    assertThat(m.maxDrawdownDurationBars()).isEqualTo(3);
    assertThat(m.maxDrawdownDuration()).isEqualTo(6 * DAY);
    assertThat(m.maxDrawdownDurationDays()).isEqualTo(6.0);
    assertThat(m.averageDrawdownDurationBars()).isEqualTo(2.5); // (3 + 2) / 2
    assertThat(m.averageDrawdownDurationDays()).isEqualTo(4.5); // (3 + 6) / 2
    assertThat(m.averageDrawdown()).isCloseTo((-0.1 + (100.0 / 110 - 1)) / 2, within(EPS));
  }

  @Test
  void equityBackExactlyAtThePeakEndsThePeriod() {
    // 100, 90, 100, 90: the first period ends at bar 2 (2 bars); a second one opens and runs to the
    // end.
    PerformanceMetrics m = Inputs.equity(100, 90, 100, 90).compute();
    assertThat(m.drawdown()).containsExactly(new double[] {0, -0.1, 0, -0.1}, within(EPS));
    assertThat(m.maxDrawdownDurationBars()).isEqualTo(2);
    assertThat(m.averageDrawdownDurationBars()).isEqualTo(1.5); // (2 + 1) / 2
  }

  @Test
  void neverRecoveringLastsUntilTheLastBar() {
    // 100, 90, 80: one period from bar 0 to the end, 2 bars; depth 80/100 - 1 = -0.2
    PerformanceMetrics m = Inputs.equity(100, 90, 80).compute();
    assertThat(m.maxDrawdown()).isCloseTo(-0.2, within(EPS));
    assertThat(m.maxDrawdownDurationBars()).isEqualTo(2);
    assertThat(m.maxDrawdownDuration()).isEqualTo(2 * DAY);
    assertThat(m.averageDrawdown()).isCloseTo(-0.2, within(EPS));
  }

  @Test
  void aDropOnTheLastBarIsAPeriodOfOneBar() {
    // backtesting.py skips this one; here it counts.
    PerformanceMetrics m = Inputs.equity(100, 110, 99).compute();
    assertThat(m.maxDrawdownDurationBars()).isEqualTo(1);
    assertThat(m.averageDrawdown()).isCloseTo(-0.1, within(EPS));
  }

  @Test
  void risingEquityHasNoDrawdownPeriods() {
    PerformanceMetrics m = Inputs.equity(100, 101, 101, 105).compute();
    assertThat(m.maxDrawdown()).isZero();
    assertThat(m.drawdown()).containsOnly(0.0);
    assertThat(m.maxDrawdownDurationBars()).isZero();
    assertThat(m.maxDrawdownDuration()).isZero();
    assertThat(m.maxDrawdownDurationDays()).isZero();
    assertThat(m.averageDrawdown()).isNaN();
    assertThat(m.averageDrawdownDuration()).isNaN();
    assertThat(m.averageDrawdownDurationDays()).isNaN();
    assertThat(m.averageDrawdownDurationBars()).isNaN();
  }
}
