package com.tradingbacktest.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 18's exact ties, over random decimal prices: every rolling mean the engine computes is the
 * double nearest to the true decimal mean (BigDecimal), so equal means compare equal.
 */
class ExactTiesPropertyTests {

  /**
   * Decimal prices: each has up to {@code decimals} places (fewer now and then, so the column's
   * scale grows midway), within a decade starting at {@code 10^exponent}, or (with {@code
   * wildMagnitudes}) anywhere from 1e-8 to 1e7 in one series.
   */
  private record Series(BigDecimal[] exact, double[] x) {

    static Series random(long seed, int size, int decimals, int exponent, boolean wildMagnitudes) {
      Random random = new Random(seed);
      BigDecimal[] exact = new BigDecimal[size];
      double[] x = new double[size];
      for (int i = 0; i < size; i++) {
        int places = random.nextInt(4) == 0 ? random.nextInt(decimals + 1) : decimals;
        int e = wildMagnitudes ? -8 + random.nextInt(15) : exponent;
        // 10^e to 10^(e+1), as a whole number of 10^-places, at least 1e-8 and at most 1e7
        double magnitude = Math.pow(10, e + random.nextDouble());
        long units = Math.max(1, Math.round(Math.min(magnitude, 1e7) * Math.pow(10, places)));
        exact[i] = BigDecimal.valueOf(units, places);
        x[i] = exact[i].doubleValue(); // the double nearest to the decimal
      }
      return new Series(exact, x);
    }
  }

  @Property(tries = 400)
  void smaAndTheBollingerMiddleAreTheCorrectlyRoundedDecimalMean(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 500) int length,
      @ForAll @IntRange(min = 1, max = 8) int decimals,
      @ForAll @IntRange(min = -8, max = 6) int exponent,
      @ForAll boolean wildMagnitudes) {
    Series s = Series.random(seed, length + 150, decimals, exponent, wildMagnitudes);
    double[] sma = Indicators.sma(s.x(), length);
    double[] middle = length >= 2 ? Indicators.bollinger(s.x(), length, 2).middle() : sma;
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < s.x().length; i++) {
      sum = sum.add(s.exact()[i]);
      if (i >= length) {
        sum = sum.subtract(s.exact()[i - length]);
      }
      if (i < length - 1) {
        assertThat(sma[i]).isNaN();
        continue;
      }
      double expected = Exact.mean(sum, length);
      assertThat(sma[i]).as("sma(%d) at %d", length, i).isEqualTo(expected);
      assertThat(middle[i]).as("bollinger middle(%d) at %d", length, i).isEqualTo(expected);
    }
  }

  @Property(tries = 200)
  void stddevIsTheExactDeviationToAFewUlpsAndZeroForAFlatWindow(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 500) int length,
      @ForAll @IntRange(min = 1, max = 8) int decimals,
      @ForAll @IntRange(min = -8, max = 6) int exponent,
      @ForAll boolean wildMagnitudes) {
    Series s = Series.random(seed, length + 60, decimals, exponent, wildMagnitudes);
    double[] stddev = Indicators.stddev(s.x(), length);
    BollingerBands bands = Indicators.bollinger(s.x(), length, 0);
    for (int i = length - 1; i < s.x().length; i++) {
      BigDecimal[] window = Arrays.copyOfRange(s.exact(), i - length + 1, i + 1);
      double expected = Exact.stddev(window);
      if (expected == 0) {
        assertThat(stddev[i]).as("flat window at %d", i).isZero();
      } else {
        // The exact integer numerator rounds once to double, n^2 * 10^2d at most twice, then one
        // division and the root: a few ulps, where TA-Lib's E[x^2] - E[x]^2 can lose every digit
        // to cancellation.
        assertThat(Math.abs(stddev[i] - expected))
            .as("stddev(%d) at %d: %s vs %s", length, i, stddev[i], expected)
            .isLessThanOrEqualTo(4 * Math.ulp(expected));
      }
      assertThat(bands.upper()[i]).isEqualTo(bands.middle()[i]);
    }
  }

  @Property(tries = 200)
  void windowsHoldingTheSameValuesInAnyOrderGiveTheSameMeanAndDeviation(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 60) int length,
      @ForAll @IntRange(min = 1, max = 8) int decimals,
      @ForAll @IntRange(min = -8, max = 6) int exponent) {
    Series s = Series.random(seed, length, decimals, exponent, false);
    // The window, then the same values shuffled after a history of other values: the running
    // state before each window differs, the results may not. A first value with all the places
    // sets the column's scale for both windows: the variance is rounded at the scale (the mean
    // is not), and the scale only grows.
    long units = s.exact()[0].setScale(decimals).unscaledValue().longValueExact();
    double[] scaleSetter = {BigDecimal.valueOf(units - units % 10 + 1, decimals).doubleValue()};
    double[] reordered = reorder(s.x(), new Random(seed ^ 0x5DEECE66DL));
    Series history = Series.random(~seed, 3 * length + 7, decimals, exponent, false);
    double[] x = concat(scaleSetter, s.x(), history.x(), reordered);
    int firstEnd = length;
    int secondEnd = x.length - 1;
    double[] sma = Indicators.sma(x, length);
    double[] stddev = Indicators.stddev(x, length);
    assertThat(sma[secondEnd]).isEqualTo(sma[firstEnd]);
    assertThat(stddev[secondEnd]).isEqualTo(stddev[firstEnd]);
  }

  @Property(tries = 200)
  void aMeanDependsOnNothingAfterItsBar(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 100) int length,
      @ForAll @IntRange(min = 1, max = 8) int decimals,
      @ForAll @IntRange(min = 0, max = 399) int cut) {
    // The column's scale only grows at a value that needs it: later values, whatever their
    // places or magnitudes, leave every earlier output as it was.
    Series s = Series.random(seed, 400, decimals, 1, true);
    double[] whole = Indicators.sma(s.x(), length);
    double[] prefix = Indicators.sma(Arrays.copyOf(s.x(), cut + 1), length);
    assertThat(Arrays.copyOf(whole, cut + 1)).isEqualTo(prefix);
    if (length >= 2) {
      double[] wholeDeviation = Indicators.stddev(s.x(), length);
      double[] prefixDeviation = Indicators.stddev(Arrays.copyOf(s.x(), cut + 1), length);
      assertThat(Arrays.copyOf(wholeDeviation, cut + 1)).isEqualTo(prefixDeviation);
    }
  }

  private static double[] reorder(double[] x, Random random) {
    double[] out = x.clone();
    for (int i = out.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  private static double[] concat(double[]... parts) {
    int n = 0;
    for (double[] p : parts) {
      n += p.length;
    }
    double[] out = new double[n];
    int at = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
