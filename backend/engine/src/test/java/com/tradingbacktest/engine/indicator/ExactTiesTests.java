package com.tradingbacktest.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's exact ties by hand: the case that motivated them, and each fallback of {@link
 * DecimalWindow}.
 */
class ExactTiesTests {

  /**
   * ORCL on 2004-06-29 in the shape that broke: a long history of cent prices (the running sum's
   * rounding accumulates over it), then 30 closes whose mean is 11.375, the last 10 of which also
   * average 11.375. Both SMAs must be exactly 11.375, so neither crossover fires on that bar.
   */
  @Test
  void equalDecimalMeansCompareEqualWhereARunningSumMadeThemDiffer() {
    Random random = new Random(2004);
    double[] x = new double[2_530];
    double p = 20;
    for (int i = 0; i < 2_500; i++) {
      p = Math.max(5, p + random.nextGaussian() * 0.3);
      x[i] = Math.rint(p * 100) / 100;
    }
    // 20 closes summing to 227.50 (mean 11.375), then 10 summing to 113.75 (mean 11.375)
    double[] last30 = {
      11.52, 11.30, 11.57, 11.41, 11.25, 11.36, 11.48, 11.22, 11.31, 11.50, 11.43, 11.29, 11.37,
      11.45, 11.26, 11.39, 11.34, 11.48, 11.21, 11.36, 11.20, 11.42, 11.33, 11.51, 11.28, 11.44,
      11.30, 11.39, 11.47, 11.41
    };
    System.arraycopy(last30, 0, x, 2_500, 30);
    int bar = x.length - 1;

    double[] fast = Indicators.sma(x, 10);
    double[] slow = Indicators.sma(x, 30);
    assertThat(fast[bar]).isEqualTo(11.375);
    assertThat(slow[bar]).isEqualTo(11.375);
    assertThat(Crosses.crossover(fast, slow)[bar]).isFalse();
    assertThat(Crosses.crossunder(fast, slow)[bar]).isFalse();
    assertThat(Indicators.bollinger(x, 30, 2).middle()[bar]).isEqualTo(11.375);

    // TA-Lib's running sum, which the SMA used to repeat, does not give this tie: the test would
    // catch a return to it.
    assertThat(taLibSma(x, 10)[bar]).isNotEqualTo(taLibSma(x, 30)[bar]);
  }

  @Test
  void theMeanOfAWindowIsTheNearestDoubleToItsDecimalMean() {
    // 0.1 + 0.2 + 0.3 is 0.6000000000000001 in double arithmetic; the mean of the decimals is
    // exactly 0.2, and (0.1 + 0.2 + 0.4) / 3 = 0.2333... rounds once (0.7 / 3 in double rounds
    // twice and is an ulp below).
    double[] sma = Indicators.sma(new double[] {0.1, 0.2, 0.3, 0.4}, 3);
    assertThat(sma[2]).isEqualTo(0.2);
    assertThat(sma[3]).isEqualTo(0.3);
    assertThat(Indicators.sma(new double[] {0.1, 0.2, 0.4}, 3)[2])
        .isEqualTo(Exact.mean(new BigDecimal("0.7"), 3))
        .isEqualTo(0.23333333333333334)
        .isNotEqualTo(0.7 / 3);
    // Whole numbers in won: no decimals at all.
    assertThat(Indicators.sma(new double[] {71_200, 71_300, 71_500}, 3)[2])
        .isEqualTo(214_000 / 3.0);
  }

  @Test
  void theScaleGrowsWhereAValueNeedsMorePlacesAndEarlierMeansStay() {
    // Whole numbers, then one with a half, then 8 places: each mean exact, and the means before
    // a value are the same with or without it.
    double[] x = {100, 101, 102, 102.5, 103, 0.00000001, 7.12345678, 8, 9};
    double[] sma = Indicators.sma(x, 2);
    BigDecimal[] exact = decimals("100", "101", "102", "102.5", "103", "0.00000001");
    for (int i = 1; i < exact.length; i++) {
      assertThat(sma[i]).isEqualTo(Exact.mean(exact[i - 1].add(exact[i]), 2));
    }
    assertThat(sma[6]).isEqualTo(Exact.mean(new BigDecimal("7.12345679"), 2));
    assertThat(Arrays.copyOf(Indicators.sma(Arrays.copyOf(x, 5), 2), 5))
        .isEqualTo(Arrays.copyOf(sma, 5));
  }

