package com.tradingbacktest.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.function.IntFunction;

/** Element-wise comparison of indicator outputs with readable failures. */
final class SeriesAssert {

  /** The relative tolerance where our reference uses the same formula as TA-Lib. */
  static final double TOLERANCE = 1e-9;

  private SeriesAssert() {}

  /**
   * Same length, NaN at the same bars, and elsewhere |actual - expected| <= tolerance * max(1,
   * |expected|) (relative for prices, absolute near zero, where oscillators cross it).
   */
  static void assertSeries(String what, double[] actual, double[] expected, double tolerance) {
    assertThat(actual).as(what + " length").hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      double a = actual[i];
      double e = expected[i];
      if (Double.isNaN(e) || Double.isNaN(a)) {
        if (Double.isNaN(e) != Double.isNaN(a)) {
          fail(what + " at bar " + i + ": expected " + e + " but was " + a);
        }
      } else if (!(Math.abs(a - e) <= tolerance * Math.max(1.0, Math.abs(e)))) {
        fail(
            what
                + " at bar "
                + i
                + ": expected "
                + e
                + " but was "
                + a
                + " (diff "
                + (a - e)
                + ")");
      }
    }
  }

  static void assertSeries(String what, double[] actual, double[] expected) {
    assertSeries(what, actual, expected, TOLERANCE);
  }

  /**
   * The indicator equals its reference (within {@link #TOLERANCE}) at each of {@code lengths};
   * {@code what} and the length name a failure.
   */
  static void assertMatchesReference(
      String what,
      IntFunction<double[]> indicator,
      IntFunction<double[]> reference,
      int... lengths) {
    for (int length : lengths) {
      assertSeries(what + " " + length, indicator.apply(length), reference.apply(length));
    }
  }

  /** The index of the first non-NaN value, or the length if all are NaN. */
  static int firstDefined(double[] x) {
    int i = 0;
    while (i < x.length && Double.isNaN(x[i])) {
      i++;
    }
    return i;
  }

  static double[] nan(int n) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, Double.NaN);
    return out;
  }
}
