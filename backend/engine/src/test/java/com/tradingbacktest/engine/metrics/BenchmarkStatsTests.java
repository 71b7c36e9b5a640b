package com.tradingbacktest.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases. The main one: benchmark returns b = (+10%, -5%, +10%, 0) and a run whose
 * returns are r = 2b + 1% = (+21%, -9%, +21%, +1%), daily stock bars (B = 252), no risk-free rate.
 * Then beta = 2, correlation = 1, alpha = 252 * 1% = 2.52, the active returns r - b = b + 1% have
 * mean 4.75% and the sample stdev of b, 0.075 (deviations 6.25, -8.75, 6.25, -3.75 %, squares
 * summing to 0.016875, over 3), so tracking error = 0.075 * sqrt(252) and information ratio =
 * 0.0475 / 0.075 * sqrt(252); up capture = mean(21%, 21%) / mean(10%, 10%) = 2.1, down capture =
 * -9% / -5% = 1.8 (the flat benchmark bar counts in neither).
 */
class BenchmarkStatsTests {

  private static final double B = 252;
  private static final long DAY = Inputs.DAY;
  private static final long[] TIMES = Inputs.spaced(Inputs.T0, DAY, 5);
  private static final double[] EQUITY = {100, 121, 110.11, 133.2331, 134.565431};
  private static final double[] CLOSE = {10, 11, 10.45, 11.495, 11.495};

  @Test
  void measuresARunAgainstItsBenchmarkByHand() {
    BenchmarkStats s = BenchmarkStats.compute(TIMES, EQUITY, TIMES, CLOSE, 100, B, 0);

    assertThat(s.returns()).isEqualTo(4);
    assertThat(s.beta()).isCloseTo(2, within(1e-9));
    assertThat(s.correlation()).isCloseTo(1, within(1e-9));
    assertThat(s.alpha()).isCloseTo(2.52, within(1e-9));
    assertThat(s.trackingError()).isCloseTo(0.075 * Math.sqrt(252), within(1e-9));
    assertThat(s.informationRatio()).isCloseTo(0.0475 / 0.075 * Math.sqrt(252), within(1e-9));
    assertThat(s.upCapture()).isCloseTo(2.1, within(1e-9));
    assertThat(s.downCapture()).isCloseTo(1.8, within(1e-9));
    assertThat(s.benchmarkReturn()).isCloseTo(0.1495, within(1e-12));
    assertThat(s.rebasedEquity())
        .containsExactly(new double[] {100, 110, 104.5, 114.95, 114.95}, within(1e-9));
  }

  @Test
  void alphaSubtractsTheRiskFreeRateFromBothSides() {
    double rf = 0.05;
    double rfPerBar = Math.pow(1.05, 1 / B) - 1;

    BenchmarkStats s = BenchmarkStats.compute(TIMES, EQUITY, TIMES, CLOSE, 100, B, rf);

    // B * ((mean r - rf_b) - 2 * (mean b - rf_b)) = B * (1% + rf_b), since mean r = 2 mean b + 1%.
    assertThat(s.alpha()).isCloseTo(B * (0.01 + rfPerBar), within(1e-9));
    assertThat(s.beta()).isCloseTo(2, within(1e-9));
    assertThat(s.informationRatio()).isCloseTo(0.0475 / 0.075 * Math.sqrt(252), within(1e-9));
  }

  @Test
  void alignsTheLastBenchmarkCloseAtOrBeforeEachBarAndLeavesOutBarsBeforeIt() {
    long[] times = Inputs.spaced(Inputs.T0, DAY, 5);
    double[] equity = {100, 100, 102, 101, 104};
    // The benchmark starts at the second bar, has no bar on the third, and its last bar opens an
    // hour before the fourth.
    long[] benchmarkTimes = {times[1], times[3] - Inputs.HOUR};
    double[] benchmarkClose = {20, 22};

    BenchmarkStats s =
        BenchmarkStats.compute(times, equity, benchmarkTimes, benchmarkClose, 1000, B, 0);

    assertThat(s.rebasedEquity()[0]).isNaN();
    assertThat(s.rebasedEquity()).containsSubsequence(1000.0, 1000.0, 1100.0, 1100.0);
    assertThat(s.returns()).isEqualTo(3);
    assertThat(s.benchmarkReturn()).isCloseTo(0.1, within(1e-12));
    // b = (0, +10%, 0): one up period, whose run return is 101 / 102 - 1.
    assertThat(s.upCapture()).isCloseTo((101.0 / 102 - 1) / 0.1, within(1e-12));
    assertThat(s.downCapture()).isNaN();
  }