  @Test
  void largePricesWithManyPlacesOverALongWindowStayCorrectlyRounded() {
    // 9,999,999.99999999 (8 places) x 500 bars: the integer sum is about 5e17, beyond 2^53, so the
    // sum moves to long and the division to exact integer arithmetic.
    int length = 500;
    double[] x = new double[length + 20];
    BigDecimal sum = BigDecimal.ZERO;
    Random random = new Random(5);
    BigDecimal[] exact = new BigDecimal[x.length];
    for (int i = 0; i < x.length; i++) {
      exact[i] = BigDecimal.valueOf(999_999_000_000_000L + random.nextInt(999_999_999), 8);
      x[i] = exact[i].doubleValue();
    }
    double[] sma = Indicators.sma(x, length);
    for (int i = 0; i < x.length; i++) {
      sum = sum.add(exact[i]);
      if (i >= length) {
        sum = sum.subtract(exact[i - length]);
      }
      if (i >= length - 1) {
        assertThat(sma[i]).as("bar %d", i).isEqualTo(Exact.mean(sum, length));
      }
    }
    // Whole-won prices of bitcoin (about 1.5e8) count as integers, exact as well.
    double[] btc = {148_250_000, 148_310_000, 148_190_000, 148_400_000};
    assertThat(Indicators.sma(btc, 3)[3]).isEqualTo(Exact.mean(new BigDecimal("444900000"), 3));
  }

  @Test
  void windowsHoldingAValueThatIsNoDecimalAreCompensatedThenExactAgainOnceItLeaves() {
    double third = 1.0 / 3;
    double[] x = {0.1, 0.2, third, 0.3, 0.4, 0.5, 0.6};
    double[] sma = Indicators.sma(x, 3);
    // Windows with 1/3: the mean of the doubles themselves, to 2 ulps (the compensated sum is
    // nearly exact, then rounds to double and is divided).
    for (int i = 2; i <= 4; i++) {
      BigDecimal sum = BigDecimal.ZERO;
      for (int j = i - 2; j <= i; j++) {
        sum = sum.add(new BigDecimal(x[j]));
      }
      double exact = Exact.mean(sum, 3);
      assertThat(sma[i]).as("bar %d", i).isCloseTo(exact, within(2 * Math.ulp(exact)));
    }
    // 1/3 has left the window: exact again.
    assertThat(sma[5]).isEqualTo(0.4);
    assertThat(sma[6]).isEqualTo(0.5);
    // The deviation of the windows with 1/3 is TA-Lib's; without it, exact again (0.3, 0.4, 0.5
    // and 0.4, 0.5, 0.6 deviate by sqrt(2/300) alike, to the bit).
    double[] sd = Indicators.stddev(x, 3);
    BigDecimal[] withThird = {new BigDecimal(x[1]), new BigDecimal(third), new BigDecimal(x[3])};
    assertThat(sd[3]).isCloseTo(Exact.stddev(withThird), within(1e-12));
    assertThat(sd[5]).isEqualTo(sd[6]).isCloseTo(Math.sqrt(2.0 / 300), within(4 * Math.ulp(0.08)));
  }

