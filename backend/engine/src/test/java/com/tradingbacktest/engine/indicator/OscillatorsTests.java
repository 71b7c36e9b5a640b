package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.SeriesAssert.assertMatchesReference;
import static com.tradingbacktest.engine.indicator.SeriesAssert.assertSeries;
import static com.tradingbacktest.engine.indicator.SeriesAssert.firstDefined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OscillatorsTests {

  private static final double NaN = Double.NaN;
  private final Bars bars = Bars.standard();

  @Test
  void rsiUsesWilderSmoothingSeededByTheMeanGainAndLoss() {
    // Changes: +1, -2, +3, +1, -2. Over the first 3: gain (1+0+3)/3 = 4/3, loss (0+2+0)/3 = 2/3,
    // RSI(3) at bar 3 = 100 * (4/3) / (6/3) = 66.67.
    // Bar 4 (+1): gain (4/3*2 + 1)/3 = 11/9, loss (2/3*2)/3 = 4/9 -> 100 * 11/15 = 73.33.
    // Bar 5 (-2): gain (11/9*2)/3 = 22/27, loss (4/9*2 + 2)/3 = 26/27 -> 100 * 22/48 = 45.83.
    double[] x = {44, 45, 43, 46, 47, 45};
    assertSeries(
        "rsi",
        Indicators.rsi(x, 3),
        new double[] {NaN, NaN, NaN, 200 / 3.0, 1100 / 15.0, 2200 / 48.0});
  }

  @Test
  void rsiMatchesAWilderLoopAndStaysWithinZeroAndHundred() {
    for (int length : new int[] {2, 14, 30}) {
      double[] rsi = Indicators.rsi(bars.close, length);
      assertSeries("rsi " + length, rsi, Reference.rsi(bars.close, length));
      Arrays.stream(rsi)
          .filter(v -> !Double.isNaN(v))
          .forEach(v -> assertThat(v).isBetween(0.0, 100.0));
    }
  }

  @Test
  void rsiIsHundredWhenPricesOnlyRiseAndZeroWhenTheyNeverMove() {
    assertThat(Indicators.rsi(new double[] {1, 2, 3, 4, 5}, 3)[4]).isEqualTo(100.0);
    // TA-Lib's choice for a window without any change (no gain and no loss).
    assertThat(Indicators.rsi(new double[] {5, 5, 5, 5, 5}, 3)[4]).isEqualTo(0.0);
  }

  @Test
  void macdFollowsTaLibSeedingOfBothEmasAtTheSlowPeriod() {
    Macd macd = Indicators.macd(bars.close, 12, 26, 9);
    double[][] expected = Reference.macd(bars.close, 12, 26, 9);
    assertSeries("macd", macd.macd(), expected[0]);
    assertSeries("signal", macd.signal(), expected[1]);
    assertSeries("histogram", macd.histogram(), expected[2]);
    assertThat(firstDefined(macd.macd())).isEqualTo(26 + 9 - 2);
    assertThat(firstDefined(macd.signal())).isEqualTo(26 + 9 - 2);
    assertThat(firstDefined(macd.histogram())).isEqualTo(26 + 9 - 2);
  }

  @Test
  void macdConvergesToTheDifferenceOfEmasSeededAtTheFirstBar() {
    // Seeding only matters for a while: (1 - 2/27)^250 is about 5e-9, so after 250 bars any seeding
    // gives the same MACD line to well within 1e-6 (prices are around 100).
    double[] line = Indicators.macd(bars.close, 12, 26, 9).macd();
    double[] fast = Reference.emaSeededAtFirstValue(bars.close, 12);
    double[] slow = Reference.emaSeededAtFirstValue(bars.close, 26);
    for (int i = 250; i < bars.size(); i++) {
      assertThat(line[i]).as("bar %d", i).isCloseTo(fast[i] - slow[i], within(1e-6));
    }
  }

  @Test
  void stochasticSmoothsFastKWithSmasAndStartsBothLinesTogether() {
    int kLength = 14;
    int kSmoothing = 3;
    int dLength = 3;
    Stochastic stoch =
        Indicators.stochastic(bars.high, bars.low, bars.close, kLength, kSmoothing, dLength);
    double[] slowK =
        Reference.smaFromFirstDefined(
            Reference.fastK(bars.high, bars.low, bars.close, kLength), kSmoothing);
    double[] slowD = Reference.smaFromFirstDefined(slowK, dLength);
    int start = kLength - 1 + kSmoothing - 1 + dLength - 1;
    Arrays.fill(slowK, 0, start, NaN);
    assertSeries("%K", stoch.k(), slowK);
    assertSeries("%D", stoch.d(), slowD);
    assertThat(firstDefined(stoch.k())).isEqualTo(start);
  }

  @Test
  void stochasticWithoutSmoothingIsTheRawPositionInTheRange() {
    // Window of 3: bar 2 has range 8..12 and close 10 -> 50; bar 3 range 9..15, close 14 -> 83.33.
    double[] high = {10, 12, 11, 15};
    double[] low = {8, 9, 10, 11};
    double[] close = {9, 11, 10, 14};
    Stochastic stoch = Indicators.stochastic(high, low, close, 3, 1, 1);
    assertSeries("%K", stoch.k(), new double[] {NaN, NaN, 50, 500 / 6.0});
    assertSeries("%D", stoch.d(), new double[] {NaN, NaN, 50, 500 / 6.0});
  }

  @Test
  void stochRsiIsTheFastStochasticOfTheRsi() {
    int rsiLength = 14;
    int kLength = 14;
    int dLength = 3;
    Stochastic stochRsi = Indicators.stochRsi(bars.close, rsiLength, kLength, dLength);
    double[] rsi = Reference.rsi(bars.close, rsiLength);
    double[] k = Reference.fastK(rsi, rsi, rsi, kLength);
    double[] d = Reference.smaFromFirstDefined(k, dLength);
    int start = rsiLength + kLength - 1 + dLength - 1;
    Arrays.fill(k, 0, start, NaN);
    assertSeries("stochRsi %K", stochRsi.k(), k);
    assertSeries("stochRsi %D", stochRsi.d(), d);
    assertThat(firstDefined(stochRsi.d())).isEqualTo(start);
  }

  @Test
  void williamsRIsMinusHundredTimesTheDistanceFromTheHighestHigh() {
    // Window of 3. Bar 2: HH 12, LL 8, close 10 -> -100 * 2/4 = -50.
    // Bar 3: HH 15, LL 9, close 14 -> -100 * 1/6. Bar 4: HH 15, LL 10, close 13 -> -100 * 2/5 =
    // -40.
    // Bar 5: HH 15, LL 8, close 9 -> -100 * 6/7.
    double[] high = {10, 12, 11, 15, 14, 13};
    double[] low = {8, 9, 10, 11, 13, 8};
    double[] close = {9, 11, 10, 14, 13, 9};
    assertSeries(
        "williamsR",
        Indicators.williamsR(high, low, close, 3),
        new double[] {NaN, NaN, -50, -100 / 6.0, -40, -600 / 7.0});
    assertSeries(
        "williamsR 14",
        Indicators.williamsR(bars.high, bars.low, bars.close, 14),
        Reference.williamsR(bars.high, bars.low, bars.close, 14));
  }

  @Test
  void flatRangesGiveZeroForStochasticAndWilliamsR() {
    double[] flat = {5, 5, 5, 5};
    assertThat(Indicators.williamsR(flat, flat, flat, 3)[3]).isEqualTo(0.0);
    assertThat(Indicators.stochastic(flat, flat, flat, 3, 1, 1).k()[3]).isEqualTo(0.0);
  }

  @Test
  void cciDividesTheDistanceFromTheMeanByFifteenThousandthsOfTheMeanDeviation() {
    // Typical prices 1, 2, 3 (high = low = close): mean 2, mean deviation (1+0+1)/3 = 2/3,
    // CCI(3) at bar 2 = (3 - 2) / (0.015 * 2/3) = 100.
    double[] tp = {1, 2, 3};
    assertSeries("cci", Indicators.cci(tp, tp, tp, 3), new double[] {NaN, NaN, 100});
    assertMatchesReference(
        "cci",
        length -> Indicators.cci(bars.high, bars.low, bars.close, length),
        length -> Reference.cci(bars.high, bars.low, bars.close, length),
        2,
        14,
        20);
  }

  @Test
  void momIsTheDifferenceAndRocThePercentChangeOverLengthBars() {
    double[] x = {10, 20, 15, 30, 12};
    // MOM(2): 15-10 = 5, 30-20 = 10, 12-15 = -3. ROC(2): 15/10 -> +50%, 30/20 -> +50%, 12/15 ->
    // -20%.
    assertSeries("mom", Indicators.mom(x, 2), new double[] {NaN, NaN, 5, 10, -3});
    assertSeries("roc", Indicators.roc(x, 2), new double[] {NaN, NaN, 50, 50, -20});
    assertSeries("mom 1", Indicators.mom(x, 1), new double[] {NaN, 10, -5, 15, -18});
  }
}
