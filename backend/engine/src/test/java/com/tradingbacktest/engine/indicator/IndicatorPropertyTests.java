package com.tradingbacktest.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** Invariants over random series. */
class IndicatorPropertyTests {

  /** Prices with occasional NaN gaps and many repeated values (ties). */
  @Provide
  Arbitrary<double[]> gappySeries() {
    return Arbitraries.doubles()
        .between(-1000, 1000)
        .ofScale(1)
        .withSpecialValue(Double.NaN)
        .array(double[].class)
        .ofMinSize(0)
        .ofMaxSize(200);
  }

  @Provide
  Arbitrary<double[]> prices() {
    return Arbitraries.doubles()
        .between(0.01, 1_000_000)
        .array(double[].class)
        .ofMinSize(0)
        .ofMaxSize(200);
  }

  @Property
  void highestAndLowestAreTheExtremesOfEveryNaNFreeWindow(
      @ForAll("gappySeries") double[] x, @ForAll @IntRange(min = 1, max = 30) int length) {
    double[] highest = Indicators.highest(x, length);
    double[] lowest = Indicators.lowest(x, length);
    assertThat(highest).hasSize(x.length);
    for (int i = 0; i < x.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      double min = Double.POSITIVE_INFINITY;
      boolean defined = i >= length - 1;
      for (int j = Math.max(0, i - length + 1); j <= i; j++) {
        defined &= !Double.isNaN(x[j]);
        max = Math.max(max, x[j]);
        min = Math.min(min, x[j]);
      }
      if (defined) {
        assertThat(highest[i]).isEqualTo(max).isGreaterThanOrEqualTo(x[i]);
        assertThat(lowest[i]).isEqualTo(min).isLessThanOrEqualTo(x[i]);
      } else {
        assertThat(highest[i]).isNaN();
        assertThat(lowest[i]).isNaN();
      }
    }
  }

  @Property
  void movingAveragesOfAConstantSeriesAreThatConstant(
      @ForAll @DoubleRange(min = 1e-6, max = 1e6) @Scale(8) double value,
      @ForAll @IntRange(min = 1, max = 40) int length) {
    double[] x = new double[100];
    java.util.Arrays.fill(x, value);
    for (double[] ma :
        new double[][] {
          Indicators.sma(x, length),
          Indicators.ema(x, length),
          Indicators.wma(x, length),
          Indicators.dema(x, length),
          Indicators.tema(x, length)
        }) {
      for (int i = 3 * (length - 1); i < x.length; i++) {
        assertThat(ma[i]).isCloseTo(value, within(1e-9 * value));
      }
    }
  }

  @Property
  void boundedOscillatorsStayWithinTheirRange(
      @ForAll("prices") double[] close, @ForAll @IntRange(min = 2, max = 20) int length) {
    for (double v : Indicators.rsi(close, length)) {
      assertThat(Double.isNaN(v) || (v >= 0 && v <= 100)).as("rsi %s", v).isTrue();
    }
    for (double v : Indicators.williamsR(close, close, close, length)) {
      assertThat(Double.isNaN(v) || (v >= -100 - 1e-9 && v <= 1e-9)).as("williamsR %s", v).isTrue();
    }
    for (double v : Indicators.stochastic(close, close, close, length, 3, 3).d()) {
      assertThat(Double.isNaN(v) || (v >= -1e-9 && v <= 100 + 1e-9))
          .as("stochastic %s", v)
          .isTrue();
    }
  }

  @Property
  void aBarIsNeverBothACrossoverAndACrossunder(
      @ForAll("gappySeries") double[] a,
      @ForAll @DoubleRange(min = -1000, max = 1000) double level) {
    double[] b = new double[a.length];
    java.util.Arrays.fill(b, level);
    boolean[] over = Crosses.crossover(a, b);
    boolean[] under = Crosses.crossunder(a, b);
    boolean[] overLevel = Crosses.crossover(a, level);
    for (int i = 0; i < a.length; i++) {
      assertThat(over[i] && under[i]).isFalse();
      assertThat(overLevel[i]).isEqualTo(over[i]);
    }
  }
}
