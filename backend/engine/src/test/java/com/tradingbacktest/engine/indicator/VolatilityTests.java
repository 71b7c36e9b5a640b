package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.SeriesAssert.assertMatchesReference;
import static com.tradingbacktest.engine.indicator.SeriesAssert.assertSeries;
import static com.tradingbacktest.engine.indicator.SeriesAssert.firstDefined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VolatilityTests {

  private static final double NaN = Double.NaN;
  private final Bars bars = Bars.standard();

  // Bars (high, low, close) and their true ranges against the previous close:
  // 0: 10, 8, 9
  // 1: 12, 9, 11  TR = max(12-9, |12-9|, |9-9|)    = 3
  // 2: 11, 10, 10 TR = max(11-10, |11-11|, |10-11|) = 1
  // 3: 15, 11, 14 TR = max(15-11, |15-10|, |11-10|) = 5 (gap up: the previous close counts)
  // 4: 14, 13, 13 TR = max(14-13, |14-14|, |13-14|) = 1
  // 5: 13, 8, 9   TR = max(13-8, |13-13|, |8-13|)   = 5
  private static final double[] HIGH = {10, 12, 11, 15, 14, 13};
  private static final double[] LOW = {8, 9, 10, 11, 13, 8};
  private static final double[] CLOSE = {9, 11, 10, 14, 13, 9};

  @Test
  void trueRangeIncludesGapsFromThePreviousClose() {
    assertSeries(
        "trueRange", Indicators.trueRange(HIGH, LOW, CLOSE), new double[] {NaN, 3, 1, 5, 1, 5});
  }

  @Test
  void atrIsSeededByTheMeanTrueRangeThenWilderSmoothed() {
    // ATR(3) at bar 3 = (3+1+5)/3 = 3; bar 4 = (3*2 + 1)/3 = 7/3; bar 5 = (7/3*2 + 5)/3 = 29/9.
    assertSeries(
        "atr",
        Indicators.atr(HIGH, LOW, CLOSE, 3),
        new double[] {NaN, NaN, NaN, 3, 7 / 3.0, 29 / 9.0});
  }

  @Test
  void natrIsTheAtrInPercentOfTheClose() {
    // 100 * 3/14, 100 * (7/3)/13, 100 * (29/9)/9
    assertSeries(
        "natr",
        Indicators.natr(HIGH, LOW, CLOSE, 3),
        new double[] {NaN, NaN, NaN, 300 / 14.0, 700 / 39.0, 2900 / 81.0});
  }

  @Test
  void atrAndNatrMatchAWilderLoop() {
    for (int length : new int[] {1, 2, 14, 50}) {
      double[] atr = Reference.atr(bars.high, bars.low, bars.close, length);
      assertSeries("atr " + length, Indicators.atr(bars.high, bars.low, bars.close, length), atr);
      double[] natr = new double[atr.length];
      for (int i = 0; i < atr.length; i++) {
        natr[i] = 100 * atr[i] / bars.close[i];
      }
      assertSeries(
          "natr " + length, Indicators.natr(bars.high, bars.low, bars.close, length), natr);
    }
  }

  @Test
  void stddevIsThePopulationDeviationOfTheWindow() {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, population variance 4 -> 2.
    double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
    assertThat(Indicators.stddev(x, 8)[7]).isCloseTo(2.0, within(1e-12));
    assertMatchesReference(
        "stddev",
        length -> Indicators.stddev(bars.close, length),
        length -> Reference.stddev(bars.close, length),
        2,
        20,
        60);
  }

  @Test
  void stddevOfATinyPricedAssetIsNotRoundedToZero() {
    // Prices around 1e-5 with moves of 1e-7 (some crypto pairs): the variance is ~1e-14, far below
    // the 1e-8 under which TA-Lib's STDDEV and BBANDS report 0.
    double[] x = new double[50];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1e-5 + 1e-7 * Math.sin(i);
    }
    assertSeries("tiny stddev", Indicators.stddev(x, 20), Reference.stddev(x, 20), 1e-6);
    assertThat(Indicators.stddev(x, 20)[49]).isGreaterThan(1e-8);
    BollingerBands bands = Indicators.bollinger(x, 20, 2);
    assertThat(bands.upper()[49]).isGreaterThan(bands.middle()[49]);
  }

  @Test
  void stddevOfAConstantSeriesIsZero() {
    double[] x = {0.1, 0.1, 0.1, 0.1, 0.1};
    assertThat(Indicators.stddev(x, 3)).containsExactly(NaN, NaN, 0.0, 0.0, 0.0);
  }

  @Test
  void bollingerBandsAreTheSmaPlusMinusKPopulationDeviations() {
    int length = 20;
    double k = 2.5;
    BollingerBands bands = Indicators.bollinger(bars.close, length, k);
    double[] middle = Reference.sma(bars.close, length);
    double[] sd = Reference.stddev(bars.close, length);
    assertSeries("middle", bands.middle(), middle);
    assertSeries("upper", bands.upper(), Reference.combine(1, middle, k, sd));
    assertSeries("lower", bands.lower(), Reference.combine(1, middle, -k, sd));
    assertThat(firstDefined(bands.upper())).isEqualTo(length - 1);
  }

  @Test
  void bollingerWithZeroWidthCollapsesOntoTheSma() {
    BollingerBands bands = Indicators.bollinger(bars.close, 10, 0);
    assertSeries("upper", bands.upper(), bands.middle(), 0);
    assertSeries("lower", bands.lower(), bands.middle(), 0);
  }
}
