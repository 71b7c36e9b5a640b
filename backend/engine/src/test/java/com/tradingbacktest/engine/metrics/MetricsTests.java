package com.tradingbacktest.engine.metrics;

import static com.tradingbacktest.engine.metrics.Inputs.DAY;
import static com.tradingbacktest.engine.metrics.Inputs.HOUR;
import static com.tradingbacktest.engine.metrics.Inputs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import org.junit.jupiter.api.Test;

/** Returns, risk ratios, CAGR and the summary fields, each against numbers worked out by hand. */
class MetricsTests {

  private static final double EPS = 1e-12;

  // Equity 100, 110, 99, 120 gives the per-bar returns
  //   r1 = 110/100 - 1 = 0.1, r2 = 99/110 - 1 = -0.1, r3 = 120/99 - 1 = 0.2121212121...
  // mean = 0.2121212121 / 3 = 0.0707070707...
  // deviations 0.0292929, -0.1707071, 0.1414141; squares sum to 0.0499979...; / (3 - 1) =
  //   0.0249989...
  // sample stdev = 0.1581090432...
  private static final double MEAN = (0.1 - 0.1 + 120.0 / 99 - 1) / 3;
  private static final double SD = 0.15810904320728808;

  @Test
  void summaryOfAFourBarCurve() {
    PerformanceMetrics m =
        Inputs.equity(100, 110, 99, 120)
            .close(50, 55, 45, 60)
            .inMarket(false, true, true, false)
            .commissions(1.5)
            .compute();

    assertThat(m.start()).isEqualTo(T0);
    assertThat(m.end()).isEqualTo(T0 + 3 * DAY);
    assertThat(m.duration()).isEqualTo(3 * DAY);
    assertThat(m.durationDays()).isEqualTo(3.0);
    assertThat(m.exposureTime()).isEqualTo(0.5); // 2 of 4 bars
    assertThat(m.initialCapital()).isEqualTo(100);
    assertThat(m.finalEquity()).isEqualTo(120);
    assertThat(m.peakEquity()).isEqualTo(120);
    assertThat(m.totalReturn()).isCloseTo(0.2, within(EPS)); // 120 / 100 - 1
    assertThat(m.buyAndHoldReturn()).isCloseTo(0.2, within(EPS)); // 60 / 50 - 1
    // 100 x close / 50
    assertThat(m.buyAndHoldEquity()).containsExactly(new double[] {100, 110, 90, 120}, within(EPS));
    assertThat(m.maxDrawdown()).isCloseTo(-0.1, within(EPS)); // 99 / 110 - 1
    assertThat(m.drawdown()).containsExactly(new double[] {0, 0, -0.1, 0}, within(EPS));
    assertThat(m.commissions()).isEqualTo(1.5);
  }

  @Test
  void cryptoDailyAnnualisesWith365Bars() {
    PerformanceMetrics m = Inputs.equity(100, 110, 99, 120).compute();

    // volatility = 0.1581090432 x sqrt(365) = 3.0206690291
    assertThat(m.annualizedVolatility()).isCloseTo(SD * Math.sqrt(365), within(EPS));
    assertThat(m.annualizedVolatility()).isCloseTo(3.020669029127867, within(1e-9));
    // Sharpe = 0.0707070707 / 0.1581090432 x sqrt(365) = 8.5438293832
    assertThat(m.sharpeRatio()).isCloseTo(MEAN / SD * Math.sqrt(365), within(1e-9));
    assertThat(m.sharpeRatio()).isCloseTo(8.54382938323176, within(1e-9));
    // Only r2 is below rf = 0: downside deviation = sqrt(0.1^2 / 3) = 0.0577350269
    // Sortino = 0.0707070707 / 0.0577350269 x sqrt(365) = 23.3975241928
    assertThat(m.sortinoRatio()).isCloseTo(23.39752419281215, within(1e-9));
  }

  @Test
  void stockDailyAnnualisesWith252Bars() {
    PerformanceMetrics m =
        Inputs.equity(100, 110, 99, 120).market(MarketCalendar.STOCK, Interval.D1).compute();

    // 0.1581090432 x sqrt(252) = 2.5099032501; Sharpe 0.0707070707 / 0.1581090432 x sqrt(252) =
    // 7.0991508606
    assertThat(m.annualizedVolatility()).isCloseTo(2.509903250141103, within(1e-9));
    assertThat(m.sharpeRatio()).isCloseTo(7.099150860568081, within(1e-9));
  }