  @Test
  void aFlatBenchmarkLeavesBetaAlphaAndCorrelationUndefined() {
    double[] flat = {10, 10, 10, 10, 10};

    BenchmarkStats s = BenchmarkStats.compute(TIMES, EQUITY, TIMES, flat, 100, B, 0);

    assertThat(s.beta()).isNaN();
    assertThat(s.alpha()).isNaN();
    assertThat(s.correlation()).isNaN();
    assertThat(s.upCapture()).isNaN();
    assertThat(s.downCapture()).isNaN();
    assertThat(s.trackingError()).isPositive();
    assertThat(s.toMap())
        .containsEntry("beta", null)
        .containsEntry("alpha", null)
        .containsEntry("correlation", null)
        .containsEntry("benchmark_return", 0.0)
        .containsKeys(BenchmarkStats.NAMES.toArray(String[]::new));
  }

  @Test
  void aRunThatIsTheBenchmarkHasNoTrackingErrorAndNoInformationRatio() {
    double[] equity = {100, 110, 104.5, 114.95, 114.95};

    BenchmarkStats s = BenchmarkStats.compute(TIMES, equity, TIMES, CLOSE, 100, B, 0);

    assertThat(s.beta()).isCloseTo(1, within(1e-9));
    assertThat(s.alpha()).isCloseTo(0, within(1e-9));
    assertThat(s.trackingError()).isZero();
    assertThat(s.informationRatio()).isNaN();
    assertThat(s.upCapture()).isCloseTo(1, within(1e-12));
  }

  @Test
  void fewerThanTwoOverlappingReturnsLeaveEveryStatisticUndefined() {
    long[] times = Inputs.spaced(Inputs.T0, DAY, 3);
    double[] equity = {100, 105, 103};
    // Only the last two run bars have a benchmark close: one return pair.
    BenchmarkStats s =
        BenchmarkStats.compute(times, equity, new long[] {times[1]}, new double[] {50}, 100, B, 0);

    assertThat(s.returns()).isEqualTo(1);
    assertThat(s.toMap())
        .containsEntry("alpha", null)
        .containsEntry("beta", null)
        .containsEntry("tracking_error", null)
        .containsEntry("information_ratio", null)
        .containsEntry("up_capture", null)
        .containsEntry("down_capture", null)
        .containsEntry("benchmark_return", 0.0);
    assertThat(s.rebasedEquity()).containsExactly(Double.NaN, 100, 100);
  }

  @Test
  void aBenchmarkStartingAfterTheRunLeavesEverythingOut() {
    long[] times = Inputs.spaced(Inputs.T0, DAY, 3);

    BenchmarkStats s =
        BenchmarkStats.compute(
            times,
            new double[] {1, 2, 3},
            new long[] {times[2] + DAY},
            new double[] {9},
            100,
            B,
            0);

    assertThat(s.returns()).isZero();
    assertThat(s.benchmarkReturn()).isNaN();
    assertThat(s.rebasedEquity()).containsOnly(Double.NaN);
  }

  @Test
  void equityAtZeroLeavesTheStatisticsUndefined() {
    double[] equity = {100, 0, 10, 20, 30};

    BenchmarkStats s = BenchmarkStats.compute(TIMES, equity, TIMES, CLOSE, 100, B, 0);

    assertThat(s.beta()).isNaN();
    assertThat(s.trackingError()).isNaN();
  }

  @Test
  void refusesInputsThatBreakTheRules() {
    assertThatThrownBy(() -> BenchmarkStats.compute(TIMES, new double[2], TIMES, CLOSE, 100, B, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same lengths");
    long[] descending = {TIMES[1], TIMES[0], TIMES[2], TIMES[3], TIMES[4]};
    assertThatThrownBy(() -> BenchmarkStats.compute(TIMES, EQUITY, descending, CLOSE, 100, B, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("benchmark times must ascend");
    assertThatThrownBy(() -> BenchmarkStats.compute(TIMES, EQUITY, TIMES, CLOSE, 0, B, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initialCapital");
    assertThatThrownBy(() -> BenchmarkStats.compute(TIMES, EQUITY, TIMES, CLOSE, 100, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("barsPerYear");
  }
}
