package com.tradingbacktest.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Invariants of a run against its benchmark over random daily closes. */
class BenchmarkStatsPropertyTests {

  private static final double B = 365;

  @Provide
  Arbitrary<double[]> closes() {
    return Arbitraries.doubles()
        .between(1, 10_000)
        .ofScale(2)
        .array(double[].class)
        .ofMinSize(3)
        .ofMaxSize(200);
  }

  private static long[] days(int n) {
    return Inputs.spaced(Inputs.T0, Inputs.DAY, n);
  }

  @Property
  void holdingTheBenchmarkIsTheBenchmark(@ForAll("closes") double[] closes) {
    long[] t = days(closes.length);
    double[] equity = new double[closes.length];
    for (int i = 0; i < closes.length; i++) {
      equity[i] = 1000 * closes[i] / closes[0];
    }

    BenchmarkStats s = BenchmarkStats.compute(t, equity, t, closes, 1000, B, 0.03);

    assertThat(s.rebasedEquity()).containsExactly(equity, within(1e-9));
    assertThat(s.trackingError()).isCloseTo(0, within(1e-6));
    if (!Double.isNaN(s.beta())) {
      assertThat(s.beta()).isCloseTo(1, within(1e-6));
      assertThat(s.correlation()).isCloseTo(1, within(1e-6));
      assertThat(s.alpha()).isCloseTo(0, within(1e-6));
    }
  }

  @Property
  void correlationIsBetaScaledByTheRatioOfDeviationsAndStaysWithinOne(
      @ForAll("closes") double[] closes, @ForAll @DoubleRange(min = -3, max = 3) double k) {
    long[] t = days(closes.length);
    // A run with k times the benchmark's returns plus noise of its own.
    double[] equity = new double[closes.length];
    equity[0] = 1000;
    for (int i = 1; i < closes.length; i++) {
      double b = closes[i] / closes[i - 1] - 1;
      double own = ((i * 7919) % 13 - 6) / 1000.0;
      equity[i] = equity[i - 1] * Math.max(0.01, 1 + k * b + own);
    }

    BenchmarkStats s = BenchmarkStats.compute(t, equity, t, closes, 1000, B, 0);

    assertThat(s.returns()).isEqualTo(closes.length - 1);
    if (!Double.isNaN(s.correlation())) {
      assertThat(Math.abs(s.correlation())).isLessThanOrEqualTo(1 + 1e-12);
      assertThat(Math.signum(s.correlation())).isEqualTo(Math.signum(s.beta()));
    }
    assertThat(s.trackingError()).isNotNegative();
  }

  @Property
  void aBenchmarkStartingLaterLeavesOutExactlyTheBarsBeforeIt(
      @ForAll("closes") double[] closes, @ForAll @DoubleRange(min = 0, max = 1) double share) {
    int n = closes.length;
    long[] t = days(n);
    int late = (int) Math.floor(share * (n - 1));
    long[] benchmarkTimes = new long[n - late];
    double[] benchmarkCloses = new double[n - late];
    System.arraycopy(t, late, benchmarkTimes, 0, n - late);
    System.arraycopy(closes, late, benchmarkCloses, 0, n - late);

    BenchmarkStats s = BenchmarkStats.compute(t, closes, benchmarkTimes, benchmarkCloses, 50, B, 0);

    assertThat(s.returns()).isEqualTo(n - 1 - late);
    for (int i = 0; i < n; i++) {
      if (i < late) {
        assertThat(s.rebasedEquity()[i]).isNaN();
      } else {
        assertThat(s.rebasedEquity()[i]).isCloseTo(50 * closes[i] / closes[late], within(1e-9));
      }
    }
  }
}
