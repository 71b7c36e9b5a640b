package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.SeriesAssert.assertMatchesReference;
import static com.tradingbacktest.engine.indicator.SeriesAssert.assertSeries;
import static com.tradingbacktest.engine.indicator.SeriesAssert.firstDefined;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrendAndVolumeTests {

  private static final double NaN = Double.NaN;
  private final Bars bars = Bars.standard();

  @Test
  void directionalIndicatorsAndAdxFollowTaLibsWilderSeeding() {
    for (int length : new int[] {2, 14, 30}) {
      double[][] expected = Reference.dmi(bars.high, bars.low, bars.close, length);
      assertSeries(
          "+DI " + length, Indicators.plusDi(bars.high, bars.low, bars.close, length), expected[0]);
      assertSeries(
          "-DI " + length,
          Indicators.minusDi(bars.high, bars.low, bars.close, length),
          expected[1]);
      assertSeries(
          "ADX " + length, Indicators.adx(bars.high, bars.low, bars.close, length), expected[2]);
    }
  }

  @Test
  void parabolicSarStartsAtTheFirstLowInAnUptrendAndAcceleratesAtNewHighs() {
    // The second low is above the first (no -DM), so TA-Lib starts long: SAR 9 (first low), EP 11,
    // AF .02.
    // Bar 1: SAR 9; next = 9 + .02 * (11 - 9) = 9.04.
    // Bar 2: SAR 9.04; new high 12 -> EP 12, AF .04; next = 9.04 + .04 * (12 - 9.04) = 9.1584.
    // Bar 3: SAR 9.1584; new high 13 -> AF .06; next = 9.1584 + .06 * (13 - 9.1584) = 9.388896.
    // Bar 4: SAR 9.388896.
    double[] high = {10, 11, 12, 13, 14};
    double[] low = {9, 10, 11, 12, 13};
    assertSeries(
        "sar",
        Indicators.parabolicSar(high, low, 0.02, 0.2),
        new double[] {NaN, 9, 9.04, 9.1584, 9.388896});
  }

  @Test
  void parabolicSarStaysOnTheOtherSideOfThePriceItTrails() {
    double[] sar = Indicators.parabolicSar(bars.high, bars.low, 0.02, 0.2);
    assertThat(firstDefined(sar)).isEqualTo(1);
    for (int i = 1; i < sar.length; i++) {
      // Below the low while long, above the high while short; the bar that reverses reports the new
      // side.
      boolean below = sar[i] <= bars.low[i];
      boolean above = sar[i] >= bars.high[i];
      assertThat(below || above)
          .as("bar %d: sar %s, low %s, high %s", i, sar[i], bars.low[i], bars.high[i])
          .isTrue();
    }
  }

  @Test
  void aroonCountsBarsSinceTheExtremeOfTheLastLengthPlusOneBars() {
    // Length 3 looks at 4 bars. Bar 3: highs 1,3,2,2 -> highest 2 bars ago -> 100*(3-2)/3 = 33.33;
    // lows 5,4,4,6 -> the most recent 4 (bar 2) wins the tie -> 1 bar ago -> 66.67.
    // Bar 4: highs 3,2,2,4 -> today -> 100; lows 4,4,6,5 -> bar 2, 2 bars ago -> 33.33.
    double[] high = {1, 3, 2, 2, 4};
    double[] low = {5, 4, 4, 6, 5};
    Aroon aroon = Indicators.aroon(high, low, 3);
    assertSeries("up", aroon.up(), new double[] {NaN, NaN, NaN, 100 / 3.0, 100});
    assertSeries("down", aroon.down(), new double[] {NaN, NaN, NaN, 200 / 3.0, 100 / 3.0});
    assertSeries(
        "oscillator",
        Indicators.aroonOscillator(high, low, 3),
        new double[] {NaN, NaN, NaN, -100 / 3.0, 200 / 3.0});
  }

  @Test
  void aroonMatchesANaiveScanOfEachWindow() {
    for (int length : new int[] {2, 14, 25}) {
      double[][] expected = Reference.aroon(bars.high, bars.low, length);
      Aroon aroon = Indicators.aroon(bars.high, bars.low, length);
      assertSeries("up " + length, aroon.up(), expected[0]);
      assertSeries("down " + length, aroon.down(), expected[1]);
      assertSeries(
          "oscillator " + length,
          Indicators.aroonOscillator(bars.high, bars.low, length),
          Reference.combine(1, expected[0], -1, expected[1]));
    }
  }

  @Test
  void obvAddsVolumeOnUpClosesSubtractsOnDownClosesAndKeepsOnUnchanged() {
    // Starts at the first volume 100; +200 (up), unchanged, -400 (down), +500 (up).
    double[] close = {10, 11, 11, 10, 12};
    double[] volume = {100, 200, 300, 400, 500};
    assertSeries("obv", Indicators.obv(close, volume), new double[] {100, 300, 300, -100, 400});
    assertSeries(
        "obv random walk",
        Indicators.obv(bars.close, bars.volume),
        Reference.obv(bars.close, bars.volume));
  }

  @Test
  void mfiIsTheShareOfPositiveMoneyFlowInTheWindow() {
    // high = low = close, so the typical price is the close. Flows (price * volume) of bars 1..3:
    // bar 1: 11 * 20 = 220 up, bar 2: 10 * 30 = 300 down, bar 3: 12 * 10 = 120 up.
    // MFI(3) at bar 3 = 100 * (220 + 120) / 640 = 53.125. Bar 4 (unchanged 12): flows of bars 2..4
    // are 300 down, 120 up and an unchanged one that counts nowhere -> 100 * 120 / 420.
    double[] price = {10, 11, 10, 12, 12};
    double[] volume = {50, 20, 30, 10, 40};
    assertSeries(
        "mfi",
        Indicators.mfi(price, price, price, volume, 3),
        new double[] {NaN, NaN, NaN, 53.125, 12000 / 420.0});
    assertMatchesReference(
        "mfi",
        length -> Indicators.mfi(bars.high, bars.low, bars.close, bars.volume, length),
        length -> Reference.mfi(bars.high, bars.low, bars.close, bars.volume, length),
        2,
        14);
  }
}