  @Test
  void aCompensatedWindowCarriesOverWhenTheSumMovesToLong() {
    // 1/3 and small prices, then 8-decimal prices near 10^7: the sum moves from double to long
    // while the window still holds 1/3. Windows with it: the mean of the doubles to 2 ulps;
    // after it: the exact decimal mean.
    int length = 300;
    Random random = new Random(11);
    double[] x = new double[900];
    BigDecimal[] exact = new BigDecimal[x.length];
    for (int i = 0; i < x.length; i++) {
      long units = i < 200 ? 1_000 + random.nextInt(100) : 999_000_000_000_000L + i;
      exact[i] = BigDecimal.valueOf(units, i < 200 ? 2 : 8);
      x[i] = exact[i].doubleValue();
    }
    x[150] = 1.0 / 3;
    exact[150] = new BigDecimal(x[150]);
    double[] sma = Indicators.sma(x, length);
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < x.length; i++) {
      sum = sum.add(exact[i]);
      if (i >= length) {
        sum = sum.subtract(exact[i - length]);
      }
      if (i >= length - 1) {
        double expected = Exact.mean(sum, length);
        if (i - 150 < length) {
          assertThat(sma[i]).as("bar %d", i).isCloseTo(expected, within(2 * Math.ulp(expected)));
        } else {
          assertThat(sma[i]).as("bar %d", i).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void valuesTooLargeForTheIntegerSumAreCompensated() {
    // 1e15 with 2 places is 1e17 hundredths: over 500 bars more than a long holds.
    int length = 500;
    double[] x = new double[length + 5];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1e15 + (i % 7) * 0.25;
    }
    double[] sma = Indicators.sma(x, length);
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < x.length; i++) {
      sum = sum.add(new BigDecimal(x[i]));
      if (i >= length) {
        sum = sum.subtract(new BigDecimal(x[i - length]));
      }
      if (i >= length - 1) {
        double exact = Exact.mean(sum, length);
        assertThat(Math.abs(sma[i] - exact)).isLessThanOrEqualTo(2 * Math.ulp(exact));
      }
    }
  }

  @Test
  void aNaNOrAnInfinityAfterTheStartMakesEveryLaterOutputNaN() {
    double nan = Double.NaN;
    for (double bad : new double[] {nan, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      double[] x = {nan, 1.5, 2.5, bad, 3, 4, 5};
      assertThat(Indicators.sma(x, 2)).containsExactly(nan, nan, 2.0, nan, nan, nan, nan);
      assertThat(Indicators.stddev(x, 2)).containsExactly(nan, nan, 0.5, nan, nan, nan, nan);
    }
  }

  @Test
  void stddevOfAFlatWindowIsZeroAndBandsCollapseExactly() {
    double[] x = {0.1, 0.7, 0.7, 0.7, 0.7, 12.34, 12.34, 12.34};
    double[] sd = Indicators.stddev(x, 3);
    assertThat(sd[3]).isZero();
    assertThat(sd[4]).isZero();
    assertThat(sd[7]).isZero();
    BollingerBands bands = Indicators.bollinger(x, 3, 2);
    assertThat(bands.upper()[4]).isEqualTo(0.7).isEqualTo(bands.lower()[4]);
    assertThat(bands.middle()[7]).isEqualTo(12.34);
    // 2, 4, 4, 4, 5, 5, 7, 9 in cents: deviation exactly 0.02
    double[] cents = {0.02, 0.04, 0.04, 0.04, 0.05, 0.05, 0.07, 0.09};
    assertThat(Indicators.stddev(cents, 8)[7]).isEqualTo(0.02);
  }

  @Test
  void theStochasticsSmoothingIsExactWhereTheirValuesAreDecimals() {
    // One-bar ranges from 0 to 100: each fast %K is the close itself, a decimal, so the smoothed
    // %K and the %D are exact means.
    double[] high = {100, 100, 100, 100, 100, 100, 100};
    double[] low = {0, 0, 0, 0, 0, 0, 0};
    double[] close = {6.25, 87.5, 43.7, 56.2, 12.5, 81.3, 50.1};
    Stochastic smoothed = Indicators.stochastic(high, low, close, 1, 3, 1);
    Stochastic signal = Indicators.stochastic(high, low, close, 1, 1, 3);
    for (int i = 2; i < close.length; i++) {
      BigDecimal sum = BigDecimal.ZERO;
      for (int j = i - 2; j <= i; j++) {
        sum = sum.add(BigDecimal.valueOf(close[j]));
      }
      assertThat(smoothed.k()[i]).as("%%K at %d", i).isEqualTo(Exact.mean(sum, 3));
      assertThat(signal.d()[i]).as("%%D at %d", i).isEqualTo(Exact.mean(sum, 3));
    }
  }

  private static BigDecimal[] decimals(String... values) {
    return Arrays.stream(values).map(BigDecimal::new).toArray(BigDecimal[]::new);
  }

  private static double[] taLibSma(double[] x, int length) {
    return TaLib.run1(
        "sma",
        TaLib.CORE.smaLookback(length),
        (s, e, b, c, o) -> TaLib.CORE.sma(s, e, x, length, b, c, o[0]),
        x);
  }
}