  @Test
  void cryptoHourlyAnnualisesWith8760Bars() {
    PerformanceMetrics m =
        Inputs.equity(100, 110, 99, 120)
            .times(Inputs.spaced(T0, HOUR, 4))
            .market(MarketCalendar.CRYPTO, Interval.H1)
            .compute();

    // 365 x 24 = 8760 bars a year: 0.1581090432 x sqrt(8760) = 14.7981956064; Sharpe 41.8560448766
    assertThat(m.annualizedVolatility()).isCloseTo(14.798195606383064, within(1e-9));
    assertThat(m.sharpeRatio()).isCloseTo(41.85604487663145, within(1e-9));
    assertThat(m.duration()).isEqualTo(3 * HOUR);
    assertThat(m.durationDays()).isCloseTo(0.125, within(EPS));
  }

  @Test
  void riskFreeRateIsCompoundedDownToOneBar() {
    PerformanceMetrics m =
        Inputs.equity(100, 110, 99, 120)
            .market(MarketCalendar.STOCK, Interval.D1)
            .riskFreeRate(0.05)
            .compute();

    // rf per bar = 1.05^(1/252) - 1 = 0.000193630506544
    double rf = Math.pow(1.05, 1.0 / 252) - 1;
    assertThat(rf).isCloseTo(0.000193630506544, within(1e-15));
    // Sharpe = (0.0707070707 - 0.0001936305) / 0.1581090432 x sqrt(252) = 7.0797099169
    assertThat(m.sharpeRatio()).isCloseTo(7.0797099169196205, within(1e-9));
    // downside: only r2 - rf = -0.1001936305 is negative: sqrt(0.1001936305^2 / 3) = 0.0578468195
    // Sortino = 0.0705134402 / 0.0578468195 x sqrt(252) = 19.3505221198
    assertThat(m.sortinoRatio()).isCloseTo(19.350522119839823, within(1e-9));
    // Volatility does not depend on the risk-free rate.
    assertThat(m.annualizedVolatility()).isCloseTo(2.509903250141103, within(1e-9));
  }

  @Test
  void cagrCountsJulianYearsOfCalendarTime() {
    // 100 -> 90 -> 121 over exactly two years of 365.25 days: 1.21^(1/2) - 1 = 0.1
    PerformanceMetrics m =
        Inputs.equity(100, 90, 121)
            .times(T0, T0 + (long) (365.25 * DAY), T0 + (long) (730.5 * DAY))
            .compute();

    assertThat(m.cagr()).isCloseTo(0.1, within(EPS));
    assertThat(m.annualizedReturn()).isEqualTo(m.cagr());
    assertThat(m.maxDrawdown()).isCloseTo(-0.1, within(EPS));
    // Calmar = 0.1 / |-0.1| = 1
    assertThat(m.calmarRatio()).isCloseTo(1.0, within(EPS));
    assertThat(m.durationDays()).isEqualTo(730.5);
  }

  @Test
  void cagrOfAShortRunIsCompoundedUpToAYear() {
    // +20% in 3 days: 1.2^(365.25 / 3) - 1, a large but honest number
    PerformanceMetrics m = Inputs.equity(100, 110, 99, 120).compute();
    assertThat(m.cagr()).isCloseTo(Math.pow(1.2, 365.25 / 3) - 1, within(1e-3));
    assertThat(m.calmarRatio()).isCloseTo(m.cagr() / 0.1, within(1e-3));
  }

  @Test
  void cagrThatOverflowsIsInfinite() {
    // x10 in one hour: 10^(8766) is past the largest double.
    PerformanceMetrics m = Inputs.equity(100, 1000).times(T0, T0 + HOUR).compute();
    assertThat(m.cagr()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(m.toMap()).containsEntry("cagr", null);
  }

  @Test
  void totalReturnAndFirstMonthAreMeasuredFromInitialCapital() {
    // A commission at bar 0 leaves equity 99 on capital 100.
    PerformanceMetrics m = Inputs.equity(99, 110).capital(100).compute();
    assertThat(m.totalReturn()).isCloseTo(0.1, within(EPS));
    assertThat(m.monthlyReturns()).containsExactly(new MonthlyReturn(2024, 1, 110.0 / 100 - 1));
    // Drawdown and per-bar returns start from the first bar's equity, as in backtesting.py.
    assertThat(m.maxDrawdown()).isZero();
  }

  @Test
  void singleBarHasNoReturnsAndNoTime() {
    PerformanceMetrics m = Inputs.equity(105).capital(100).compute();

    assertThat(m.duration()).isZero();
    assertThat(m.totalReturn()).isCloseTo(0.05, within(EPS));
    assertThat(m.finalEquity()).isEqualTo(105);
    assertThat(m.cagr()).isNaN();
    assertThat(m.annualizedReturn()).isNaN();
    assertThat(m.annualizedVolatility()).isNaN();
    assertThat(m.sharpeRatio()).isNaN();
    assertThat(m.sortinoRatio()).isNaN();
    assertThat(m.calmarRatio()).isNaN();
    assertThat(m.maxDrawdown()).isZero();
    assertThat(m.maxDrawdownDurationBars()).isZero();
    assertThat(m.averageDrawdown()).isNaN();
    assertThat(m.drawdown()).containsExactly(0.0);
    assertThat(m.buyAndHoldEquity()).containsExactly(100.0);
    assertThat(m.buyAndHoldReturn()).isZero();
    assertThat(m.monthlyReturns()).containsExactly(new MonthlyReturn(2024, 1, 105.0 / 100 - 1));
    assertThat(m.yearlyReturns()).containsExactly(new YearlyReturn(2024, 105.0 / 100 - 1));
  }

  @Test
  void flatEquityHasZeroVolatilityAndNoSharpe() {
    PerformanceMetrics m = Inputs.equity(100, 100, 100, 100, 100).compute();

    assertThat(m.totalReturn()).isZero();
    assertThat(m.cagr()).isZero();
    assertThat(m.annualizedVolatility()).isZero();
    assertThat(m.sharpeRatio()).isNaN(); // 0 / 0: undefined, never infinite
    assertThat(m.sortinoRatio()).isNaN(); // no bar below rf = 0
    assertThat(m.maxDrawdown()).isZero();
    assertThat(m.calmarRatio()).isNaN();
    assertThat(m.averageDrawdown()).isNaN();
    assertThat(m.averageDrawdownDurationBars()).isNaN();
  }

  @Test
  void flatEquityUnderAPositiveRiskFreeRate() {
    PerformanceMetrics m = Inputs.equity(100, 100, 100).riskFreeRate(0.03).compute();
    // Sharpe: -rf_bar / 0 is still undefined, not -Infinity.
    assertThat(m.sharpeRatio()).isNaN();
    // Sortino is defined: every excess is -rf_bar, the downside deviation is rf_bar, so
    // Sortino = -rf_bar / rf_bar x sqrt(365) = -sqrt(365).
    assertThat(m.sortinoRatio()).isCloseTo(-Math.sqrt(365), within(1e-9));
  }

  @Test
  void constantGrowthHasNoVolatilityRatherThanRoundingNoise() {
    // 1% a bar: the returns differ only by rounding, which must not become a Sharpe ratio of 1e13.
    double[] e = new double[50];
    for (int i = 0; i < e.length; i++) {
      e[i] = 100 * Math.pow(1.01, i);
    }
    PerformanceMetrics m = Inputs.equity(e).compute();
    assertThat(m.annualizedVolatility()).isZero();
    assertThat(m.sharpeRatio()).isNaN();
    assertThat(m.sortinoRatio()).isNaN(); // no bar below rf = 0
    assertThat(m.maxDrawdown()).isZero();
  }

  @Test
  void twoBarsGiveOneReturnAndNoSampleDeviation() {
    // One return, -0.1: no sample stdev (n - 1 = 0), but a downside deviation of 0.1.
    PerformanceMetrics m = Inputs.equity(100, 90).compute();
    assertThat(m.annualizedVolatility()).isNaN();
    assertThat(m.sharpeRatio()).isNaN();
    // (-0.1 - 0) / sqrt(0.1^2 / 1) x sqrt(365) = -sqrt(365)
    assertThat(m.sortinoRatio()).isCloseTo(-Math.sqrt(365), within(1e-9));
  }

  @Test
  void wipedOutEquityMakesReturnStatisticsUndefined() {
    PerformanceMetrics m = Inputs.equity(100, 50, 0, 0).compute();
    assertThat(m.maxDrawdown()).isEqualTo(-1.0);
    assertThat(m.totalReturn()).isEqualTo(-1.0);
    assertThat(m.cagr()).isEqualTo(-1.0);
    assertThat(m.annualizedVolatility()).isNaN(); // 0 / 0 return from bar 2 to bar 3
    assertThat(m.sharpeRatio()).isNaN();
    assertThat(m.sortinoRatio()).isNaN();
  }
}
